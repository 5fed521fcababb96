import type { HistoryEntity } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

/** Values of both lists, the survivor's first, each once. */
export function unionOf(survivor: readonly string[], source: readonly string[]): string[] {
  return [...new Set([...survivor, ...source])];
}

/** The survivor's value unless it is empty. */
export function firstFilled<T>(survivor: T | null, source: T | null): T | null {
  return survivor === null || survivor === '' ? source : survivor;
}

/** The survivor's keys win; the source only fills keys the survivor lacks. */
export function fillObject(survivor: unknown, source: unknown): Record<string, unknown> {
  return { ...(source as Record<string, unknown>), ...(survivor as Record<string, unknown>) };
}

export interface Move {
  workspaceId: string;
  fromId: string;
  toId: string;
  actorId: string;
}

export type LinkTable = 'contacts' | 'deals' | 'leads';
export type LinkColumn = 'company_id' | 'contact_id';

const historyEntityOf: Record<LinkTable, HistoryEntity> = {
  contacts: 'contact',
  deals: 'deal',
  leads: 'lead',
};
const fieldOf: Record<LinkColumn, string> = { company_id: 'companyId', contact_id: 'contactId' };

/**
 * Points every row of `table` that links to the source at the survivor, deleted rows included so no
 * link is left dangling, and records the change in each moved row's history.
 */
export async function moveLinks(
  trx: Kysely<DB>,
  table: LinkTable,
  column: LinkColumn,
  move: Move,
): Promise<void> {
  const linked = sql`${sql.ref(`${table}.workspace_id`)} = ${move.workspaceId} and ${sql.ref(`${table}.${column}`)} = ${move.fromId}`;
  await sql`
    insert into record_history (workspace_id, entity, record_id, actor_id, action, field, old_value, new_value)
    select workspace_id, ${historyEntityOf[table]}, id, ${move.actorId}, 'update', ${fieldOf[column]},
      to_jsonb(${move.fromId}::text), to_jsonb(${move.toId}::text)
    from ${sql.table(table)} where ${linked}`.execute(trx);
  await sql`
    update ${sql.table(table)} set ${sql.ref(column)} = ${move.toId}, updated_at = now()
    where ${linked}`.execute(trx);
}

/**
 * Moves what hangs off a record by (entity, record_id) rather than by a foreign key: its activities,
 * its tasks and its history, so the survivor's timeline shows everything both records ever had.
 */
export async function moveTrail(trx: Kysely<DB>, entity: 'company' | 'contact', move: Move): Promise<void> {
  for (const table of ['activities', 'tasks', 'record_history'] as const) {
    await trx
      .updateTable(table)
      .set({ record_id: move.toId })
      .where('workspace_id', '=', move.workspaceId)
      .where('entity', '=', entity)
      .where('record_id', '=', move.fromId)
      .execute();
  }
}
