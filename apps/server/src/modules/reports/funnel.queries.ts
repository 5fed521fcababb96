import { reportFilters } from '@voronka/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import { addDays, dayStart, type ReportScope } from './report-scope';
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
} from './report-table';

/** The won stage ranks above every open stage, whatever the positions. */
const wonRank = 1_000_000;
const defaultStalledDays = 14;

interface FunnelStage {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  rank: number;
}

/** The pipeline a funnel is about (the first sales pipeline unless chosen) and its open and won stages in order. */
export async function funnelStages(db: Kysely<DB>, workspaceId: string, pipelineId?: string) {
  const pipeline =
    pipelineId ??
    (
      await db
        .selectFrom('pipelines')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'sales')
        .orderBy('position')
        .orderBy('created_at')
        .executeTakeFirst()
    )?.id;
  if (!pipeline) throw invalid('querystring.pipelineId', 'This workspace has no sales pipeline');
  const rows = await db
    .selectFrom('stages')
    .select(['id', 'name', 'kind', 'position'])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipeline)
    .where('kind', '<>', 'lost')
    .orderBy('position')
    .execute();
  const stages: FunnelStage[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    rank: row.kind === 'won' ? wonRank : row.position,
  }));
  // Open stages in order, then the won stage: reaching it is the sale.
  stages.sort((a, b) => a.rank - b.rank);
  return { pipelineId: pipeline, stages };
}

interface Period {
  start: RawBuilder<Date>;
  end: RawBuilder<Date>;
}

/**
 * Live deals of the pipeline created in the period by the people in scope: the funnel's cohort. Counts
 * need only the id, stage and stages visited (`narrow`), which `deals_created_report` holds: no table reads.
 */
function cohort(scope: ReportScope, pipelineId: string, period: Period, narrow = false) {
  const columns = narrow
    ? sql`d.id, d.stage_id, d.visited_stages`
    : sql`d.id, d.stage_id, d.title, d.amount, d.responsible_id, d.created_at`;
  return sql`
    select ${columns} from deals d
    where d.workspace_id = ${scope.workspaceId} and d.pipeline_id = ${pipelineId} and d.deleted_at is null
      and d.created_at >= ${period.start} and d.created_at < ${period.end}
      and ${scope.people('d.responsible_id')} and ${scope.dealFilters('d')}`;
}

/**
 * Each cohort deal's furthest stage: the highest rank among the stages it visited (its history and its
 * current stage); lost stages do not count. A deal that skipped a stage passed through it.
 */
function furthest(scope: ReportScope, pipelineId: string, period: Period, narrow = false) {
  return sql`
    with cohort as (${cohort(scope, pipelineId, period, narrow)}),
    visits as (
      select c.id as deal_id, c.stage_id from cohort c
      union all
      select h.deal_id, h.stage_id from deal_stage_history h
      where h.workspace_id = ${scope.workspaceId} and h.deal_id in (select id from cohort)
    )
    select c.*, f.top from cohort c join (
      select v.deal_id, max(case when s.kind = 'won' then ${wonRank} else s.position end) as top
      from visits v join stages s on s.workspace_id = ${scope.workspaceId} and s.id = v.stage_id
      where s.kind <> 'lost'
      group by 1
    ) as f on f.deal_id = c.id`;
}

/**
 * How many cohort deals reached each stage, and the cohort's size, in one statement. A deal's furthest
 * stage is the highest rank among the stages it has been in, which the deal row keeps
 * (`visited_stages`, migration 0024): the cohort is grouped by those paths, of which a funnel has a few
 * hundred, and only each path's furthest stage is looked up. The same numbers as `furthest`, which
 * reads the stage visits; ranks are today's, so reordered stages count in their new order.
 */
async function reachedCounts(
  db: Kysely<DB>,
  scope: ReportScope,
  pipelineId: string,
  period: Period,
  stages: FunnelStage[],
) {
  const ws = scope.workspaceId;
  const { rows } = await sql<{ top: number | null; deals: string }>`
    select (
        select max(case when s.kind = 'won' then ${wonRank} else s.position end) from stages s
        where s.workspace_id = ${ws} and s.kind <> 'lost' and s.id = any(paths.visited_stages)
      ) as top, sum(paths.deals) as deals
    from (
      select c.visited_stages, count(*) as deals from (${cohort(scope, pipelineId, period, true)}) as c
      group by 1
    ) as paths
    group by 1`.execute(db);
  return {
    cohort: rows.reduce((sum, row) => sum + Number(row.deals), 0),
    reached: stages.map((stage) =>
      rows
        .filter((row) => row.top !== null && Number(row.top) >= stage.rank)
        .reduce((sum, row) => sum + Number(row.deals), 0),
    ),
  };
}

const baseColumns = [
  column('stageId', 'Этап (id)', 'id'),
  column('stage', 'Этап', 'text'),
  column('reached', 'Дошли до этапа', 'integer', true),
  column('conversion', 'Конверсия в следующий', 'percent'),
  column('averageDays', 'Среднее время на этапе, дней', 'number', true),
  column('stalled', 'Зависли', 'integer', true),
];
const compareColumns = [
  column('compareReached', 'Дошли (период сравнения)', 'integer', true),
  column('compareConversion', 'Конверсия (период сравнения)', 'percent'),
  column('conversionChange', 'Изменение конверсии', 'percent'),
];

function periodsOf(scope: ReportScope): { main: Period; compare: Period | null } {
  const { compareFrom, compareTo } = scope.query;
  return {
    main: { start: scope.start, end: scope.end },
    compare:
      compareFrom && compareTo
        ? {
            start: dayStart(compareFrom, scope.timezone),
            end: dayStart(addDays(compareTo, 1), scope.timezone),
          }
        : null,
  };
}

/** A difference of shares, to the same four places as the shares. */
const share = (value: number) => Math.round(value * 10_000) / 10_000;

const conversions = (reached: number[]) =>
  reached.map((count, i) => (i + 1 < reached.length ? ratio(reached[i + 1]!, count) : null));

/**
 * The funnel of one pipeline: of the deals created in the period, how many reached each stage, the
 * conversion into the next, the average days a visit to the stage lasted (finished visits), and the
 * open deals sitting in the stage longer than `stalledDays` now; with a second period to compare.
 */
export const funnel: ReportDefinition = {
  name: 'funnel',
  filters: reportFilters.funnel,
  async build(db, scope) {
    const { pipelineId, stages } = await funnelStages(db, scope.workspaceId, scope.query.pipelineId);
    const periods = periodsOf(scope);
    const stalledDays = scope.query.stalledDays ?? defaultStalledDays;
    const [main, compare, durations, stalled] = await Promise.all([
      reachedCounts(db, scope, pipelineId, periods.main, stages),
      periods.compare ? reachedCounts(db, scope, pipelineId, periods.compare, stages) : null,
      sql<{ stage_id: string; days: string }>`
        select h.stage_id, avg(extract(epoch from (h.exited_at - h.entered_at))) / 86400 as days
        from deal_stage_history h
        where h.workspace_id = ${scope.workspaceId} and h.exited_at is not null
          -- A deal enters its first stage when it is created, so the visits of deals created in the
          -- period all began in it or later: one range of deal_stage_history_entered (migration 0020)
          -- instead of every visit of the workspace (3.9 million at 1,000,000 deals) or a probe per deal.
          and h.entered_at >= ${periods.main.start}
          and h.deal_id in (select id from (${cohort(scope, pipelineId, periods.main, true)}) as c)
        group by 1`.execute(db),
      sql<{ stage_id: string; deals: string }>`
        select s.stage_id, count(*) as deals from (${stalledDeals(scope, pipelineId, stalledDays, null).query}) as s
        group by 1`.execute(db),
    ]);
    const mainConversion = conversions(main.reached);
    const compareConversion = compare ? conversions(compare.reached) : [];
    const rows: Row[] = stages.map((stage, i) => {
      const days = durations.rows.find((row) => row.stage_id === stage.id)?.days;
      const cells: Row['cells'] = {
        stageId: stage.id,
        stage: stage.name,
        reached: main.reached[i]!,
        conversion: mainConversion[i] ?? null,
        averageDays: stage.kind === 'won' || days === undefined ? null : money(days),
        stalled:
          stage.kind === 'won'
            ? null
            : Number(stalled.rows.find((row) => row.stage_id === stage.id)?.deals ?? 0),
      };
      if (compare) {
        const before = compareConversion[i] ?? null;
        cells.compareReached = compare.reached[i]!;
        cells.compareConversion = before;
        cells.conversionChange =
          cells.conversion === null || before === null ? null : share(Number(cells.conversion) - before);
      }
      return { key: stage.id, cells };
    });
    const won = main.reached.at(-1) ?? 0;
    const totals: Row['cells'] = {
      reached: main.cohort,
      conversion: ratio(won, main.cohort),
      averageDays: null,
      stalled: rows.reduce((sum, row) => sum + Number(row.cells.stalled ?? 0), 0),
    };
    if (compare) {
      totals.compareReached = compare.cohort;
      totals.compareConversion = ratio(compare.reached.at(-1) ?? 0, compare.cohort);
      totals.conversionChange =
        totals.conversion === null || totals.compareConversion === null
          ? null
          : share(Number(totals.conversion) - Number(totals.compareConversion));
    }
    return {
      report: 'funnel',
      columns: compare ? [...baseColumns, ...compareColumns] : baseColumns,
      rows,
      totals,
    };
  },
  async drill(db, scope, cell) {
    const periods = periodsOf(scope);
    const { key } = requireDrillColumn(
      periods.compare ? [...baseColumns, ...compareColumns] : baseColumns,
      cell.column,
    );
    const { pipelineId, stages } = await funnelStages(db, scope.workspaceId, scope.query.pipelineId);
    const stage = cell.row
      ? stages.find((candidate) => candidate.id === parseRowKey(cell.row as string, [keyParts.uuid])[0])
      : undefined;
    if (cell.row && !stage) throw invalid('querystring.row', 'Not a row of this report');
    if (key === 'stalled')
      return stalledDeals(
        scope,
        pipelineId,
        scope.query.stalledDays ?? defaultStalledDays,
        stage?.id ?? null,
      );
    if (key === 'averageDays')
      return {
        entity: 'deal',
        query: sql`
          select c.id, c.title, h.exited_at as at, c.amount, c.responsible_id
          from (${cohort(scope, pipelineId, periods.main)}) as c
          join deal_stage_history h on h.workspace_id = ${scope.workspaceId} and h.deal_id = c.id
          where h.exited_at is not null ${stage ? sql`and h.stage_id = ${stage.id}` : sql``}`,
      };
    const period = key === 'compareReached' && periods.compare ? periods.compare : periods.main;
    return {
      entity: 'deal',
      query: sql`
        select f.id, f.title, f.created_at as at, f.amount, f.responsible_id
        from (${furthest(scope, pipelineId, period)}) as f
        ${stage ? sql`where f.top >= ${stage.rank}` : sql``}`,
    };
  },
};

/** Open deals of the pipeline that have sat in their stage longer than `days`, as of now. */
function stalledDeals(
  scope: ReportScope,
  pipelineId: string,
  days: number,
  stageId: string | null,
): DrillSource {
  return {
    entity: 'deal',
    query: sql`
      select d.id, d.title, d.stage_entered_at as at, d.amount, d.responsible_id, d.stage_id
      from deals d
      where d.workspace_id = ${scope.workspaceId} and d.pipeline_id = ${pipelineId}
        and d.deleted_at is null and d.closed_at is null
        and d.stage_entered_at < now() - make_interval(days => ${days})
        and ${scope.people('d.responsible_id')} and ${scope.dealFilters('d')}
        ${stageId ? sql`and d.stage_id = ${stageId}` : sql``}`,
  };
}
