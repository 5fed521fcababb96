import type { ReportFilterValues } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';

/** More than this many different sources or regions is not a list to choose from. */
const maxValues = 500;

/**
 * The distinct values of a text column in a workspace, read by jumping along its `(workspace_id, column)`
 * index from one value to the next (migration 0018): a few index probes per value rather than a pass
 * over a million deals.
 */
async function distinctValues(
  db: Kysely<DB>,
  workspaceId: string,
  table: 'deals' | 'leads' | 'companies',
  column: 'source' | 'region',
): Promise<string[]> {
  const t = sql.table(table);
  const c = sql.ref(column);
  const { rows } = await sql<{ value: string }>`
    with recursive walk(value) as (
      (select ${c} from ${t} where workspace_id = ${workspaceId} and ${c} is not null order by ${c} limit 1)
      union all
      select (select ${c} from ${t} where workspace_id = ${workspaceId} and ${c} > walk.value order by ${c} limit 1)
      from walk where walk.value is not null
    )
    select value from walk where value is not null limit ${maxValues}`.execute(db);
  return rows.map((row) => row.value);
}

/**
 * The same for someone who sees only some records (their own, their department's): the distinct values
 * of those records alone, so a filter never names a client region or a source of someone else's deals.
 * Their records are found by the responsible person's index; there are far fewer of them.
 */
async function visibleValues(
  db: Kysely<DB>,
  actor: Actor,
  table: 'deals' | 'leads' | 'companies',
  column: 'source' | 'region',
): Promise<string[]> {
  const t = sql.table(table);
  const c = sql.ref(column);
  const { rows } = await sql<{ value: string }>`
    select distinct ${c} as value from ${t}
    where workspace_id = ${actor.workspaceId} and ${c} is not null and ${visibleTo(actor, 'responsible_id')}
    order by 1 limit ${maxValues}`.execute(db);
  return rows.map((row) => row.value);
}

function merged(...lists: string[][]): string[] {
  const values = [...new Set(lists.flat())].filter((value) => value.trim() !== '');
  return values.sort((a, b) => a.localeCompare(b, 'ru')).slice(0, maxValues);
}

/**
 * The sources of deals and leads and the regions of companies and leads, as the filters offer them: of
 * the records the actor sees.
 */
export async function reportFilterValues(db: Kysely<DB>, actor: Actor): Promise<ReportFilterValues> {
  const values = (table: 'deals' | 'leads' | 'companies', column: 'source' | 'region') =>
    actor.visibility === 'all'
      ? distinctValues(db, actor.workspaceId, table, column)
      : visibleValues(db, actor, table, column);
  const [dealSources, leadSources, companyRegions, leadRegions] = await Promise.all([
    values('deals', 'source'),
    values('leads', 'source'),
    values('companies', 'region'),
    values('leads', 'region'),
  ]);
  return { sources: merged(dealSources, leadSources), regions: merged(companyRegions, leadRegions) };
}
