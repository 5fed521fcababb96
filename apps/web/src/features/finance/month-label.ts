import { i18n } from '../../app/i18n';

/**
 * A YYYY-MM month as people read it in the UI language.
 *
 * @example monthLabel('2026-11') // "Nov 2026" in English, "нояб. 2026 г." in Russian
 */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}
