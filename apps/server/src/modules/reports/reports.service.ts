import type { PassThrough } from 'node:stream';
import {
  type DrillQuery,
  type DrillResult,
  type ExportQuery,
  localizeReport,
  type ReportCell,
  type ReportName,
  type ReportQuery,
  type ReportTable,
  reportLanguages,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { activityDaily, activityMonthly, activityWeekly } from './activity.queries';
import { clients } from './clients.queries';
import { funnel } from './funnel.queries';
import { leaderboard } from './leaderboard.queries';
import { dealStages, leadSources, leadStatuses } from './leads.queries';
import { managers } from './managers.queries';
import { type ExportColumnType, type Tabular, writeCsv, writeXlsx } from './report-export';
import { peopleNames, resolveScope } from './report-scope';
import type { DrillRow, DrillSource, ReportDefinition } from './report-table';

const definitions: Record<ReportName, ReportDefinition> = {
  'activity-daily': activityDaily,
  'activity-weekly': activityWeekly,
  'activity-monthly': activityMonthly,
  managers,
  'deal-stages': dealStages,
  'lead-statuses': leadStatuses,
  'lead-sources': leadSources,
  funnel,
  clients,
  leaderboard,
};

export async function runReport(
  db: Kysely<DB>,
  actor: Actor,
  name: ReportName,
  query: ReportQuery,
): Promise<ReportTable> {
  const definition = definitions[name];
  const scope = await resolveScope(db, actor, query, definition.filters);
  return definition.build(db, scope);
}

async function drillSource(db: Kysely<DB>, actor: Actor, name: ReportName, query: DrillQuery | ExportQuery) {
  const { row, column, ...filters } = query;
  const definition = definitions[name];
  const scope = await resolveScope(db, actor, filters as ReportQuery, definition.filters);
  return definition.drill(db, scope, { row, column: column ?? '' });
}

/** The records behind one cell of a report: how many, and the first `limit` of them, newest first. */
export async function drillReport(
  db: Kysely<DB>,
  actor: Actor,
  name: ReportName,
  query: DrillQuery,
): Promise<DrillResult> {
  const source = await drillSource(db, actor, name, query);
  const [count, page] = await Promise.all([
    sql<{ total: string }>`select count(*) as total from (${source.query}) as behind`.execute(db),
    sql<DrillRow>`select * from (${source.query}) as behind order by behind.at desc, behind.id limit ${query.limit}`.execute(
      db,
    ),
  ]);
  return {
    entity: source.entity,
    total: Number(count.rows[0]?.total ?? 0),
    items: page.rows.map((row) => ({
      id: row.id,
      title: row.title,
      at: row.at.toISOString(),
      amount: row.amount === null ? null : Number(row.amount),
      responsibleId: row.responsible_id,
    })),
  };
}

const batchSize = 5000;

/** Every record of a drill, in time order, read in keyset batches so no batch holds the whole set. */
async function* drillRows(db: Kysely<DB>, source: DrillSource): AsyncGenerator<DrillRow> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const { rows }: { rows: DrillRow[] } = await sql<DrillRow>`
      select * from (${source.query}) as behind
      ${after ? sql`where (behind.at, behind.id) > (${after.at}, ${after.id})` : sql``}
      order by behind.at, behind.id limit ${batchSize}`.execute(db);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { at: last.at, id: last.id };
  }
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * Writes a report (or, with `column`, the records behind one of its cells) as XLSX or CSV into
 * `output` and ends it. Nothing is written before every check has passed, so a refusal is still a 400.
 */
export async function prepareExport(
  db: Kysely<DB>,
  actor: Actor,
  name: ReportName,
  query: ExportQuery,
): Promise<{ fileName: string; write(output: PassThrough): Promise<void> }> {
  const { format, row, column, locale, ...filters } = query;
  const language = reportLanguages[locale];
  const fileName = `${name}_${query.from}_${query.to}${column ? `_${column}` : ''}.${format}`;
  const writer = format === 'xlsx' ? writeXlsx : writeCsv;
  let tabular: Tabular;
  if (column) {
    const source = await drillSource(db, actor, name, query);
    const names = await peopleNames(db, actor.workspaceId);
    const rows = async function* () {
      for await (const record of drillRows(db, source)) {
        yield [
          record.id,
          record.title,
          record.at.toISOString(),
          record.amount === null ? null : Number(record.amount),
          record.responsible_id ? (names.get(record.responsible_id) ?? '') : null,
        ] as ReportCell[];
      }
    };
    tabular = {
      sheetName: name,
      columns: [
        { label: language.records.id, type: 'text' },
        { label: language.records.title, type: 'text' },
        { label: language.records.at, type: 'datetime' },
        { label: language.records.amount, type: 'money' },
        { label: language.records.responsible, type: 'text' },
      ],
      rows: rows(),
    };
  } else {
    const table = localizeReport(
      await runReport(db, actor, name, { ...filters, timezone: query.timezone } as ReportQuery),
      language,
    );
    const columns = table.columns.filter((candidate) => candidate.type !== 'id');
    const first = columns[0]?.key;
    tabular = {
      sheetName: name,
      columns: columns.map((candidate) => ({
        label: candidate.label,
        type: candidate.type as ExportColumnType,
      })),
      rows: each(table.rows.map((line) => columns.map((candidate) => line.cells[candidate.key] ?? null))),
      totals: columns.map((candidate) =>
        candidate.key === first ? language.total : (table.totals[candidate.key] ?? null),
      ),
    };
  }
  return { fileName, write: (output) => writer(output, tabular, query.timezone) };
}
