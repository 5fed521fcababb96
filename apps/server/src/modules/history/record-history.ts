import type { FieldChange, HistoryEntity } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface HistoryWrite {
  workspaceId: string;
  entity: HistoryEntity;
  recordId: string;
  actorId: string | null;
  action: 'create' | 'update' | 'delete';
  changes: FieldChange[];
}

/**
 * Writes one history row per changed field. Call it with the transaction that made the change,
 * so the record and its history commit or roll back together. A delete with no field changes
 * still leaves one row saying who deleted it.
 */
export async function writeHistory(trx: Kysely<DB>, write: HistoryWrite): Promise<void> {
  const insert = historyInsert(trx, write);
  if (insert) await insert.execute();
}

/**
 * The insert `writeHistory` runs, or null when there is nothing to write, for a caller that sends it
 * together with another statement (see `publish`).
 */
export function historyInsert(trx: Kysely<DB>, write: HistoryWrite) {
  const base = {
    workspace_id: write.workspaceId,
    entity: write.entity,
    record_id: write.recordId,
    actor_id: write.actorId,
    action: write.action,
  };
  const rows =
    write.changes.length > 0
      ? write.changes.map((change) => ({
          ...base,
          field: change.field,
          old_value: JSON.stringify(change.oldValue ?? null),
          new_value: JSON.stringify(change.newValue ?? null),
        }))
      : write.action === 'update'
        ? []
        : [{ ...base, field: null, old_value: null, new_value: null }];
  return rows.length > 0 ? trx.insertInto('record_history').values(rows) : null;
}

/** Field changes for a newly created record: every field that has a value, from nothing to it. */
export function createdFields(
  record: Record<string, unknown>,
  ignore: readonly string[] = ['id', 'createdAt', 'updatedAt'],
): FieldChange[] {
  return Object.entries(record)
    .filter(([field, value]) => !ignore.includes(field) && value !== null && value !== undefined)
    .map(([field, value]) => ({ field, oldValue: null, newValue: value }));
}
