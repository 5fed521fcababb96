import type { ReportFilterValues } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleResponsibles } from '../access/visibility';

/** More than this many different sources or regions is not a list to choose from. */
const maxValues = 500;

/**
 * The distinct values of a text column that the actor's records hold, read by jumping along the
 * `(workspace_id, column, responsible_id)` index from one value to the next (migrations 0018, 0028): a
 * few index probes per value rather than a pass over a million deals. Someone who sees only some
 * records (their own, their department's) gets only the values of those, so a filter never names a
 * client region or a source of someone else's deals: each value is kept if one of the people they see
 * holds it, one index probe per value and person. Reading their records instead took 0.2–0.4 s at
 * 1,000,000 deals.
 */
async function distinctValues(
  db: Kysely<DB>,
  actor: Actor,
  table: 'deals' | 'leads' | 'companies',
  column: 'source' | 'region',
): Promise<string[]> {
  const t = sql.table(table);
  const c = sql.ref(column);
  const workspaceId = actor.workspaceId;
  const seen =
    actor.visibility === 'all'
      ? sql``
      : // As an array, the people are index conditions on the third column: a probe per person, not a
        // pass over every record that holds the value.
        sql`and exists (select 1 from ${t} r where r.workspace_id = ${workspaceId} and r.${c} = walk.value
          and r.responsible_id = any(array(${visibleResponsibles(actor)})))`;
  const { rows } = await sql<{ value: string }>`
    with recursive walk(value) as (
      (select ${c} from ${t} where workspace_id = ${workspaceId} and ${c} is not null order by ${c} limit 1)
      union all
      select (select ${c} from ${t} where workspace_id = ${workspaceId} and ${c} > walk.value order by ${c} limit 1)
      from walk where walk.value is not null
    )
    select value from walk where value is not null ${seen} limit ${maxValues}`.execute(db);
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
  const [dealSources, leadSources, companyRegions, leadRegions] = await Promise.all([
    distinctValues(db, actor, 'deals', 'source'),
    distinctValues(db, actor, 'leads', 'source'),
    distinctValues(db, actor, 'companies', 'region'),
    distinctValues(db, actor, 'leads', 'region'),
  ]);
  return { sources: merged(dealSources, leadSources), regions: merged(companyRegions, leadRegions) };
}
