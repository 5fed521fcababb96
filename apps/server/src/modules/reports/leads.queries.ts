import { reportFilters, leadStatuses as statusOrder } from '@voronka/domain';
import { sql } from 'kysely';
import { byCells } from './activity.queries';
import type { ReportScope } from './report-scope';
import {
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

const unassigned = 'Без ответственного';
const noSource = 'Источник не указан';

// ─── Deals over funnel stages ──────────────────────────────────────────────────────────────────

const stageColumns = [
  column('pipeline', 'Воронка', 'text'),
  column('stageId', 'Этап (id)', 'id'),
  column('stage', 'Этап', 'text'),
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('deals', 'Сделок', 'integer', true),
  column('amount', 'Сумма', 'money', true),
];

/** Live deals created in the period, where they stand now: the conditions on the deals row `d`. */
function createdDeals(scope: ReportScope) {
  return sql`d.workspace_id = ${scope.workspaceId} and d.deleted_at is null
    and d.created_at >= ${scope.start} and d.created_at < ${scope.end}
    and ${scope.pipelines('d.pipeline_id')} and ${scope.people('d.responsible_id')} and ${scope.dealFilters('d')}`;
}

function dealsCreated(
  scope: ReportScope,
  stageId: string | null,
  responsibleId: string | null | undefined,
): DrillSource {
  return {
    entity: 'deal',
    query: sql`
      select d.id, d.title, d.created_at as at, d.amount, d.responsible_id
      from deals d
      where ${createdDeals(scope)}
        ${stageId ? sql`and d.stage_id = ${stageId}` : sql``}
        ${responsibleId === undefined ? sql`` : responsibleId === null ? sql`and d.responsible_id is null` : sql`and d.responsible_id = ${responsibleId}`}`,
  };
}

/** Deal distribution over funnel stages: the deals created in the period by their current stage, per manager. */
export const dealStages: ReportDefinition = {
  name: 'deal-stages',
  filters: reportFilters['deal-stages'],
  async build(db, scope) {
    // The managers' names come with the counts: one statement, no second round trip for them.
    const counts = await sql<{
      pipeline: string;
      pipeline_position: number;
      stage_id: string;
      stage: string;
      position: number;
      responsible_id: string | null;
      manager_name: string | null;
      deals: string;
      amount: string;
    }>`
        select p.name as pipeline, p.position as pipeline_position, s.id as stage_id, s.name as stage, s.position,
          c.responsible_id, u.name as manager_name, c.deals, c.amount
        from (
          select d.stage_id, d.responsible_id, count(*) as deals, sum(d.amount) as amount
          from deals d where ${createdDeals(scope)}
          group by 1, 2
        ) as c
        join stages s on s.workspace_id = ${scope.workspaceId} and s.id = c.stage_id
        join pipelines p on p.workspace_id = s.workspace_id and p.id = s.pipeline_id
        left join users u on u.workspace_id = ${scope.workspaceId} and u.id = c.responsible_id
        order by p.position, p.name, s.position`.execute(db);
    const rows: Row[] = counts.rows.map((row) => ({
      key: rowKey(row.stage_id, row.responsible_id),
      cells: {
        pipeline: row.pipeline,
        stageId: row.stage_id,
        stage: row.stage,
        managerId: row.responsible_id,
        manager: row.responsible_id ? (row.manager_name ?? '') : unassigned,
        deals: Number(row.deals),
        amount: money(row.amount),
      },
    }));
    // Stages stay in funnel order; within a stage, managers by name.
    const order = new Map(counts.rows.map((row, i) => [row.stage_id, i]));
    const byManager = byCells(rows, 'manager');
    rows.sort(
      (a, b) => order.get(String(a.cells.stageId))! - order.get(String(b.cells.stageId))! || byManager(a, b),
    );
    return {
      report: 'deal-stages',
      columns: stageColumns,
      rows,
      totals: { deals: sumColumn(rows, 'deals'), amount: sumColumn(rows, 'amount') },
    };
  },
  async drill(_db, scope, cell) {
    requireDrillColumn(stageColumns, cell.column);
    if (!cell.row) return dealsCreated(scope, null, undefined);
    const [stageId, managerId] = parseRowKey(cell.row, [keyParts.uuid, keyParts.uuid]);
    return dealsCreated(scope, stageId!, managerId);
  },
};

// ─── Leads over statuses ───────────────────────────────────────────────────────────────────────

const statusColumns = [
  column('status', 'Статус', 'text'),
  column('managerId', 'Менеджер (id)', 'id'),
  column('manager', 'Менеджер', 'text'),
  column('leads', 'Лидов', 'integer', true),
];

/** Live leads created in the period: the conditions on the leads row `l`. */
function createdLeads(scope: ReportScope) {
  return sql`l.workspace_id = ${scope.workspaceId} and l.deleted_at is null
    and l.created_at >= ${scope.start} and l.created_at < ${scope.end}
    and ${scope.people('l.responsible_id')}
    ${scope.query.source ? sql`and l.source = ${scope.query.source}` : sql``}
    ${scope.query.region ? sql`and l.region = ${scope.query.region}` : sql``}`;
}

function leadsCreated(
  scope: ReportScope,
  where: { status?: string; responsibleId?: string | null; source?: string | null; converted?: boolean },
): DrillSource {
  return {
    entity: 'lead',
    query: sql`
      select l.id, l.title, l.created_at as at, null::numeric as amount, l.responsible_id
      from leads l
      where ${createdLeads(scope)}
        ${where.status ? sql`and l.status = ${where.status}` : sql``}
        ${where.converted ? sql`and l.deal_id is not null` : sql``}
        ${where.responsibleId === undefined ? sql`` : where.responsibleId === null ? sql`and l.responsible_id is null` : sql`and l.responsible_id = ${where.responsibleId}`}
        ${where.source === undefined ? sql`` : where.source === null ? sql`and l.source is null` : sql`and l.source = ${where.source}`}`,
  };
}

/** Lead distribution over statuses: leads created in the period by their current status, per manager. */
export const leadStatuses: ReportDefinition = {
  name: 'lead-statuses',
  filters: reportFilters['lead-statuses'],
  async build(db, scope) {
    // The managers' names come with the counts: one statement, no second round trip for them.
    const counts = await sql<{
      status: string;
      responsible_id: string | null;
      manager_name: string | null;
      leads: string;
    }>`
        select c.status, c.responsible_id, u.name as manager_name, c.leads
        from (
          select l.status, l.responsible_id, count(*) as leads
          from leads l where ${createdLeads(scope)}
          group by 1, 2
        ) as c
        left join users u on u.workspace_id = ${scope.workspaceId} and u.id = c.responsible_id`.execute(db);
    const rank = (status: string) => (statusOrder as readonly string[]).indexOf(status);
    const rows: Row[] = counts.rows.map((row) => ({
      key: rowKey(row.status, row.responsible_id),
      cells: {
        status: row.status,
        managerId: row.responsible_id,
        manager: row.responsible_id ? (row.manager_name ?? '') : unassigned,
        leads: Number(row.leads),
      },
    }));
    const byManager = byCells(rows, 'manager');
    rows.sort((a, b) => rank(String(a.cells.status)) - rank(String(b.cells.status)) || byManager(a, b));
    return {
      report: 'lead-statuses',
      columns: statusColumns,
      rows,
      totals: { leads: sumColumn(rows, 'leads') },
    };
  },
  async drill(_db, scope, cell) {
    requireDrillColumn(statusColumns, cell.column);
    if (!cell.row) return leadsCreated(scope, {});
    const [status, managerId] = parseRowKey(cell.row, [
      new RegExp(`^(${statusOrder.join('|')})$`),
      keyParts.uuid,
    ]);
    return leadsCreated(scope, { status: status!, responsibleId: managerId });
  },
};

// ─── Lead sources ──────────────────────────────────────────────────────────────────────────────

const sourceColumns = [
  column('source', 'Источник', 'text'),
  column('leads', 'Лидов', 'integer', true),
  column('converted', 'Переведено в сделки', 'integer', true),
  column('conversion', 'Конверсия в сделку', 'percent'),
  column('wonDeals', 'Выиграно сделок', 'integer', true),
  column('revenue', 'Выручка', 'money', true),
];

/** Sources are free text: a row key holds them hex-encoded, so any character survives the URL and the key. */
const encodeSource = (source: string | null) =>
  source === null ? null : Buffer.from(source).toString('hex');
const decodeSource = (hex: string | null) => (hex === null ? null : Buffer.from(hex, 'hex').toString());

/** The won deals that the leads created in the period turned into. */
function wonFromLeads(scope: ReportScope, source: string | null | undefined): DrillSource {
  return {
    entity: 'deal',
    query: sql`
      select d.id, d.title, d.closed_at as at, d.amount, d.responsible_id
      from (${leadsCreated(scope, { source, converted: true }).query}) as c
      join leads l on l.workspace_id = ${scope.workspaceId} and l.id = c.id
      join deals d on d.workspace_id = l.workspace_id and d.id = l.deal_id
      where d.deleted_at is null and ${scope.won('d.stage_id')}`,
  };
}

/**
 * Lead sources: leads created in the period per source, how many became deals, and the deals among
 * those that were won with their sum (whenever they closed).
 */
export const leadSources: ReportDefinition = {
  name: 'lead-sources',
  filters: reportFilters['lead-sources'],
  async build(db, scope) {
    const { rows: counts } = await sql<{
      source: string | null;
      leads: string;
      converted: string;
      won: string;
      revenue: string | null;
    }>`
      -- One pass over the period's leads. A converted lead's deal is probed by its key (the lateral's
      -- limit keeps the planner from turning it back into a join that hashed every won deal: 370 ms at
      -- 1,000,000 deals); a lead without a deal skips the probe, and the won stages are listed once.
      -- As a CTE read twice it took 50 ms for a quarter at 1,000,000 deals, 43 ms this way.
      select l.source, count(*) as leads, count(l.deal_id) as converted, count(d.amount) as won,
        sum(d.amount) as revenue
      from leads l
      left join lateral (
        select d.amount from deals d
        where l.deal_id is not null and d.workspace_id = ${scope.workspaceId} and d.id = l.deal_id
          and d.deleted_at is null
          and d.stage_id = any(array(select id from stages where workspace_id = ${scope.workspaceId} and kind = 'won'))
        limit 1
      ) as d on true
      where ${createdLeads(scope)}
      group by 1
      order by 2 desc, 1`.execute(db);
    const rows: Row[] = counts.map((row) => ({
      key: rowKey(encodeSource(row.source)),
      cells: {
        source: row.source ?? noSource,
        leads: Number(row.leads),
        converted: Number(row.converted),
        conversion: ratio(Number(row.converted), Number(row.leads)),
        wonDeals: Number(row.won),
        revenue: money(row.revenue),
      },
    }));
    const leads = sumColumn(rows, 'leads');
    const converted = sumColumn(rows, 'converted');
    return {
      report: 'lead-sources',
      columns: sourceColumns,
      rows,
      totals: {
        leads,
        converted,
        conversion: ratio(converted, leads),
        wonDeals: sumColumn(rows, 'wonDeals'),
        revenue: sumColumn(rows, 'revenue'),
      },
    };
  },
  async drill(_db, scope, cell) {
    const { key } = requireDrillColumn(sourceColumns, cell.column);
    const source = cell.row
      ? decodeSource(parseRowKey(cell.row, [/^([0-9a-f]{2})+$/])[0] ?? null)
      : undefined;
    if (key === 'wonDeals' || key === 'revenue') return wonFromLeads(scope, source);
    return leadsCreated(scope, { source, converted: key === 'converted' });
  },
};
