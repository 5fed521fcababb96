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

/** What the dashboard's charts over time share: a legend on top, an axis tooltip, short value labels. */
export function overTime(categories: readonly string[]) {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', axisLabel: { formatter: compactNumber } },
  };
}
