import { i18n } from '../app/i18n';
import { nameSource } from './sources';

/** A date and time in the UI language, e.g. "12 Mar 2025, 14:05"; `null` becomes an em dash. */
export function formatDateTime(value: string | null): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

export function formatDate(value: string | null): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(value));
}

/**
 * A calendar date without a time ("2026-12-31", such as a deal's expected close date), shown as that
 * same day in every time zone.
 */
export function formatCalendarDate(value: string | null): string {
  if (!value) return '—';
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return value;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/**
 * A YYYY-MM month as people read it in the UI language.
 *
 * @example formatMonth('2026-11') // "Nov 2026" in English, "нояб. 2026 г." in Russian
 */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

/**
 * Money in the UI language, kopecks only when there are any.
 *
 * @example formatMoney(40000) // "40 000 ₽" in Russian, "₽40,000" in English
 */
export function formatMoney(amount: number, currency = 'RUB'): string {
  const fraction = Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-US', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    }).format(amount);
  } catch {
    // An unknown currency code: the number and the code as they are.
    return `${amount} ${currency}`;
  }
}

/**
 * A file's size in the UI language: bytes, kilobytes or megabytes.
 *
 * @example formatFileSize(2_500_000) // "2.4 MB" in English, "2,4 МБ" in Russian
 */
export function formatFileSize(bytes: number): string {
  const [unit, value] =
    bytes < 1024
      ? (['byte', bytes] as const)
      : bytes < 1024 * 1024
        ? (['kilobyte', bytes / 1024] as const)
        : (['megabyte', bytes / 1024 / 1024] as const);
  return new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-US', {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}

/** The browser's IANA time zone, which decides what "today" means for tasks. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A lead's or deal's source in the UI language (see `nameSource`). */
export function sourceLabel(source: string): string {
  return nameSource(i18n.t, source);
}
