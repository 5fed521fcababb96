import type { BulkRecordsBody, BulkResult } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { eachItem } from '../../http/batch';
import type { Actor } from '../access/actor';
import { requireResponsible } from './record-changes';

/** What one record goes through for each bulk action, inside the bulk's transaction. */
export interface BulkSteps {
  assign(trx: Kysely<DB>, id: string, responsibleId: string): Promise<unknown>;
  delete(trx: Kysely<DB>, id: string): Promise<unknown>;
  restore(trx: Kysely<DB>, id: string): Promise<unknown>;
}

/**
 * Applies one action to every id (each once) of a lead, contact or company bulk request in one
 * transaction, through the same steps as the single-record routes, so visibility, history and live
 * events are theirs. The first refusal rolls everything back and names its place: `body.ids.3`.
 *
 * @example applyBulk(db, actor, { action: 'delete', ids }, { assign, delete: deleteLeadIn, restore })
 */
export function applyBulk(
  db: Kysely<DB>,
  actor: Actor,
  input: BulkRecordsBody,
  steps: BulkSteps,
): Promise<BulkResult> {
  return db.transaction().execute(async (trx) => {
    if (input.action === 'assign') await requireResponsible(trx, actor, input.responsibleId);
    const done = new Set<string>();
    await eachItem(input.ids, 'body.ids', async (id) => {
      if (done.has(id)) return;
      done.add(id);
      if (input.action === 'assign') await steps.assign(trx, id, input.responsibleId);
      else if (input.action === 'delete') await steps.delete(trx, id);
      else await steps.restore(trx, id);
    });
    return { updated: done.size };
  });
}
