import { reportFilters } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { countedActivities, hourAligned } from './activity-hours';
import { listedPeople, peopleNames, type ReportScope } from './report-scope';
import {
  column,
  type DrillSource,
  keyParts,
  money,
  parseRowKey,
  type ReportDefinition,
  type Row,
  requireDrillColumn,
  sumColumn,
} from './report-table';

const columns = [
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('tasksDone', 'Задачи выполнены', 'integer', true),
  column('tasksOverdue', 'Задачи просрочены', 'integer', true),
  column('leadsTaken', 'Лиды получены', 'integer', true),
  column('leadsProcessed', 'Лиды обработаны', 'integer', true),
  column('firstActionHours', 'До первого действия, ч', 'number', true),
  column('wonDeals', 'Выиграно сделок', 'integer', true),
  column('wonSum', 'Сумма выигранных', 'money', true),
  column('calls', 'Звонки', 'integer', true),
  column('newContacts', 'Новые контакты', 'integer', true),
];

type Metric =
  | 'tasksDone'
  | 'tasksOverdue'
  | 'leadsTaken'
  | 'leadsProcessed'
  | 'firstActionHours'
  | 'wonDeals'
  | 'wonSum'
  | 'calls'
  | 'newContacts';

/** A task is overdue when due in the period and still open after its deadline, or done after it. */
const overdue = sql`((t.status = 'open' and t.due_at < now()) or (t.status = 'done' and t.done_at > t.due_at))`;

/**
 * A lead's first action is its first call, meeting or email, kept per lead in `report_lead_first_actions`
 * (migration 0014): a quarter's leads join it instead of probing the activities once per lead.
 */
const firstActed = sql`exists (select 1 from report_lead_first_actions f
  where f.workspace_id = l.workspace_id and f.lead_id = l.id)`;

/** The records behind one manager's number (or everyone's in scope, for the totals). */
function source(scope: ReportScope, metric: Metric, managerId: string | null): DrillSource {
  const ws = scope.workspaceId;
  const only = (column: string) => (managerId ? sql`and ${sql.ref(column)} = ${managerId}` : sql``);
  switch (metric) {
    case 'tasksDone':
    case 'tasksOverdue':
      return {
        entity: 'task',
        query: sql`
          select t.id, t.title, ${metric === 'tasksDone' ? sql`t.done_at` : sql`t.due_at`} as at, null::numeric as amount,
            t.assignee_id as responsible_id
          from tasks t
          where t.workspace_id = ${ws} and t.deleted_at is null and ${scope.people('t.assignee_id')} ${only('t.assignee_id')}
            and ${
              metric === 'tasksDone'
                ? sql`t.done_at >= ${scope.start} and t.done_at < ${scope.end}`
                : sql`t.due_at >= ${scope.start} and t.due_at < ${scope.end} and ${overdue}`
            }`,
      };
    case 'leadsTaken':
    case 'leadsProcessed':
    case 'firstActionHours':
      return {
        entity: 'lead',
        query: sql`
          select l.id, l.title, l.created_at as at, null::numeric as amount, l.responsible_id
          from leads l
          where l.workspace_id = ${ws} and l.deleted_at is null
            and l.created_at >= ${scope.start} and l.created_at < ${scope.end}
            and ${scope.people('l.responsible_id')} ${only('l.responsible_id')}
            ${metric === 'leadsProcessed' ? sql`and l.status <> 'new'` : sql``}
            ${metric === 'firstActionHours' ? sql`and ${firstActed}` : sql``}`,
      };
    case 'wonDeals':
    case 'wonSum':
      return {
        entity: 'deal',
        query: sql`
          select d.id, d.title, d.closed_at as at, d.amount, d.responsible_id
          from deals d
          where d.workspace_id = ${ws} and d.deleted_at is null
            and d.closed_at >= ${scope.start} and d.closed_at < ${scope.end}
            and ${scope.won('d.stage_id')} and ${scope.pipelines('d.pipeline_id')}
            and ${scope.people('d.responsible_id')} ${only('d.responsible_id')}`,
      };
    case 'calls':
      return {
        entity: 'activity',
        query: sql`
          select a.id, coalesce(a.subject, a.kind) as title, a.occurred_at as at, null::numeric as amount,
            a.author_id as responsible_id
          from activities a
          where a.workspace_id = ${ws} and a.kind = 'call'
            and a.occurred_at >= ${scope.start} and a.occurred_at < ${scope.end}
            and ${scope.people('a.author_id')} ${only('a.author_id')}`,
      };
    case 'newContacts':
      return {
        entity: 'contact',
        query: sql`
          select c.id, c.name as title, c.created_at as at, null::numeric as amount, c.responsible_id
          from contacts c
          where c.workspace_id = ${ws} and c.deleted_at is null
            and c.created_at >= ${scope.start} and c.created_at < ${scope.end}
            and ${scope.people('c.responsible_id')} ${only('c.responsible_id')}`,
      };
  }
}

interface PersonNumbers {
  person: string;
  metric: string;
  value: string;
  /** For the average: how many leads it is over, so the totals can weigh it. */
  weight: string | null;
}

/**
 * Manager productivity: every number over the period per person, one grouped query per table; the
 * average time to a lead's first action is in hours, over the leads that had one.
 */
export const managers: ReportDefinition = {
  name: 'managers',
  filters: reportFilters.managers,
  async build(db: Kysely<DB>, scope) {
    const ws = scope.workspaceId;
    const byHour = await hourAligned(db, scope.timezone, scope.from, scope.to);
    const { rows: numbers } = await sql<PersonNumbers>`
      select t.assignee_id as person, 'tasksDone' as metric, count(*)::numeric as value, null::numeric as weight
      from tasks t
      where t.workspace_id = ${ws} and t.deleted_at is null and t.done_at >= ${scope.start} and t.done_at < ${scope.end}
        and ${scope.people('t.assignee_id')}
      group by 1
      union all
      select t.assignee_id, 'tasksOverdue', count(*)::numeric, null::numeric
      from tasks t
      where t.workspace_id = ${ws} and t.deleted_at is null and t.due_at >= ${scope.start} and t.due_at < ${scope.end}
        and ${overdue} and ${scope.people('t.assignee_id')}
      group by 1
      union all
      select l.responsible_id, x.metric,
        (case x.metric when 'leadsTaken' then l.taken when 'leadsProcessed' then l.processed else l.hours end)::numeric,
        (case when x.metric = 'firstActionHours' then l.acted end)::numeric
      from (
        select l.responsible_id, count(*) as taken, count(*) filter (where l.status <> 'new') as processed,
          avg(extract(epoch from (l.first_action - l.created_at)) / 3600) as hours, count(l.first_action) as acted
        from (
          select l.responsible_id, l.status, l.created_at, f.first_action_at as first_action from leads l
          left join report_lead_first_actions f on f.workspace_id = l.workspace_id and f.lead_id = l.id
          where l.workspace_id = ${ws} and l.deleted_at is null
            and l.created_at >= ${scope.start} and l.created_at < ${scope.end}
            and l.responsible_id is not null and ${scope.people('l.responsible_id')}
        ) as l
        group by 1
      ) as l cross join (values ('leadsTaken'), ('leadsProcessed'), ('firstActionHours')) as x(metric)
      union all
      select d.responsible_id, x.metric, (case when x.metric = 'wonDeals' then d.deals else d.amount end)::numeric, null::numeric
      from (
        select d.responsible_id, count(*) as deals, sum(d.amount) as amount
        from deals d
        where d.workspace_id = ${ws} and d.deleted_at is null
          and d.closed_at >= ${scope.start} and d.closed_at < ${scope.end}
          and ${scope.won('d.stage_id')} and ${scope.pipelines('d.pipeline_id')}
          and d.responsible_id is not null and ${scope.people('d.responsible_id')}
        group by 1
      ) as d cross join (values ('wonDeals'), ('wonSum')) as x(metric)
      union all
      select a.author_id, 'calls', sum(a.activities)::numeric, null::numeric
      from (${countedActivities({ ...scope, byHour }, ['call'])}) as a
      group by 1
      union all
      select c.responsible_id, 'newContacts', count(*)::numeric, null::numeric
      from contacts c
      where c.workspace_id = ${ws} and c.deleted_at is null
        and c.created_at >= ${scope.start} and c.created_at < ${scope.end}
        and c.responsible_id is not null and ${scope.people('c.responsible_id')}
      group by 1`.execute(db);
    const [listed, names] = await Promise.all([listedPeople(db, scope), peopleNames(db, ws)]);
    const people = [...new Set([...listed, ...numbers.map((row) => row.person)])];
    const numberOf = (person: string, metric: Metric) =>
      numbers.find((row) => row.person === person && row.metric === metric);
    const rows: Row[] = people
      .map((person) => {
        const hours = numberOf(person, 'firstActionHours');
        const count = (metric: Metric) => Number(numberOf(person, metric)?.value ?? 0);
        return {
          key: person,
          cells: {
            managerId: person,
            manager: names.get(person) ?? '',
            tasksDone: count('tasksDone'),
            tasksOverdue: count('tasksOverdue'),
            leadsTaken: count('leadsTaken'),
            leadsProcessed: count('leadsProcessed'),
            firstActionHours: hours?.value ? money(hours.value) : null,
            wonDeals: count('wonDeals'),
            wonSum: money(numberOf(person, 'wonSum')?.value),
            calls: count('calls'),
            newContacts: count('newContacts'),
          },
        };
      })
      .sort(
        (a, b) =>
          String(a.cells.manager).localeCompare(String(b.cells.manager)) || a.key.localeCompare(b.key),
      );
    // The team's average time to first action weighs each person's by their leads that had one.
    const timed = numbers.filter((row) => row.metric === 'firstActionHours' && row.value !== null);
    const acted = timed.reduce((sum, row) => sum + Number(row.weight), 0);
    const totals: Record<string, number | null> = Object.fromEntries(
      columns.filter((c) => c.type !== 'id' && c.type !== 'text').map((c) => [c.key, sumColumn(rows, c.key)]),
    );
    totals.firstActionHours =
      acted > 0
        ? money(timed.reduce((sum, row) => sum + Number(row.value) * Number(row.weight), 0) / acted)
        : null;
    return { report: 'managers', columns, rows, totals };
  },
  async drill(_db, scope, cell) {
    const { key } = requireDrillColumn(columns, cell.column);
    const [managerId] = cell.row ? parseRowKey(cell.row, [keyParts.uuid]) : [null];
    return source(scope, key as Metric, managerId ?? null);
  },
};
