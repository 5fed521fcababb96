import { i18n } from '../../app/i18n';

/**
 * An axis number, short, in the UI language.
 *
 * @example compactNumber(180000) // "180 тыс." in Russian, "180K" in English
 */
export function compactNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-US', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}
