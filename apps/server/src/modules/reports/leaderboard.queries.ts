import { computePay, type LeaderboardMetric, reportFilters } from '@voronka/domain';
import { sql } from 'kysely';
import { findScheme } from '../planning/motivation.queries';
import { actionCounts, noActions } from './action-counts.queries';
import { hourAligned } from './activity-hours';
import { proposalStages } from './proposal-stages';
import { listedPeople, peopleNames } from './report-scope';
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
  column('rank', 'Место', 'integer'),
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('deals', 'Сделки (выиграно)', 'integer', true),
  column('revenue', 'Выручка', 'money', true),
  column('meetings', 'Встречи', 'integer', true),
  column('calls', 'Звонки', 'integer', true),
  column('proposals', 'КП', 'integer', true),
  column('points', 'Баллы', 'integer'),
];

/**
 * A contest over the period: each person's won deals, revenue, meetings, calls, proposals and motivation
 * points (by the workspace's scheme; none without one), ranked by `metric`. Ties share a place.
 */
export const leaderboard: ReportDefinition = {
  name: 'leaderboard',
  filters: reportFilters.leaderboard,
  async build(db, scope) {
    const metric: LeaderboardMetric = scope.query.metric ?? 'deals';
    const [stages, byHour] = await Promise.all([
      proposalStages(db, scope.workspaceId),
      hourAligned(db, scope.timezone, scope.from, scope.to),
    ]);
    const [counts, scheme, listed, names] = await Promise.all([
      actionCounts(db, {
        workspaceId: scope.workspaceId,
        start: scope.start,
        end: scope.end,
        people: scope.people,
        stages,
        byHour,
      }),
      findScheme(db, scope.workspaceId),
      listedPeople(db, scope),
      peopleNames(db, scope.workspaceId),
    ]);
    const people = [...new Set([...listed, ...counts.keys()])];
    const rows: Row[] = people.map((person) => {
      const actions = counts.get(person) ?? noActions();
      const { sales, ...actionsOnly } = actions;
      return {
        key: person,
        cells: {
          rank: 0,
          managerId: person,
          manager: names.get(person) ?? '',
          deals: actions.dealWon,
          revenue: money(sales),
          meetings: actions.meeting,
          calls: actions.call,
          proposals: actions.proposal,
          points: scheme ? computePay(scheme, actionsOnly, sales).points : null,
        },
      };
    });
    rows.sort(
      (a, b) =>
        Number(b.cells[metric] ?? 0) - Number(a.cells[metric] ?? 0) ||
        String(a.cells.manager).localeCompare(String(b.cells.manager)) ||
        a.key.localeCompare(b.key),
    );
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      row.cells.rank =
        previous && Number(previous.cells[metric] ?? 0) === Number(row.cells[metric] ?? 0)
          ? (previous.cells.rank ?? i + 1)
          : i + 1;
    });
    return {
      report: 'leaderboard',
      columns,
      rows,
      totals: {
        deals: sumColumn(rows, 'deals'),
        revenue: sumColumn(rows, 'revenue'),
        meetings: sumColumn(rows, 'meetings'),
        calls: sumColumn(rows, 'calls'),
        proposals: sumColumn(rows, 'proposals'),
        points: scheme ? sumColumn(rows, 'points') : null,
      },
    };
  },
  async drill(db, scope, cell): Promise<DrillSource> {
    const { key } = requireDrillColumn(columns, cell.column);
    const [managerId] = cell.row ? parseRowKey(cell.row, [keyParts.uuid]) : [null];
    const only = (column: string) => (managerId ? sql`and ${sql.ref(column)} = ${managerId}` : sql``);
    const ws = scope.workspaceId;
    if (key === 'meetings' || key === 'calls')
      return {
        entity: 'activity',
        query: sql`
          select a.id, coalesce(a.subject, a.kind) as title, a.occurred_at as at, null::numeric as amount,
            a.author_id as responsible_id
          from activities a
          where a.workspace_id = ${ws} and a.kind = ${key === 'calls' ? 'call' : 'meeting'}
            and a.occurred_at >= ${scope.start} and a.occurred_at < ${scope.end}
            and ${scope.people('a.author_id')} ${only('a.author_id')}`,
      };
    if (key === 'proposals') {
      const stages = await proposalStages(db, ws);
      return {
        entity: 'deal',
        query: sql`
          select d.id, d.title, h.entered_at as at, d.amount, d.responsible_id
          from deal_stage_history h
          join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
          where h.workspace_id = ${ws} and h.stage_id = any(${stages.proposal}::uuid[])
            and h.entered_at >= ${scope.start} and h.entered_at < ${scope.end}
            and d.deleted_at is null and ${scope.people('d.responsible_id')} ${only('d.responsible_id')}`,
      };
    }
    return {
      entity: 'deal',
      query: sql`
        select d.id, d.title, d.closed_at as at, d.amount, d.responsible_id
        from deals d
        where d.workspace_id = ${ws} and d.deleted_at is null
          and d.closed_at >= ${scope.start} and d.closed_at < ${scope.end}
          and d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'won')
          and d.pipeline_id in (select id from pipelines where workspace_id = ${ws} and kind = 'sales')
          and ${scope.people('d.responsible_id')} ${only('d.responsible_id')}`,
    };
  },
};
