import type { AttentionItem } from '@voronka/domain';
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { DrillRow, DrillSource } from '../reports/report-table';

/** Whose numbers and when: the people condition already holds visibility and the manager filter. */
export interface AttentionScope {
  workspaceId: string;
  /** The moment the numbers are counted at, so a count and its drill agree. */
  asOf: Date;
  timezone: string;
  stuckDays: number;
  people(column: string): Expression<SqlBool>;
}

/**
 * Activity kinds that count as working a deal; a client's review does not. Written into the statement
 * as literals: the index of recent deal activity (migration 0027) covers exactly these kinds, and
 * PostgreSQL uses a partial index only where it can see that the condition implies its own.
 */
const movementKinds = sql.join(['call', 'meeting', 'email', 'note', 'comment'].map((kind) => sql.lit(kind)));

/** The records behind each number, as report drills select them (id, title, at, amount, responsible). */
export function attentionSource(scope: AttentionScope, item: AttentionItem): DrillSource {
  const ws = scope.workspaceId;
  const now = sql<Date>`${scope.asOf}::timestamptz`;
  const tomorrow = sql<Date>`((date_trunc('day', ${now} at time zone ${scope.timezone}) + interval '1 day') at time zone ${scope.timezone})`;
  const stuckSince = sql<Date>`(${now} - make_interval(days => ${scope.stuckDays}))`;
  const openTasks = (condition: RawBuilder<unknown>) => sql<DrillRow>`
    select t.id, t.title, t.due_at as at, null::numeric as amount, t.assignee_id as responsible_id
    from tasks t
    where t.workspace_id = ${ws} and t.deleted_at is null and t.status = 'open'
      and ${scope.people('t.assignee_id')} and ${condition}`;
  const openDeals = (condition: RawBuilder<unknown>) => sql<DrillRow>`
    select d.id, d.title, d.stage_entered_at as at, d.amount, d.responsible_id
    from deals d
    where d.workspace_id = ${ws} and d.deleted_at is null and d.closed_at is null
      and ${scope.people('d.responsible_id')} and ${condition}`;
  switch (item) {
    case 'tasksToday':
      return { entity: 'task', query: openTasks(sql`t.due_at >= ${now} and t.due_at < ${tomorrow}`) };
    case 'tasksOverdue':
      return { entity: 'task', query: openTasks(sql`t.due_at < ${now}`) };
    case 'dealsWithoutNextStep':
      // Read from their own table (migration 0035). The deal is a left join on its key, which
      // PostgreSQL leaves out when it only counts: the count never touches the deals themselves.
      return {
        entity: 'deal',
        query: sql<DrillRow>`
          select bare.deal_id as id, d.title, bare.stage_entered_at as at, d.amount, bare.responsible_id
          from deals_without_next_step bare
          left join deals d on d.workspace_id = bare.workspace_id and d.id = bare.deal_id
          where bare.workspace_id = ${ws} and ${scope.people('bare.responsible_id')}`,
      };
    case 'dealsStuck':
      return {
        entity: 'deal',
        query: openDeals(sql`d.stage_entered_at < ${stuckSince} and not exists (
          select 1 from activities a
          where a.workspace_id = d.workspace_id and a.entity = 'deal' and a.record_id = d.id
            and a.kind in (${movementKinds}) and a.occurred_at >= ${stuckSince})`),
      };
  }
}

/**
 * How many records stand behind each number, in one round trip, counted up to `cap`; the numbers
 * with more are named in `over` (each scan stops one past the cap).
 */
export async function countAttention(
  db: Kysely<DB>,
  scope: AttentionScope,
  items: readonly AttentionItem[],
  cap: number,
): Promise<{ counts: Record<AttentionItem, number>; over: AttentionItem[] }> {
  const counts = items.map((item) => {
    const { query } = attentionSource(scope, item);
    return sql`(select count(*) from (select 1 from (${query}) as uncapped limit ${sql.lit(cap + 1)}) as behind) as ${sql.ref(item)}`;
  });
  const { rows } = await sql<Record<AttentionItem, string>>`select ${sql.join(counts)}`.execute(db);
  const found = items.map((item) => [item, Number(rows[0]?.[item] ?? 0)] as const);
  return {
    counts: Object.fromEntries(found.map(([item, count]) => [item, Math.min(count, cap)])) as Record<
      AttentionItem,
      number
    >,
    over: found.flatMap(([item, count]) => (count > cap ? [item] : [])),
  };
}

/** The first `limit` records behind one number, oldest first: the longest overdue, the longest stuck. */
export async function drillAttention(
  db: Kysely<DB>,
  scope: AttentionScope,
  item: AttentionItem,
  limit: number,
): Promise<DrillRow[]> {
  const { query } = attentionSource(scope, item);
  const { rows } = await sql<DrillRow>`
    select * from (${query}) as behind order by behind.at, behind.id limit ${limit}`.execute(db);
  return rows;
}
