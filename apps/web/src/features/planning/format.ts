import { i18n } from '../../app/i18n';

const locale = () => (i18n.language === 'ru' ? 'ru-RU' : 'en-US');

/** A count grouped by thousands in the UI language. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);
}

/**
 * A share as percent in the UI language.
 *
 * @example formatShare(0.125) // "12.5%" in English, "12,5 %" in Russian
 */
export function formatShare(value: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 2 }).format(value);
}

const known = ['call', 'meeting', 'email', 'sales', 'revenue'] as const;

/**
 * An indicator's name in the UI language: activity kinds, sales and revenue are translated, a pipeline
 * stage keeps its own name.
 */
export function indicatorName(id: string, name: string): string {
  const key = known.find((candidate) => candidate === id);
  return key ? i18n.t(`planning.indicators.${key}`) : name;
}
