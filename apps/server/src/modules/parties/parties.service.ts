import type { BulkRecordsBody, BulkResult } from '@voronka/domain';
import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { toEncodedPage } from '../../http/cursor';
import { notFound } from '../../http/errors';
import { preEncoded } from '../../http/serializer';
import type { Actor } from '../access/actor';
import { recordChanged } from '../history/record-changed';
import { applyBulk } from './bulk-records';
import type { DuplicateGroup } from './duplicates';
import {
  findParty,
  listParties,
  listPartyDuplicates,
  type PartyListOptions,
  type PartyRow,
  type PartyTable,
} from './parties.queries';
import { deletedNow } from './record-changes';

/** What tells companies and contacts apart where they are otherwise handled alike. */
export interface PartyKind<T extends PartyTable, Item> {
  table: T;
  entity: 'company' | 'contact';
  /** For "… not found". */
  noun: string;
  toItem(row: PartyRow<T>): Item;
  /** `toItem`'s JSON for the row called `alias`, written by PostgreSQL: a list page passes it through. */
  json(alias: string): RawBuilder<string>;
  /** The single update, for bulk assignment; called with the bulk's transaction. */
  update(trx: Kysely<DB>, actor: Actor, id: string, input: { responsibleId: string }): Promise<Item>;
}

export async function findParties<T extends PartyTable, Item>(
  kind: PartyKind<T, Item>,
  db: Kysely<DB>,
  actor: Actor,
  options: PartyListOptions & {
    alsoMatch?: (q: string) => Expression<SqlBool>[];
    filters?: Expression<SqlBool>[];
  },
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const rows = await listParties(db, actor, kind.table, { ...options, json: kind.json });
  return preEncoded(toEncodedPage(rows, options.limit));
}

export async function getParty<T extends PartyTable, Item>(
  kind: PartyKind<T, Item>,
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<Item> {
  const row = await findParty(db, actor, kind.table, id);
  if (!row) throw notFound(kind.noun);
  return kind.toItem(row);
}

export async function findPartyDuplicates(
  kind: PartyKind<PartyTable, unknown>,
  db: Kysely<DB>,
  actor: Actor,
  limit: number,
): Promise<{ items: DuplicateGroup[] }> {
  return { items: await listPartyDuplicates(db, actor, kind.table, limit) };
}

/** Soft delete: the row and its history stay, so a deletion can be audited and undone. */
export async function deleteParty<T extends PartyTable, Item>(
  kind: PartyKind<T, Item>,
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await findParty(trx, actor, kind.table, id, { lock: true });
    if (!current) throw notFound(kind.noun);
    await trx
      .updateTable(kind.table as PartyTable)
      .set({ deleted_at: deletedNow })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordChanged(trx, actor, {
      entity: kind.entity,
      recordId: id,
      responsibleId: current.responsible_id,
      action: 'delete',
      changes: [],
    });
  });
}

/** Brings a deleted party back from the recycle bin, as the actor may see it. */
export async function restoreParty<T extends PartyTable, Item>(
  kind: PartyKind<T, Item>,
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<Item> {
  return inTransaction(db, async (trx) => {
    if (!(await findParty(trx, actor, kind.table, id, { lock: true, deleted: true })))
      throw notFound(kind.noun);
    const row = await trx
      .updateTable(kind.table as PartyTable)
      .set({ deleted_at: null, updated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChanged(trx, actor, {
      entity: kind.entity,
      recordId: id,
      responsibleId: row.responsible_id,
      action: 'update',
      changes: [{ field: 'deleted', oldValue: true, newValue: false }],
    });
    return kind.toItem(row as PartyRow<T>);
  });
}

/** Assign, delete or restore many parties in one transaction: all of them, or none. */
export function bulkParties<T extends PartyTable, Item>(
  kind: PartyKind<T, Item>,
  db: Kysely<DB>,
  actor: Actor,
  input: BulkRecordsBody,
): Promise<BulkResult> {
  return applyBulk(db, actor, input, {
    assign: (trx, id, responsibleId) => kind.update(trx, actor, id, { responsibleId }),
    delete: (trx, id) => deleteParty(kind, trx, actor, id),
    restore: (trx, id) => restoreParty(kind, trx, actor, id),
  });
}
