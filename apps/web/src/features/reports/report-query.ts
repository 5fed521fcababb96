import type { ReportFilterName, ReportName } from '@voronka/domain';
import { dealFilters, reportFilters, reportNames } from '@voronka/domain';

/** What the reports page asks for; kept in the address so that a report can be shared as a link. */
export type ReportSelection = {
  report: ReportName;
  from: string;
  to: string;
  managerId: string | null;
  departmentId?: string | null;
  /** Only the deals of this pipeline (the dashboard's plan reads one pipeline); all sales pipelines when absent. */
  pipelineId?: string | null;
  source?: string | null;
  productId?: string | null;
  region?: string | null;
};

/** The filters the page offers besides the period, in the order it shows them. */
export const selectionFilters = dealFilters satisfies readonly (keyof ReportSelection & ReportFilterName)[];
export type SelectionFilter = (typeof selectionFilters)[number];

/** Whether the report takes the filter; one it does not take is kept in the address but not sent. */
export function takesFilter(report: ReportName, filter: SelectionFilter): boolean {
  return (reportFilters[report] as readonly ReportFilterName[]).includes(filter);
}

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
    departmentId: params.get('departmentId') || null,
    pipelineId: params.get('pipelineId') || null,
    source: params.get('source') || null,
    productId: params.get('productId') || null,
    region: params.get('region') || null,
  };
}

/**
 * The query parameters of every reports endpoint (table, drill, export) for a selection: the period and
 * the filters this report takes.
 *
 * @example reportParams({ report: 'activity-daily', from: '2026-11-01', to: '2026-11-30', managerId: null, region: 'Москва' })
 * // { from: '2026-11-01', to: '2026-11-30' }: the daily report is not filtered by region
 */
export function reportParams(selection: ReportSelection): Record<string, string | null | undefined> {
  const params: Record<string, string | null | undefined> = { from: selection.from, to: selection.to };
  for (const filter of selectionFilters) {
    if (takesFilter(selection.report, filter)) params[filter] = selection[filter];
  }
  return params;
}
