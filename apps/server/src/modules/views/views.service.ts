import type { CreateViewBody, SavedView } from '@voronka/domain';
import { canAdminister } from '@voronka/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB, SavedViewsTable } from '../../db/schema';
import { forbidden, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';

function toView(row: Selectable<SavedViewsTable>): SavedView {
  return {
    id: row.id,
    entity: row.entity as SavedView['entity'],
    name: row.name,
    shared: row.owner_id === null,
    ownerId: row.owner_id,
    query: row.query as SavedView['query'],
  };
}

const canShare = (actor: Actor) => canAdminister(actor.role) || actor.role === 'head_of_sales';

/** The caller's own views and the workspace's shared ones. */
export async function findViews(
  db: Kysely<DB>,
  actor: Actor,
  entity: SavedView['entity'],
): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_views')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('entity', '=', entity)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', actor.userId)]))
    .orderBy('name')
    .execute();
  return rows.map(toView);
}

export async function createView(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateViewBody>,
): Promise<SavedView> {
  if (input.shared && !canShare(actor)) throw forbidden('Only a head of sales or an admin can share a view');
  const row = await db
    .insertInto('saved_views')
    .values({
      workspace_id: actor.workspaceId,
      entity: input.entity,
      name: input.name,
      owner_id: input.shared ? null : actor.userId,
      query: JSON.stringify(input.query),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toView(row);
}

export async function deleteView(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  const row = await db
    .selectFrom('saved_views')
    .select(['owner_id'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.owner_id !== null && row.owner_id !== actor.userId)) throw notFound('View');
  if (row.owner_id === null && !canShare(actor))
    throw forbidden('Only a head of sales or an admin can remove a shared view');
  await db
    .deleteFrom('saved_views')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
}
