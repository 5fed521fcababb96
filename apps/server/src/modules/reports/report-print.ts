import {
  escapeHtml,
  type Locale,
  type ReportCell,
  type ReportColumnType,
  type ReportLanguage,
  type ReportTable,
} from '@voronka/domain';
import { printChartStyle, renderPrintChart } from './report-print-chart';

export interface PrintHeading {
  title: string;
  from: string;
  to: string;
  /** The filters applied, as label and value in words ("Менеджер", "Мария Иванова"). */
  filters: [string, string][];
  /** When it was printed, already written in the reader's zone. */
  printedAt: string;
}

export const intlLocale = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** A calendar day or month (YYYY-MM-DD, YYYY-MM) as the language writes it; the same day in every zone. */
function calendar(value: string, locale: Locale, month: boolean): string {
  const [year, monthNumber, day] = value.split('-').map(Number) as [number, number, number?];
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    ...(month ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' }),
  }).format(new Date(Date.UTC(year, monthNumber - 1, day ?? 1)));
}

/** One cell as a reader of the language reads it: money in roubles, shares in per cent, days as dates. */
export function printCell(value: ReportCell, type: ReportColumnType, locale: Locale): string {
  if (value === null) return '—';
  const number = (options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(intlLocale(locale), options).format(Number(value));
  // Text stays as written; days and months come as strings and are written as dates below.
  if (typeof value === 'string' && type !== 'date' && type !== 'month') return value;
  switch (type) {
    case 'date':
      return calendar(String(value), locale, false);
    case 'month':
      return calendar(String(value), locale, true);
    case 'integer':
      return number({ maximumFractionDigits: 0 });
    case 'money':
      return number({
        style: 'currency',
        currency: 'RUB',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      });
    case 'percent':
      return number({ style: 'percent', maximumFractionDigits: 1 });
    case 'number':
      return number({ maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}

/**
 * The report as one printable HTML page: its title, period and filters over its chart and the table with its totals,
 * in the reader's language (`table` already in it), wide tables on landscape A4.
 */
export function renderReportPrint(
  table: ReportTable,
  heading: PrintHeading,
  language: ReportLanguage,
  locale: Locale,
): string {
  const columns = table.columns.filter((column) => column.type !== 'id');
  const numeric = (type: ReportColumnType) => type !== 'text' && type !== 'date' && type !== 'month';
  const cell = (value: ReportCell, type: ReportColumnType, tag: 'td' | 'th' = 'td') =>
    `<${tag}${numeric(type) ? ' class="n"' : ''}>${escapeHtml(printCell(value, type, locale))}</${tag}>`;
  const head = columns
    .map((column) => `<th${numeric(column.type) ? ' class="n"' : ''}>${escapeHtml(column.label)}</th>`)
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${columns.map((column) => cell(row.cells[column.key] ?? null, column.type)).join('')}</tr>`,
    )
    .join('\n');
  const totals = columns
    .map((column, index) =>
      index === 0
        ? `<th>${escapeHtml(language.total)}</th>`
        : // A name has no total: its cell stays empty rather than saying "none".
          column.type === 'text'
          ? '<th></th>'
          : cell(table.totals[column.key] ?? null, column.type, 'th'),
    )
    .join('');
  const period = `${calendar(heading.from, locale, false)} – ${calendar(heading.to, locale, false)}`;
  const facts = [[language.print.period, period], ...heading.filters]
    .map(([label, value]) => `<span><b>${escapeHtml(label ?? '')}:</b> ${escapeHtml(value ?? '')}</span>`)
    .join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(heading.title)}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font: 11px/1.4 system-ui, sans-serif; color: #111; margin: 16px; }
  h1 { font-size: 18px; margin: 0 0 6px; }
  .facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 12px; }
  .printed { color: #666; margin-top: 10px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
  thead th { background: #eee; }
  tfoot th { background: #f5f5f5; }
  .n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  @media screen { body { max-width: 1200px; } }
${printChartStyle}</style>
</head>
<body>
<h1>${escapeHtml(heading.title)}</h1>
<div class="facts">${facts}</div>
${renderPrintChart(table, (value, type) => printCell(value, type, locale))}
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr>${totals}</tr></tfoot>
</table>
<div class="printed">${escapeHtml(language.print.printed)}: ${escapeHtml(heading.printedAt)}</div>
</body>
</html>`;
}
