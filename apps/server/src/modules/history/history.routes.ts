import { HistoryEntity, HistoryEntry } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { forbidden, notFound } from '../../http/errors';
import { type App, errorResponses } from '../../http/route-types';
import { type Actor, requireAdmin } from '../access/actor';
import { findVisibleRecord } from '../access/records';
import { findLead } from '../leads/leads.queries';
import { findTask } from '../tasks/tasks.queries';
import { listHistory } from './history.queries';

const Params = z.strictObject({ entity: HistoryEntity, id: z.uuid() });
const Query = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** A record's history is visible to whoever may see the record; people and departments to admins and the person. */
async function requireRecordAccess(
  db: Kysely<DB>,
  actor: Actor,
  entity: HistoryEntity,
  id: string,
): Promise<void> {
  if (entity === 'lead') {
    if (!(await findLead(db, actor, id))) throw notFound('Lead');
    return;
  }
  if (entity === 'deal' || entity === 'contact' || entity === 'company') {
    if (!(await findVisibleRecord(db, actor, entity, id))) throw notFound(entity);
    return;
  }
  if (entity === 'task') {
    if (!(await findTask(db, actor, id))) throw notFound('Task');
    return;
  }
  if (entity === 'pipeline') {
    const pipeline = await db
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    // A deleted pipeline's history stays readable to admins; everyone may read a live one's.
    if (pipeline) return;
  }
  if (entity === 'user' && id === actor.userId) return;
  try {
    requireAdmin(actor);
  } catch {
    throw forbidden('Only an owner or admin can see this history');
  }
}

export function registerHistoryRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/history/:entity/:id', {
    schema: {
      tags: ['history'],
      summary: 'Who changed what and when on one record, newest first',
      params: Params,
      querystring: Query,
      response: { 200: z.object({ items: z.array(HistoryEntry) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await requireRecordAccess(db, actor, request.params.entity, request.params.id);
      return {
        items: await listHistory(
          db,
          actor.workspaceId,
          request.params.entity,
          request.params.id,
          request.query.limit,
        ),
      };
    },
  });
}
