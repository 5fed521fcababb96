import { type ReportTable, reportFilters } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import { countedActivities, hourAligned } from './activity-hours';
import { proposalStages } from './proposal-stages';
import { addDays, dayStart, peopleNames, type ReportScope } from './report-scope';
import {
  type Cells,
  column,
  type DrillSource,
  keyParts,
  money,
  parseRowKey,
  type ReportDefinition,
  type Row,
  ratio,
  requireDrillColumn,
  rowKey,
  sumColumn,
} from './report-table';

const activityKinds = { calls: 'call', meetings: 'meeting', emails: 'email' } as const;
type ActivityColumn = keyof typeof activityKinds;

/** Activities of one kind by the people in scope between two instants, as drill rows. */
function activitiesBetween(
  scope: ReportScope,
  kind: string,
  start: unknown,
  end: unknown,
  authorId: string | null,
): DrillSource {
  return {
    entity: 'activity',
    query: sql`
      select a.id, coalesce(a.subject, a.kind) as title, a.occurred_at as at, null::numeric as amount,
        a.author_id as responsible_id
      from activities a
      where a.workspace_id = ${scope.workspaceId} and a.kind = ${kind}
        and a.occurred_at >= ${start} and a.occurred_at < ${end}
        and ${scope.people('a.author_id')}
        ${authorId ? sql`and a.author_id = ${authorId}` : sql``}`,
  };
}

/** Entries of deals into some stages between two instants, by the deals' responsible people in scope. */
function stageEntriesBetween(
  scope: ReportScope,
  stageIds: string[],
  start: unknown,
  end: unknown,
  responsibleId: string | null,
): DrillSource {
  return {
    entity: 'deal',
    query: sql`
      select d.id, d.title, h.entered_at as at, d.amount, d.responsible_id
      from deal_stage_history h
      join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
      where h.workspace_id = ${scope.workspaceId} and h.stage_id = any(${stageIds}::uuid[])
        and h.entered_at >= ${start} and h.entered_at < ${end}
        and d.deleted_at is null and ${scope.people('d.responsible_id')}
        ${responsibleId ? sql`and d.responsible_id = ${responsibleId}` : sql``}`,
  };
}

// ─── Daily: calls, meetings and emails per manager per day ─────────────────────────────────────

const dailyColumns = [
  column('day', 'День', 'date'),
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('calls', 'Звонки', 'integer', true),
  column('meetings', 'Встречи', 'integer', true),
  column('emails', 'Письма', 'integer', true),
];

/**
 * Calls, meetings and emails per person per local day (or ISO week): sums of the hourly summary when the
 * zone's midnights are whole UTC hours over the period (a quarter at 1,000,000 deals: some 240,000 hours
 * instead of 700,000 activities), else counted from the activities. Grouped by the date and turned into
 * text after grouping, which is cheaper than converting every row's date.
 */
async function activityCounts(db: Kysely<DB>, scope: ReportScope, bucket: 'day' | 'week') {
  const byHour = await hourAligned(db, scope.timezone, scope.from, scope.to);
  const local = sql`(x.at at time zone ${scope.timezone})`;
  const period = bucket === 'day' ? sql`${local}::date` : sql`date_trunc('week', ${local})::date`;
  const { rows } = await sql<{
    period: string;
    author_id: string;
    calls: string;
    meetings: string;
    emails: string;
  }>`
    select c.period::text as period, c.author_id, c.calls, c.meetings, c.emails
    from (
      select ${period} as period, x.author_id,
        coalesce(sum(x.activities) filter (where x.kind = 'call'), 0) as calls,
        coalesce(sum(x.activities) filter (where x.kind = 'meeting'), 0) as meetings,
        coalesce(sum(x.activities) filter (where x.kind = 'email'), 0) as emails
      from (${countedActivities({ ...scope, byHour })}) as x
      group by 1, 2
    ) as c`.execute(db);
  return rows;
}

export const activityDaily: ReportDefinition = {
  name: 'activity-daily',
  filters: reportFilters['activity-daily'],
  async build(db, scope) {
    const [counts, names] = await Promise.all([
      activityCounts(db, scope, 'day'),
      peopleNames(db, scope.workspaceId),
    ]);
    const rows: Row[] = counts.map((count) => ({
      key: rowKey(count.period, count.author_id),
      cells: {
        day: count.period,
        managerId: count.author_id,
        manager: names.get(count.author_id) ?? '',
        calls: Number(count.calls),
        meetings: Number(count.meetings),
        emails: Number(count.emails),
      },
    }));
    rows.sort(byCells(rows, 'day', 'manager'));
    return {
      report: 'activity-daily',
      columns: dailyColumns,
      rows,
      totals: {
        calls: sumColumn(rows, 'calls'),
        meetings: sumColumn(rows, 'meetings'),
        emails: sumColumn(rows, 'emails'),
      },
    };
  },
  async drill(_db, scope, cell) {
    const { key } = requireDrillColumn(dailyColumns, cell.column);
    const kind = activityKinds[key as ActivityColumn];
    if (!cell.row) return activitiesBetween(scope, kind, scope.start, scope.end, null);
    const [day, authorId] = parseRowKey(cell.row, [keyParts.day, keyParts.uuid]) as [string, string];
    return activitiesBetween(
      scope,
      kind,
      dayStart(day, scope.timezone),
      dayStart(addDays(day, 1), scope.timezone),
      authorId,
    );
  },
};

// ─── Weekly: calls → meetings, proposals → negotiation ─────────────────────────────────────────

const weeklyColumns = [
  column('week', 'Неделя (с понедельника)', 'date'),
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('calls', 'Звонки', 'integer', true),
  column('meetings', 'Встречи', 'integer', true),
  column('callsToMeetings', 'Звонки → встречи', 'percent'),
  column('proposals', 'КП', 'integer', true),
  column('negotiations', 'Согласование', 'integer', true),
  column('proposalsToNegotiations', 'КП → согласование', 'percent'),
];

/** A week's bounds inside the report's period: the week may start before `from` or end after `to`. */
function weekBounds(scope: ReportScope, week: string) {
  const first = week < scope.from ? scope.from : week;
  const last = addDays(week, 6) > scope.to ? scope.to : addDays(week, 6);
  return { start: dayStart(first, scope.timezone), end: dayStart(addDays(last, 1), scope.timezone) };
}

export const activityWeekly: ReportDefinition = {
  name: 'activity-weekly',
  filters: reportFilters['activity-weekly'],
  async build(db, scope) {
    const stages = await proposalStages(db, scope.workspaceId, scope.query.pipelineId);
    const [activities, entries, names] = await Promise.all([
      activityCounts(db, scope, 'week'),
      sql<{ week: string; responsible_id: string; proposals: string; negotiations: string }>`
        select date_trunc('week', h.entered_at at time zone ${scope.timezone})::date::text as week,
          h.deal_responsible_id as responsible_id,
          count(*) filter (where h.stage_id = any(${stages.proposal}::uuid[])) as proposals,
          count(*) filter (where h.stage_id = any(${stages.negotiation}::uuid[])) as negotiations
        from deal_stage_history h
        where h.workspace_id = ${scope.workspaceId}
          and h.stage_id = any(${[...stages.proposal, ...stages.negotiation]}::uuid[])
          and h.entered_at >= ${scope.start} and h.entered_at < ${scope.end}
          and h.deal_responsible_id is not null and ${scope.people('h.deal_responsible_id')}
        group by 1, 2`.execute(db),
      peopleNames(db, scope.workspaceId),
    ]);
    const byKey = new Map<string, Cells>();
    const cellsFor = (week: string, managerId: string) => {
      const key = rowKey(week, managerId);
      let cells = byKey.get(key);
      if (!cells) {
        cells = {
          week,
          managerId,
          manager: names.get(managerId) ?? '',
          calls: 0,
          meetings: 0,
          callsToMeetings: null,
          proposals: 0,
          negotiations: 0,
          proposalsToNegotiations: null,
        };
        byKey.set(key, cells);
      }
      return cells;
    };
    for (const row of activities) {
      const cells = cellsFor(row.period, row.author_id);
      cells.calls = Number(row.calls);
      cells.meetings = Number(row.meetings);
    }
    for (const row of entries.rows) {
      const cells = cellsFor(row.week, row.responsible_id);
      cells.proposals = Number(row.proposals);
      cells.negotiations = Number(row.negotiations);
    }
    const rows: Row[] = [...byKey.entries()].map(([key, cells]) => ({
      key,
      cells: {
        ...cells,
        callsToMeetings: ratio(Number(cells.meetings), Number(cells.calls)),
        proposalsToNegotiations: ratio(Number(cells.negotiations), Number(cells.proposals)),
      },
    }));
    rows.sort(byCells(rows, 'week', 'manager'));
    const totals = {
      calls: sumColumn(rows, 'calls'),
      meetings: sumColumn(rows, 'meetings'),
      proposals: sumColumn(rows, 'proposals'),
      negotiations: sumColumn(rows, 'negotiations'),
    };
    return {
      report: 'activity-weekly',
      columns: weeklyColumns,
      rows,
      totals: {
        ...totals,
        callsToMeetings: ratio(totals.meetings, totals.calls),
        proposalsToNegotiations: ratio(totals.negotiations, totals.proposals),
      },
    };
  },
  async drill(db, scope, cell) {
    const { key } = requireDrillColumn(weeklyColumns, cell.column);
    let bounds = { start: scope.start, end: scope.end };
    let managerId: string | null = null;
    if (cell.row) {
      const [week, manager] = parseRowKey(cell.row, [keyParts.day, keyParts.uuid]) as [string, string];
      bounds = weekBounds(scope, week);
      managerId = manager;
    }
    if (key === 'calls' || key === 'meetings')
      return activitiesBetween(scope, activityKinds[key], bounds.start, bounds.end, managerId);
    const stages = await proposalStages(db, scope.workspaceId, scope.query.pipelineId);
    const ids = key === 'proposals' ? stages.proposal : stages.negotiation;
    return stageEntriesBetween(scope, ids, bounds.start, bounds.end, managerId);
  },
};

// ─── Monthly: new clients, average check, revenue, profit ──────────────────────────────────────

const monthlyColumns = [
  column('month', 'Месяц', 'month'),
  column('newClients', 'Новые клиенты', 'integer', true),
  column('wonDeals', 'Продажи', 'integer', true),
  column('revenue', 'Выручка', 'money', true),
  column('averageCheck', 'Средний чек', 'money', true),
  column('otherIncome', 'Доходы вне сделок', 'money', true),
  column('expenses', 'Расходы', 'money', true),
  column('profit', 'Прибыль', 'money'),
];

/** Every month that touches the period, first to last. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Won sales deals closed in the period by the people in scope, with the source and product filters. */
function wonDeals(scope: ReportScope, start: unknown, end: unknown): DrillSource {
  return {
    entity: 'deal',
    query: sql`
      select d.id, d.title, d.closed_at as at, d.amount, d.responsible_id
      from deals d
      where d.workspace_id = ${scope.workspaceId} and d.deleted_at is null
        and d.closed_at >= ${start} and d.closed_at < ${end}
        and ${scope.won('d.stage_id')} and ${scope.pipelines('d.pipeline_id')}
        and ${scope.people('d.responsible_id')} and ${scope.dealFilters('d')}`,
  };
}

/**
 * A client is a company; it is new in the month its first won sales deal ever was closed. Each
 * company's first won deal (by `(closed_at, id)`) is the first entry of `deals_company_first` in a won
 * stage of a sales pipeline: one pass in index order, then those in the period and scope. Counting
 * (`narrow`) reads only that index; the drill joins the deals for their titles and amounts.
 */
function firstPurchases(scope: ReportScope, start: unknown, end: unknown, narrow = false): DrillSource {
  const ws = scope.workspaceId;
  const first = sql`
    select distinct on (e.company_id) e.id, e.company_id, e.closed_at, e.responsible_id, e.pipeline_id
    from deals e
    where e.workspace_id = ${ws} and e.deleted_at is null and e.company_id is not null
      and e.closed_at is not null and e.closed_at < ${end}
      and e.stage_id = any(array(select id from stages where workspace_id = ${ws} and kind = 'won'))
      and e.pipeline_id = any(array(select id from pipelines where workspace_id = ${ws} and kind = 'sales'))
    order by e.company_id, e.closed_at, e.id`;
  const filtered = scope.filtersDeals
    ? sql`exists (select 1 from deals d where d.workspace_id = ${ws} and d.id = f.id and ${scope.dealFilters('d')})`
    : sql`true`;
  const conditions = sql`f.closed_at >= ${start} and ${scope.pipelines('f.pipeline_id')}
    and ${scope.people('f.responsible_id')} and ${filtered}`;
  return {
    entity: 'deal',
    query: narrow
      ? sql`
          select f.id, null::text as title, f.closed_at as at, null::numeric as amount, f.responsible_id, f.company_id
          from (${first}) as f where ${conditions}`
      : sql`
          select d.id, d.title, f.closed_at as at, d.amount, f.responsible_id, f.company_id
          from (${first}) as f join deals d on d.workspace_id = ${ws} and d.id = f.id
          where ${conditions}`,
  };
}

/**
 * The company's books in the period: actual expenses, or actual income booked without a deal (interest,
 * a sale made outside the CRM). Income booked against a deal is left out: the deal's amount is already
 * the month's revenue, on the day it was won.
 */
function actualEntries(
  scope: ReportScope,
  kind: 'expense' | 'otherIncome',
  from: string,
  to: string,
): DrillSource {
  const which = kind === 'expense' ? sql`f.kind = 'expense'` : sql`f.kind = 'income' and f.deal_id is null`;
  return {
    entity: 'finance_entry',
    query: sql`
      select f.id, f.category as title, (f.occurred_on::timestamp at time zone ${scope.timezone}) as at,
        f.amount, null::uuid as responsible_id
      from finance_entries f
      where f.workspace_id = ${scope.workspaceId} and f.status = 'actual' and ${which}
        and f.occurred_on >= ${from}::date and f.occurred_on <= ${to}::date`,
  };
}

/**
 * Expenses are the company's, not a manager's, a source's or a region's: shown to those who see finance,
 * for the whole team and all its sales only.
 */
export function showsExpenses(scope: ReportScope): boolean {
  return (
    ['owner', 'admin', 'accountant'].includes(scope.actor.role) &&
    scope.actor.visibility === 'all' &&
    !scope.query.managerId &&
    !scope.query.departmentId &&
    !scope.filtersDeals
  );
}

/**
 * The company's profit: what its deals earned, and any income booked outside them, less what it spent.
 * Counting only deals against every expense read a loss for months whose sales were not in the CRM.
 */
function profitOf(revenue: number, other: number | null, expense: number | null): number | null {
  return expense === null ? null : money(revenue + (other ?? 0) - expense);
}

export const activityMonthly: ReportDefinition = {
  name: 'activity-monthly',
  filters: reportFilters['activity-monthly'],
  async build(db, scope) {
    const monthOf = (column: string) =>
      sql<string>`to_char(${sql.ref(column)} at time zone ${scope.timezone}, 'YYYY-MM')`;
    const [won, firsts, expenses] = await Promise.all([
      sql<{ month: string; deals: string; revenue: string }>`
        select ${monthOf('w.at')} as month, count(*) as deals, sum(w.amount) as revenue
        from (${wonDeals(scope, scope.start, scope.end).query}) as w group by 1`.execute(db),
      sql<{ month: string; clients: string }>`
        select ${monthOf('f.at')} as month, count(distinct f.company_id) as clients
        from (${firstPurchases(scope, scope.start, scope.end, true).query}) as f
        group by 1`.execute(db),
      showsExpenses(scope)
        ? sql<{ month: string; spent: string | null; other: string | null }>`
            select to_char(f.occurred_on, 'YYYY-MM') as month,
              sum(f.amount) filter (where f.kind = 'expense') as spent,
              sum(f.amount) filter (where f.kind = 'income' and f.deal_id is null) as other
            from finance_entries f
            where f.workspace_id = ${scope.workspaceId} and f.status = 'actual'
              and f.occurred_on >= ${scope.from}::date and f.occurred_on <= ${scope.to}::date
            group by 1`.execute(db)
        : null,
    ]);
    const rows: Row[] = monthsOf(scope.from, scope.to).map((month) => {
      const sold = won.rows.find((row) => row.month === month);
      const revenue = money(sold?.revenue);
      const deals = Number(sold?.deals ?? 0);
      const books = expenses?.rows.find((row) => row.month === month);
      const expense = expenses ? money(books?.spent) : null;
      const other = expenses ? money(books?.other) : null;
      return {
        key: month,
        cells: {
          month,
          newClients: Number(firsts.rows.find((row) => row.month === month)?.clients ?? 0),
          wonDeals: deals,
          revenue,
          averageCheck: deals > 0 ? money(revenue / deals) : null,
          otherIncome: other,
          expenses: expense,
          profit: profitOf(revenue, other, expense),
        },
      };
    });
    const revenue = sumColumn(rows, 'revenue');
    const deals = sumColumn(rows, 'wonDeals');
    const expense = expenses ? sumColumn(rows, 'expenses') : null;
    const other = expenses ? sumColumn(rows, 'otherIncome') : null;
    return {
      report: 'activity-monthly',
      columns: monthlyColumns,
      rows,
      totals: {
        newClients: sumColumn(rows, 'newClients'),
        wonDeals: deals,
        revenue,
        averageCheck: deals > 0 ? money(revenue / deals) : null,
        otherIncome: other,
        expenses: expense,
        profit: profitOf(revenue, other, expense),
      },
    };
  },
  async drill(_db, scope, cell) {
    const { key } = requireDrillColumn(monthlyColumns, cell.column);
    let bounds = { from: scope.from, to: scope.to };
    if (cell.row) {
      const [month] = parseRowKey(cell.row, [keyParts.month]) as [string];
      if (month < scope.from.slice(0, 7) || month > scope.to.slice(0, 7))
        throw invalid('querystring.row', 'Not a row of this report');
      const first = `${month}-01`;
      const next = monthsOf(first, addDays(first, 31))[1]!;
      const last = addDays(`${next}-01`, -1);
      bounds = { from: first < scope.from ? scope.from : first, to: last > scope.to ? scope.to : last };
    }
    if (key === 'expenses' || key === 'otherIncome') {
      if (!showsExpenses(scope))
        throw invalid('querystring.column', 'The company’s books are not shown to you here');
      return actualEntries(scope, key === 'expenses' ? 'expense' : 'otherIncome', bounds.from, bounds.to);
    }
    const start = dayStart(bounds.from, scope.timezone);
    const end = dayStart(addDays(bounds.to, 1), scope.timezone);
    return key === 'newClients' ? firstPurchases(scope, start, end) : wonDeals(scope, start, end);
  },
};

/**
 * Orders rows by some of their cells as text, in the locale's order, then by key. Each column's distinct
 * values are ranked once, so a table of thousands of rows (a quarter of days × managers) costs a few
 * hundred `localeCompare` calls instead of one per comparison (60 ms for 4,000 rows).
 */
export function byCells(rows: readonly Row[], ...keys: string[]) {
  const text = (row: Row, key: string) => String(row.cells[key] ?? '');
  const ranks = keys.map((key) => {
    const values = [...new Set(rows.map((row) => text(row, key)))].sort((a, b) => a.localeCompare(b));
    const rank = new Map<string, number>();
    values.forEach((value, i) => {
      const previous = values[i - 1];
      // Texts the locale holds equal share a rank, as they would compare equal.
      rank.set(
        value,
        previous !== undefined && previous.localeCompare(value) === 0 ? rank.get(previous)! : i,
      );
    });
    return rank;
  });
  return (a: Row, b: Row) => {
    for (const [i, key] of keys.entries()) {
      const order = ranks[i]!.get(text(a, key))! - ranks[i]!.get(text(b, key))!;
      if (order !== 0) return order;
    }
    return a.key.localeCompare(b.key);
  };
}

export type ActivityReportTable = ReportTable;
