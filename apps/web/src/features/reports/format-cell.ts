import type { ReportCell, ReportColumnType } from '@voronka/domain';
import { i18n } from '../../app/i18n';
import { formatCalendarDate, formatMoney, formatMonth } from '../../ui/format';

function locale(): string {
  return i18n.language === 'ru' ? 'ru-RU' : 'en-US';
}

/**
 * A report cell as people read it in the UI language: counts grouped, roubles, shares as percent,
 * days and months as dates; null as an em dash. A text in a numeric column (the totals row's label) stays as it is.
 *
 * @example formatReportCell(0.375, 'percent') // "37.5%"
 */
export function formatReportCell(value: ReportCell, type: ReportColumnType): string {
  if (value === null) return '—';
  if (typeof value === 'string' && type !== 'date' && type !== 'month') return value;
  switch (type) {
    case 'integer':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value));
    case 'money':
      return formatMoney(Number(value));
    case 'percent':
      return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(
        Number(value),
      );
    case 'number':
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(value));
    case 'date':
      return formatCalendarDate(String(value));
    case 'month':
      return formatMonth(String(value));
    default:
      return String(value);
  }
}

/** A count as a whole number, with "+" when counting stopped there and more stand behind it (10 000+). */
export function formatCount(count: number, more = false): string {
  return `${formatReportCell(count, 'integer')}${more ? '+' : ''}`;
}
