import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type DrillResult,
  type Locale,
  localizeReport,
  type ReportFilterValues,
  type ReportTable,
  reportLanguages,
} from '@voronka/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { queryString } from '../../api/query-string';
import { type ReportSelection, reportParams } from './report-query';

/** One cell of a report: a row's key (null for the totals row) and a column's key. */
export type ReportCellRef = { row: string | null; column: string };

export const reportKeys = {
  all: ['reports'] as const,
  table: (selection: ReportSelection) => ['reports', 'table', selection] as const,
  drill: (selection: ReportSelection, cell: ReportCellRef | null) =>
    ['reports', 'drill', selection, cell] as const,
};

/** The sources and regions in use, for the filters and the region and source inputs to offer. */
export function useReportFilterValues() {
  return useQuery({
    queryKey: [...reportKeys.all, 'filter-values'] as const,
    queryFn: () => api.get<ReportFilterValues>('/reports/filter-values'),
    staleTime: 60_000,
  });
}

/**
 * The report as a table in the UI language; the previous table stays on screen while another period
 * loads. A change of language relabels the table without asking the server again.
 */
export function useReport(selection: ReportSelection) {
  const { i18n } = useTranslation();
  const language = reportLanguages[i18n.language === 'ru' ? 'ru' : 'en'];
  const localize = useCallback((table: ReportTable) => localizeReport(table, language), [language]);
  return useQuery({
    queryKey: reportKeys.table(selection),
    queryFn: () =>
      api.get<ReportTable>(`/reports/${selection.report}${queryString(reportParams(selection))}`),
    placeholderData: keepPreviousData,
    select: localize,
  });
}

/** The records behind one cell; idle until a cell is chosen. */
export function useReportDrill(selection: ReportSelection, cell: ReportCellRef | null) {
  return useQuery({
    queryKey: reportKeys.drill(selection, cell),
    queryFn: () =>
      api.get<DrillResult>(
        `/reports/${selection.report}/drill${queryString({
          ...reportParams(selection),
          row: cell?.row,
          column: cell?.column,
        })}`,
      ),
    enabled: cell !== null,
  });
}

/**
 * The address of the report as a file, for a plain link: the browser downloads it with the session cookie.
 *
 * in the UI language `locale`.
 *
 * @example exportUrl(selection, 'xlsx', 'en') // "/api/reports/managers/export?from=2026-11-01&to=2026-11-30&format=xlsx&locale=en"
 */
export function exportUrl(selection: ReportSelection, format: 'xlsx' | 'csv', locale: Locale): string {
  return `/api/reports/${selection.report}/export${queryString({ ...reportParams(selection), format, locale })}`;
}

/** The printable page of the report, in the UI language `locale`: the browser opens it in a new tab. */
export function printUrl(selection: ReportSelection, locale: Locale): string {
  return `/api/reports/${selection.report}/print${queryString({ ...reportParams(selection), locale })}`;
}
