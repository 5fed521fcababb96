import type { HistoryEntity, HistoryEntry } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function listHistory(
  db: Kysely<DB>,
  workspaceId: string,
  entity: HistoryEntity,
  recordId: string,
  limit: number,
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('record_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select([
      'h.id',
      'h.entity',
      'h.record_id',
      'h.action',
      'h.field',
      'h.old_value',
      'h.new_value',
      'h.at',
      'u.id as actorId',
      'u.name as actorName',
    ])
    .where('h.workspace_id', '=', workspaceId)
    .where('h.entity', '=', entity)
    .where('h.record_id', '=', recordId)
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    entity: row.entity,
    recordId: row.record_id,
    action: row.action,
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    at: row.at.toISOString(),
  }));
}
