import {
  dealFilters,
  localizeReport,
  nameSource,
  type PrintQuery,
  type ReportName,
  type ReportQuery,
  reportLanguages,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { intlLocale, renderReportPrint } from './report-print';
import { runReport } from './reports.service';

/** The record a filter names, by its id, in the actor's workspace; the id itself if it is gone. */
async function recordName(
  db: Kysely<DB>,
  workspaceId: string,
  table: 'users' | 'departments' | 'pipelines' | 'products',
  id: string,
): Promise<string> {
  const row = await db
    .selectFrom(table)
    .select('name')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? id;
}

const filterTables = {
  managerId: 'users',
  departmentId: 'departments',
  pipelineId: 'pipelines',
  productId: 'products',
} as const;

/**
 * The report as a printable page in the reader's language: the same table the page and the export
 * show (`runReport` checks the filters and the period), headed by its title, period and filters in words.
 */
export async function printReport(
  db: Kysely<DB>,
  actor: Actor,
  name: ReportName,
  query: PrintQuery,
): Promise<string> {
  const { locale, ...filters } = query;
  const language = reportLanguages[locale];
  const table = localizeReport(await runReport(db, actor, name, filters as ReportQuery), language);
  const applied: [string, string][] = [];
  for (const filter of dealFilters) {
    const value = filters[filter];
    if (!value) continue;
    const text =
      filter === 'source'
        ? nameSource(language, value)
        : filter === 'region'
          ? value
          : await recordName(db, actor.workspaceId, filterTables[filter], value);
    applied.push([language.filters[filter], text]);
  }
  const printedAt = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: query.timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date());
  return renderReportPrint(
    table,
    { title: language.names[name], from: query.from, to: query.to, filters: applied, printedAt },
    language,
    locale,
  );
}
