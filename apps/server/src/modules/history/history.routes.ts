import { canAdminister, HistoryEntity, HistoryEntry } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { forbidden, notFound } from '../../http/errors';
import { type App, errorResponses } from '../../http/route-types';
import type { Actor } from '../access/actor';
import { findVisibleRecord } from '../access/records';
import { findTask } from '../tasks/tasks.queries';
import { listHistory } from './history.queries';

const Params = z.strictObject({ entity: HistoryEntity, id: z.uuid() });
const Query = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** Whether the workspace has any history for the record: deleted records keep theirs. */
async function hasHistory(db: Kysely<DB>, actor: Actor, entity: HistoryEntity, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('record_history')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('entity', '=', entity)
    .where('record_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * A business record's history is readable by whoever may see the record, deleted or not. People,
 * departments and pipelines: by admins (and a person by themself; a live pipeline by everyone).
 * Anything unknown to the workspace is a 404, never an empty list.
 */
async function requireRecordAccess(
  db: Kysely<DB>,
  actor: Actor,
  entity: HistoryEntity,
  id: string,
): Promise<void> {
  if (entity === 'lead' || entity === 'deal' || entity === 'contact' || entity === 'company') {
    if (!(await findVisibleRecord(db, actor, entity, id, { includeDeleted: true }))) throw notFound(entity);
    return;
  }
  if (entity === 'task') {
    if (!(await findTask(db, actor, id))) throw notFound('Task');
    return;
  }
  if (entity === 'user' && id === actor.userId) return;
  // Non-admins learn nothing about people and departments, not even whether they exist.
  if (entity !== 'pipeline' && !canAdminister(actor.role))
    throw forbidden('Only an owner or admin can see this history');
  const table = entity === 'user' ? 'users' : entity === 'department' ? 'departments' : 'pipelines';
  const live = await db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!live && !(await hasHistory(db, actor, entity, id))) throw notFound(entity);
  if (!live && !canAdminister(actor.role))
    throw forbidden('Only an owner or admin can see a deleted pipeline’s history');
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
