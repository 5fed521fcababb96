import type { Variables } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

const tables: Record<string, string> = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
};
const internal = new Set(['workspace_id', 'search', 'deleted_at', 'merged_into_id']);

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Plain JSON for FEEL: dates as ISO text, numeric columns as numbers. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && value.length < 16) return Number(value);
  return value;
}

/**
 * The record a process starts on, as variables: `deal` (or `lead`, `contact`, `company`) with its
 * fields in camelCase, so expressions read `deal.amount` or wait until `deal.expectedCloseDate`,
 * and `record` with the entity and id.
 */
export async function recordVariables(
  trx: Kysely<DB>,
  workspaceId: string,
  entity: string,
  id: string,
): Promise<Variables> {
  const table = tables[entity];
  if (!table) return {};
  const result = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} where workspace_id = ${workspaceId} and id = ${id}`.execute(trx);
  const row = result.rows[0];
  if (!row) return { record: { entity, id } };
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (!internal.has(column)) fields[camel(column)] = plain(value);
  }
  return { [entity]: fields, record: { entity, id } };
}
