import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from './actor';
import { visibleTo } from './visibility';

/** Business records that tasks, activities and history attach to. */
export type RecordEntity = 'lead' | 'deal' | 'contact' | 'company';

const tables: Record<RecordEntity, 'leads' | 'deals' | 'contacts' | 'companies'> = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
};

export interface VisibleRecord {
  id: string;
  responsibleId: string | null;
  leadId: string | null;
}

/** The record if it is live (or deleted, when asked), in the actor's workspace and visible to the actor. */
export async function findVisibleRecord(
  db: Kysely<DB>,
  actor: Actor,
  entity: RecordEntity,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<VisibleRecord | undefined> {
  const table = tables[entity];
  const leadColumn = entity === 'deal' ? sql`lead_id` : sql`null::uuid`;
  const result = await sql<{ id: string; responsible_id: string | null; lead_id: string | null }>`
    select id, responsible_id, ${leadColumn} as lead_id from ${sql.table(table)}
    where workspace_id = ${actor.workspaceId} and id = ${id} and ${options.includeDeleted ? sql`true` : sql`deleted_at is null`}
      and ${visibleTo(actor, `${table}.responsible_id`)}
  `.execute(db);
  const row = result.rows[0];
  return row ? { id: row.id, responsibleId: row.responsible_id, leadId: row.lead_id } : undefined;
}

export async function requireVisibleRecord(
  db: Kysely<DB>,
  actor: Actor,
  entity: RecordEntity,
  id: string,
  path: string,
): Promise<VisibleRecord> {
  const record = await findVisibleRecord(db, actor, entity, id);
  if (!record) throw invalid(path, `No such ${entity}`);
  return record;
}
