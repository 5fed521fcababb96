import { type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { PlansTable } from '../../db/schema-reports';
import { countedActivities, isCountedKind } from '../reports/activity-hours';

export type PlanRow = Selectable<PlansTable>;

const planColumns = [
  'id',
  'workspace_id',
  'name',
  sql<string>`period_from::text`.as('period_from'),
  sql<string>`period_to::text`.as('period_to'),
  'pipeline_id',
  'department_id',
  'settings',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export async function findPlan(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .select(planColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listPlans(db: Kysely<DB>, workspaceId: string): Promise<PlanRow[]> {
  return db
    .selectFrom('plans')
    .select(planColumns)
    .where('workspace_id', '=', workspaceId)
    .orderBy('period_from', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/** What a plan step counts: an activity kind, entries into a stage, or won deals (the sale). */
export type Counted = { activity: string } | { stageId: string } | { sales: true };

export interface Window {
  workspaceId: string;
  start: RawBuilder<Date>;
  end: RawBuilder<Date>;
  timezone: string;
  /** The people whose numbers count: a condition on a user id column. */
  people(column: string): Expression<SqlBool>;
  /** The pipeline whose won deals are sales; every sales pipeline when null. */
  pipelineId: string | null;
  /** Days in `timezone` fall on whole UTC hours (`hourAligned`): calls, meetings and e-mails are summed from hours. */
  byHour?: boolean;
}

function salesPipelines(window: Window, column: string) {
  return window.pipelineId
    ? sql`${sql.ref(column)} = ${window.pipelineId}`
    : sql`${sql.ref(column)} in (select id from pipelines where workspace_id = ${window.workspaceId} and kind = 'sales')`;
}

/**
 * Per day and person, how many of each step happened in the window: activities by their author, deals
 * entering a stage (each deal once a day) and won deals by the deal's responsible person, with the
 * won sum. Keys: `activity:call`, `stage:<id>`, `sales`, `revenue`.
 */
export async function stepFacts(
  db: Kysely<DB>,
  window: Window,
  activities: string[],
  stageIds: string[],
): Promise<{ day: string; person: string; key: string; value: number }[]> {
  const ws = window.workspaceId;
  const day = (column: string) => sql`(${sql.ref(column)} at time zone ${window.timezone})::date::text`;
  // Calls, meetings and e-mails come from the reports' hourly summary when days fall on whole hours:
  // a quarter's 350,000 calls at 1,000,000 deals are a few thousand hours (reports/activity-hours.ts).
  const summed = activities.filter(isCountedKind);
  const counted =
    activities.length > 0 && summed.length === activities.length
      ? sql`
    select ${day('c.at')} as day, c.author_id as person, 'activity:' || c.kind as key, sum(c.activities)::numeric as value
    from (${countedActivities(window, summed)}) as c
    group by 1, 2, 3`
      : sql`
    select ${day('a.occurred_at')} as day, a.author_id as person, 'activity:' || a.kind as key, count(*)::numeric as value
    from activities a
    where a.workspace_id = ${ws} and a.kind = any(${activities}::text[])
      and a.occurred_at >= ${window.start} and a.occurred_at < ${window.end}
      and a.author_id is not null and ${window.people('a.author_id')}
    group by 1, 2, 3`;
  const { rows } = await sql<{ day: string; person: string; key: string; value: string }>`
    ${counted}
    union all
    select v.day::text, v.person, 'stage:' || v.stage_id, v.deals::numeric from (
      -- Grouped by the date and the ids, not by their text: a quarter's 600,000 visits at 1,000,000 deals
      -- sorted on text keys (compared by the collation) took 1.7 s, on these 0.34 s.
      select (h.entered_at at time zone ${window.timezone})::date as day, h.deal_responsible_id as person,
        h.stage_id, count(distinct h.deal_id) as deals
      from deal_stage_history h
      where h.workspace_id = ${ws} and h.stage_id = any(${stageIds}::uuid[])
        and h.entered_at >= ${window.start} and h.entered_at < ${window.end}
        and h.deal_responsible_id is not null and ${window.people('h.deal_responsible_id')}
      group by 1, 2, 3
    ) as v
    union all
    select w.day, w.responsible_id, x.key, case when x.key = 'sales' then w.deals else w.amount end
    from (
      select ${day('d.closed_at')} as day, d.responsible_id, count(*)::numeric as deals, sum(d.amount) as amount
      from deals d
      where d.workspace_id = ${ws} and d.deleted_at is null
        and d.closed_at >= ${window.start} and d.closed_at < ${window.end}
        and d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'won')
        and ${salesPipelines(window, 'd.pipeline_id')}
        and d.responsible_id is not null and ${window.people('d.responsible_id')}
      group by 1, 2
    ) as w cross join (values ('sales'), ('revenue')) as x(key)`.execute(db);
  return rows.map((row) => ({ ...row, value: Number(row.value) }));
}

/** How many of each step happened in the window, for everyone counted: seed 004's month of history. */
export async function stepTotals(db: Kysely<DB>, window: Window, steps: Counted[]): Promise<number[]> {
  const activities = steps.flatMap((step) => ('activity' in step ? [step.activity] : []));
  const stageIds = steps.flatMap((step) => ('stageId' in step ? [step.stageId] : []));
  const facts = await stepFacts(db, window, activities, stageIds);
  // A deal entering a stage on two days is counted once over the window.
  const stageDeals = stageIds.length
    ? await sql<{ stage_id: string; deals: string }>`
        select h.stage_id, count(distinct h.deal_id) as deals
        from deal_stage_history h
        join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
        where h.workspace_id = ${window.workspaceId} and h.stage_id = any(${stageIds}::uuid[])
          and h.entered_at >= ${window.start} and h.entered_at < ${window.end}
          and d.deleted_at is null and ${window.people('d.responsible_id')}
        group by 1`.execute(db)
    : { rows: [] };
  const sum = (key: string) =>
    facts.filter((fact) => fact.key === key).reduce((total, fact) => total + fact.value, 0);
  return steps.map((step) => {
    if ('activity' in step) return sum(`activity:${step.activity}`);
    if ('stageId' in step)
      return Number(stageDeals.rows.find((row) => row.stage_id === step.stageId)?.deals ?? 0);
    return sum('sales');
  });
}

/** The average won sales deal in the window, or null without any. */
export async function averageCheck(db: Kysely<DB>, window: Window): Promise<number | null> {
  const ws = window.workspaceId;
  const { rows } = await sql<{ average: string | null }>`
    select avg(d.amount) as average from deals d
    where d.workspace_id = ${ws} and d.deleted_at is null
      and d.closed_at >= ${window.start} and d.closed_at < ${window.end}
      and d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'won')
      and ${salesPipelines(window, 'd.pipeline_id')} and ${window.people('d.responsible_id')}`.execute(db);
  const average = rows[0]?.average;
  return average === null || average === undefined ? null : Math.round(Number(average) * 100) / 100;
}
