import type { ReportTable } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { printChartBars, renderPrintChart } from './report-print-chart';

const columns: ReportTable['columns'] = [
  { key: 'pipeline', label: 'Воронка', type: 'text', drill: false },
  { key: 'stage', label: 'Этап', type: 'text', drill: false },
  { key: 'deals', label: 'Сделок', type: 'integer', drill: true },
  { key: 'profit', label: 'Прибыль', type: 'money', drill: false },
];
const row = (stage: string, deals: number, profit: number) => ({
  key: stage,
  cells: { pipeline: 'Продажи', stage, deals, profit },
});
const written = (value: unknown) => `«${String(value)}»`;

/** Each bar as name, width and value, read back from the HTML. */
function bars(html: string) {
  return [
    ...html.matchAll(
      /<span class="name">([^<]*)<\/span><span class="track"><span class="fill( negative)?" style="width: ([\d.]+)%"><\/span><\/span><span class="n">([^<]*)<\/span>/g,
    ),
  ].map(([, name, negative, width, value]) => ({
    name,
    width: Number(width),
    negative: Boolean(negative),
    value,
  }));
}

describe('the printed report chart', () => {
  it('draws the first measure that is not all zeros, longest bar full width, a loss in red', () => {
    const table: ReportTable = {
      report: 'activity-monthly',
      columns,
      rows: [row('Квалификация', 0, 80_000), row('Оплата', 0, 20_000), row('Отказ', 0, -40_000)],
      totals: {},
    };
    const html = renderPrintChart(table, written);
    expect(html).toContain('<figcaption>Прибыль</figcaption>');
    // The pipeline is the same in every row, so the bars are named by stage; 20,000 of 80,000 is 25 %.
    expect(bars(html)).toEqual([
      { name: '«Квалификация»', width: 100, negative: false, value: '«80000»' },
      { name: '«Оплата»', width: 25, negative: false, value: '«20000»' },
      { name: '«Отказ»', width: 50, negative: true, value: '«-40000»' },
    ]);
  });

  it('escapes names, and leaves a table without numbers, without rows or too long to the table alone', () => {
    const named: ReportTable = {
      report: 'deal-stages',
      columns,
      rows: [row('<b>КП</b>', 3, 0), row('Оплата', 1, 0)],
      totals: {},
    };
    expect(bars(renderPrintChart(named, String)).map((bar) => bar.name)).toEqual([
      '&#60;b&#62;КП&#60;/b&#62;',
      'Оплата',
    ]);
    expect(renderPrintChart({ ...named, rows: [] }, String)).toBe('');
    const long = Array.from({ length: printChartBars + 1 }, (_, i) => row(`Этап ${i}`, i, i));
    expect(renderPrintChart({ ...named, rows: long }, String)).toBe('');
    expect(renderPrintChart({ ...named, rows: long.slice(1) }, String)).not.toBe('');
    const words: ReportTable = { ...named, columns: columns.slice(0, 2) };
    expect(renderPrintChart(words, String)).toBe('');
  });
});
