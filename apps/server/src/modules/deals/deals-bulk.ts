import type { BulkDealsBody, CreateDealBody, Deal, UpdateDealBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { eachItem } from '../../http/batch';
import { AppError, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { writeHistory } from '../history/record-history';
import { findDeal, toDeal } from './deals.queries';
import { deleteDealIn, GateClosed, insertDeal, moveDealIn, updateDealIn } from './deals.service';

type Trx = Kysely<DB>;

/** Up to 1,000 new deals in one transaction: all are created, or none. */
export function createDeals(
  db: Kysely<DB>,
  actor: Actor,
  items: readonly z.output<typeof CreateDealBody>[],
): Promise<Deal[]> {
  return db
    .transaction()
    .execute((trx) => eachItem(items, 'body.items', (item) => insertDeal(trx, actor, item)));
}

/** Up to 1,000 changes in one transaction: all apply, or none. */
export function updateDeals(
  db: Kysely<DB>,
  actor: Actor,
  items: readonly (z.output<typeof UpdateDealBody> & { id: string })[],
): Promise<Deal[]> {
  return db
    .transaction()
    .execute((trx) =>
      eachItem(items, 'body.items', ({ id, ...changes }) => updateDealIn(trx, actor, id, changes)),
    );
}

async function restoreDealIn(trx: Trx, actor: Actor, id: string): Promise<void> {
  const row = await findDeal(trx, actor, id, true, true);
  if (!row) throw notFound('Deal');
  await trx
    .updateTable('deals')
    .set({ deleted_at: null, updated_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  await writeHistory(trx, {
    workspaceId: actor.workspaceId,
    entity: 'deal',
    recordId: id,
    actorId: actor.userId,
    action: 'update',
    changes: [{ field: 'deleted', oldValue: true, newValue: false }],
  });
}

export async function restoreDeal(db: Kysely<DB>, actor: Actor, id: string): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    await restoreDealIn(trx, actor, id);
    const row = await findDeal(trx, actor, id);
    if (!row) throw notFound('Deal');
    return toDeal(row);
  });
}

/**
 * Assign, move, delete or restore many deals in one transaction. A move that some deals' gates refuse
 * moves none of them and names every refused deal with what it lacks.
 */
export async function bulkDeals(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof BulkDealsBody>,
): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  return db.transaction().execute(async (trx) => {
    const refused: { id: string; missing: unknown }[] = [];
    await eachItem(ids, 'body.ids', async (id) => {
      if (input.action === 'assign')
        await updateDealIn(trx, actor, id, { responsibleId: input.responsibleId });
      else if (input.action === 'delete') await deleteDealIn(trx, actor, id);
      else if (input.action === 'restore') await restoreDealIn(trx, actor, id);
      else {
        try {
          await moveDealIn(trx, actor, id, { stageId: input.stageId });
        } catch (error) {
          if (!(error instanceof GateClosed)) throw error;
          refused.push({ id, missing: (error.details as { missing: unknown }).missing });
        }
      }
    });
    if (refused.length > 0) {
      throw new AppError(
        'stage_gate',
        `${refused.length} of ${ids.length} deals cannot move on; none were moved`,
        { refused },
      );
    }
    return { updated: ids.length };
  });
}
