import { reportFilters } from '@voronka/domain';
import { sql } from 'kysely';
import { invalid } from '../../http/errors';
import type { ReportScope } from './report-scope';
import {
  column,
  type DrillSource,
  money,
  parseRowKey,
  type ReportDefinition,
  type Row,
  ratio,
  requireDrillColumn,
} from './report-table';

const defaultActiveDays = 90;
const defaultLostDays = 180;

const segments = {
  new: 'Новые',
  active: 'Активные',
  sleeping: 'Спящие',
  lost: 'Потерянные',
} as const;
const signals = {
  falling_asleep: 'Сигнал: засыпают (нет касаний больше половины окна активности)',
  negative_review: 'Сигнал: негативный отзыв в периоде',
  lost_deal: 'Сигнал: проигранная сделка в периоде',
} as const;
type Segment = keyof typeof segments;
type Signal = keyof typeof signals;

const columns = [
  column('segment', 'Группа', 'text'),
  column('clients', 'Клиентов', 'integer', true),
  column('share', 'Доля базы', 'percent'),
  column('revenue', 'Выручка за период', 'money', true),
];

/**
 * Every client in scope as of the end of the period, with its segment and churn signals. A client is a
 * live company with a won sales deal closed before the period's end. Its last touch is the latest deal
 * of it created or closed, or activity logged on it, before the period's end.
 *
 * `report_company_touches` (migration 0014) keeps each company's first won sale and last touch. For a
 * company last touched before the end, those are its numbers as of the end (every deal and activity of
 * it is older), and only the period's revenue is read, from the won deals closed in the period. A
 * company touched since (a report on an earlier period) is counted as of the end from its own deals and
 * activities, one index range each.
 */
export function classified(scope: ReportScope) {
  const ws = scope.workspaceId;
  const activeDays = scope.query.activeDays ?? defaultActiveDays;
  const lostDays = scope.query.lostDays ?? defaultLostDays;
  const daysBefore = (days: number) => sql`(${scope.end} - make_interval(days => ${days}))`;
  const won = sql`d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'won')`;
  const sales = sql`d.pipeline_id in (select id from pipelines where workspace_id = ${ws} and kind = 'sales')`;
  const liveCompany = sql`co.workspace_id = t.workspace_id and co.id = t.company_id
    and co.deleted_at is null and co.merged_into_id is null and ${scope.people('co.responsible_id')}
    ${scope.query.region ? sql`and co.region = ${scope.query.region}` : sql``}`;
  return sql`
    select c.*,
      case
        when c.first_won >= ${scope.start} then 'new'
        when c.last_touch >= ${daysBefore(activeDays)} then 'active'
        when c.last_touch >= ${daysBefore(lostDays)} then 'sleeping'
        else 'lost'
      end as segment,
      (c.first_won < ${scope.start} and c.last_touch >= ${daysBefore(activeDays)}
        and c.last_touch < ${daysBefore(Math.floor(activeDays / 2))}) as falling_asleep,
      c.id in (
        select coalesce(d.company_id, a.record_id) from activities a
        left join deals d on a.entity = 'deal' and d.workspace_id = a.workspace_id and d.id = a.record_id
        where a.workspace_id = ${ws} and a.kind = 'review' and a.result = 'negative'
          and a.entity in ('company', 'deal')
          and a.occurred_at >= ${scope.start} and a.occurred_at < ${scope.end}
      ) as negative_review,
      c.id in (
        select d.company_id from deals d
        where d.workspace_id = ${ws} and d.deleted_at is null and d.company_id is not null
          and d.closed_at >= ${scope.start} and d.closed_at < ${scope.end}
          and d.stage_id in (select id from stages where workspace_id = ${ws} and kind = 'lost')
      ) as lost_deal
    from (
      select co.id, co.name, co.responsible_id, t.first_won_at as first_won, coalesce(r.revenue, 0) as revenue,
        t.last_touch_at as last_touch
      from report_company_touches t
      join companies co on ${liveCompany}
      left join (
        select d.company_id, sum(d.amount) as revenue from deals d
        where d.workspace_id = ${ws} and d.deleted_at is null and d.company_id is not null
          and d.closed_at >= ${scope.start} and d.closed_at < ${scope.end} and ${won} and ${sales}
        group by 1
      ) as r on r.company_id = t.company_id
      where t.workspace_id = ${ws} and t.first_won_at < ${scope.end} and t.last_touch_at < ${scope.end}
      union all
      select co.id, co.name, co.responsible_id, w.first_won, coalesce(w.revenue, 0) as revenue,
        greatest(w.last_deal, touched.at) as last_touch
      from report_company_touches t
      join companies co on ${liveCompany}
      cross join lateral (
        select min(d.closed_at) filter (where ${won}) as first_won,
          max(greatest(d.created_at, d.closed_at)) as last_deal,
          sum(d.amount) filter (where ${won} and d.closed_at >= ${scope.start}) as revenue
        from deals d
        where d.workspace_id = ${ws} and d.company_id = t.company_id and d.deleted_at is null
          and d.created_at < ${scope.end} and (d.closed_at is null or d.closed_at < ${scope.end}) and ${sales}
      ) as w
      left join lateral (
        select max(a.occurred_at) as at from activities a
        where a.workspace_id = ${ws} and a.entity = 'company' and a.record_id = t.company_id
          and a.occurred_at < ${scope.end}
      ) as touched on true
      where t.workspace_id = ${ws} and t.first_won_at < ${scope.end} and t.last_touch_at >= ${scope.end}
        and w.first_won is not null
    ) as c`;
}

/**
 * Client base structure as of the end of the period: new (first purchase in the period), active
 * (touched within `activeDays`), sleeping (last touch between `activeDays` and `lostDays` ago), lost
 * (longer); and churn signals, which overlap the segments.
 */
export const clients: ReportDefinition = {
  name: 'clients',
  filters: reportFilters.clients,
  async build(db, scope) {
    const { activeDays = defaultActiveDays, lostDays = defaultLostDays } = scope.query;
    if (lostDays <= activeDays)
      throw invalid('querystring.lostDays', 'A client is lost later than it falls asleep');
    const { rows: groups } = await sql<{
      segment: Segment;
      falling_asleep: boolean;
      negative_review: boolean;
      lost_deal: boolean;
      clients: string;
      revenue: string;
    }>`
      select segment, falling_asleep, negative_review, lost_deal, count(*) as clients, sum(revenue) as revenue
      from (${classified(scope)}) as c group by 1, 2, 3, 4`.execute(db);
    const base = groups.reduce((sum, group) => sum + Number(group.clients), 0);
    const rowOf = (key: string, label: string, matching: typeof groups): Row => {
      const count = matching.reduce((sum, group) => sum + Number(group.clients), 0);
      return {
        key,
        cells: {
          segment: label,
          clients: count,
          share: ratio(count, base),
          revenue: money(matching.reduce((sum, group) => sum + Number(group.revenue), 0)),
        },
      };
    };
    const rows = [
      ...Object.entries(segments).map(([key, label]) =>
        rowOf(
          key,
          label,
          groups.filter((group) => group.segment === key),
        ),
      ),
      ...Object.entries(signals).map(([key, label]) =>
        rowOf(
          key,
          label,
          groups.filter((group) => group[key as Signal]),
        ),
      ),
    ];
    return {
      report: 'clients',
      columns,
      rows,
      totals: {
        clients: base,
        share: base > 0 ? 1 : null,
        revenue: money(groups.reduce((sum, group) => sum + Number(group.revenue), 0)),
      },
    };
  },
  async drill(_db, scope, cell): Promise<DrillSource> {
    requireDrillColumn(columns, cell.column);
    const [key] = cell.row
      ? parseRowKey(cell.row, [
          new RegExp(`^(${[...Object.keys(segments), ...Object.keys(signals)].join('|')})$`),
        ])
      : [null];
    const condition = !key ? sql`true` : key in segments ? sql`c.segment = ${key}` : sql.ref(`c.${key}`);
    const revenueOnly = cell.column === 'revenue' ? sql`and c.revenue > 0` : sql``;
    return {
      entity: 'company',
      query: sql`
        select c.id, c.name as title, coalesce(c.last_touch, c.first_won) as at, c.revenue as amount, c.responsible_id
        from (${classified(scope)}) as c where ${condition} ${revenueOnly}`,
    };
  },
};
