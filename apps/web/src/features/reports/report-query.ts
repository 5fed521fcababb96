import type { ReportName } from '@voronka/domain';
import { reportNames } from '@voronka/domain';

/** What the reports page asks for; kept in the address so that a report can be shared as a link. */
export type ReportSelection = {
  report: ReportName;
  from: string;
  to: string;
  managerId: string | null;
  /** Only the deals of this pipeline (the dashboard's plan reads one pipeline); all sales pipelines when absent. */
  pipelineId?: string | null;
};

function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The first and the last day of the month `today` falls in, as the API takes them.
 *
 * @example thisMonth(new Date(2026, 10, 29)) // { from: '2026-11-01', to: '2026-11-30' }
 */
export function thisMonth(today: Date = new Date()): { from: string; to: string } {
  return {
    from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)),
    to: isoDay(new Date(today.getFullYear(), today.getMonth() + 1, 0)),
  };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The selection from the page's search parameters; anything missing or malformed falls back to a default. */
export function selectionFromParams(params: URLSearchParams, today: Date = new Date()): ReportSelection {
  const month = thisMonth(today);
  const report = params.get('report');
  const from = params.get('from');
  const to = params.get('to');
  return {
    report: reportNames.find((name) => name === report) ?? 'managers',
    from: from && dayPattern.test(from) ? from : month.from,
    to: to && dayPattern.test(to) ? to : month.to,
    managerId: params.get('managerId') || null,
  };
}

/** The query parameters of every reports endpoint (table, drill, export) for a selection. */
export function reportParams({
  from,
  to,
  managerId,
  pipelineId,
}: ReportSelection): Record<string, string | null | undefined> {
  return { from, to, managerId, pipelineId };
}
