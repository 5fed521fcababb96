import { type LeadStatus, leadStatuses, type ReportTable } from '@voronka/domain';
import type { TFunction } from 'i18next';
import { nameSource } from '../../ui/sources';

/** What the page needs of the UI language: the current one's words for the report's own texts. */
export interface ReportWords {
  /** English column labels by `report/key` or `key`; none in Russian, whose labels the server writes. */
  columns: Record<string, string>;
  status(status: LeadStatus): string;
  /** A client-base group or churn signal by its row key. */
  segment(key: string): string | undefined;
  /** A source as the UI names it: the system's own codes translated, people's text as typed. */
  source(text: string): string;
  unassigned: string;
  noSource: string;
}

const isStatus = (value: unknown): value is LeadStatus =>
  typeof value === 'string' && (leadStatuses as readonly string[]).includes(value);

/**
 * The report as the UI language reads it. The server writes its column labels and its own groups in
 * Russian, as its exports do, and lead statuses by their codes; names people gave (managers, stages,
 * sources) stay as they are.
 */
export function localizeReport(table: ReportTable, words: ReportWords): ReportTable {
  const columns = table.columns.map((column) => ({
    ...column,
    label: words.columns[`${table.report}/${column.key}`] ?? words.columns[column.key] ?? column.label,
  }));
  const rows = table.rows.map((row) => {
    const cells = { ...row.cells };
    if (table.report === 'lead-statuses' && isStatus(cells.status)) cells.status = words.status(cells.status);
    if (table.report === 'clients' && 'segment' in cells)
      cells.segment = words.segment(row.key) ?? cells.segment;
    // A row without a person or a source is the one whose key says "-" for it.
    if ('managerId' in cells && cells.managerId === null && 'manager' in cells)
      cells.manager = words.unassigned;
    if (table.report === 'lead-sources' && typeof cells.source === 'string')
      cells.source = row.key === '-' ? words.noSource : words.source(cells.source);
    return { ...row, cells };
  });
  return { ...table, columns, rows };
}

/** The words of the UI language `t` speaks (`report/key`, not `report:key`: i18next reads ":" as a namespace). */
export function reportWords(t: TFunction): ReportWords {
  const segments: Record<string, string> = t('reports.segments', { returnObjects: true });
  return {
    columns: t('reports.columnLabels', { returnObjects: true }),
    status: (status) => t(`leads.status.${status}`),
    segment: (key) => segments[key],
    source: (text) => nameSource(t, text),
    unassigned: t('reports.unassigned'),
    noSource: t('reports.noSource'),
  };
}
