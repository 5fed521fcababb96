import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';

/** The period of activities to count and whose: what every activity count of the reports is over. */
export interface ActivityWindow {
  workspaceId: string;
  start: unknown;
  end: unknown;
  /** The condition that a user id column holds one of the people counted. */
  people(column: string): Expression<SqlBool>;
  /**
   * Whether `start`, `end` and every boundary the counts are grouped by fall on whole UTC hours
   * (`hourAligned`): then the counts are sums of `report_activity_hours`, else activities are read.
   */
  byHour?: boolean;
}

const alignedPeriods = new Map<string, boolean>();

/**
 * Whether every local midnight from `from` to the day after `to` falls on a whole UTC hour in `timezone`:
 * true for zones whose offset is whole hours over the period (Europe/Moscow, UTC, …), false for
 * Asia/Kolkata, Asia/Kathmandu and the like. Then each UTC hour lies inside one local day, and daily,
 * weekly and period counts are sums of the hourly summary. Remembered per zone and period.
 */
export async function hourAligned(
  db: Kysely<DB>,
  timezone: string,
  from: string,
  to: string,
): Promise<boolean> {
  const key = `${timezone}|${from}|${to}`;
  const known = alignedPeriods.get(key);
  if (known !== undefined) return known;
  const { rows } = await sql<{ aligned: boolean }>`
    select bool_and(extract(epoch from (d::timestamp at time zone ${timezone}))::bigint % 3600 = 0) as aligned
    from generate_series(${from}::date, ${to}::date + 1, interval '1 day') as d`.execute(db);
  const aligned = rows[0]?.aligned === true;
  if (alignedPeriods.size >= 10_000) alignedPeriods.clear();
  alignedPeriods.set(key, aligned);
  return aligned;
}

/** The activity kinds the hourly summary counts. */
export const countedKinds = ['call', 'meeting', 'email'] as const;
export type CountedKind = (typeof countedKinds)[number];
export const isCountedKind = (kind: string): kind is CountedKind =>
  (countedKinds as readonly string[]).includes(kind);

/**
 * Calls, meetings and emails by their authors in the window, as rows (`at`, `author_id`, `kind`,
 * `activities`): an hour of the summary and how many it holds, or one activity each. Group them by
 * a day or week of `at` in the report's zone and sum `activities`.
 */
export function countedActivities(window: ActivityWindow, kinds: readonly CountedKind[] = countedKinds) {
  // Literal kinds, so the planner can prove the partial index activities_reports applies.
  const kindIn = (column: string) =>
    sql`${sql.ref(column)} in (${sql.join(kinds.map((kind) => sql.lit(kind)))})`;
  if (window.byHour)
    return sql`
      select r.hour as at, r.author_id, r.kind, r.activities
      from report_activity_hours r
      where r.workspace_id = ${window.workspaceId} and ${kindIn('r.kind')}
        and r.hour >= ${window.start} and r.hour < ${window.end}
        and ${window.people('r.author_id')}`;
  return sql`
    select a.occurred_at as at, a.author_id, a.kind, 1 as activities
    from activities a
    where a.workspace_id = ${window.workspaceId} and ${kindIn('a.kind')}
      and a.occurred_at >= ${window.start} and a.occurred_at < ${window.end}
      and a.author_id is not null and ${window.people('a.author_id')}`;
}
