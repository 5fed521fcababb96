import { describe, expect, it } from 'vitest';
import { barLabels, chartMeasure } from './report-chart';
import type { ReportTable } from './reports';

const columns: ReportTable['columns'] = [
  { key: 'pipeline', label: 'Воронка', type: 'text', drill: false },
  { key: 'stageId', label: 'Этап (id)', type: 'id', drill: false },
  { key: 'stage', label: 'Этап', type: 'text', drill: false },
  { key: 'manager', label: 'Менеджер', type: 'text', drill: false },
  { key: 'deals', label: 'Сделок', type: 'integer', drill: true },
];
const row = (key: string, pipeline: string, stage: string, manager: string) => ({
  key,
  cells: { pipeline, stageId: key, stage, manager, deals: 1 },
});

describe('bar labels', () => {
  it('leave out a column that is the same in every row', () => {
    const table: ReportTable = {
      report: 'deal-stages',
      columns,
      rows: [row('a', 'Продажи', 'Квалификация', 'Петров'), row('b', 'Продажи', 'Оплата', 'Иванова')],
      totals: {},
    };
    expect(barLabels(table, String)).toEqual(['Квалификация · Петров', 'Оплата · Иванова']);
  });

  it('keep every column that tells rows apart, and name a single row by its first text', () => {
    const two: ReportTable = {
      report: 'deal-stages',
      columns,
      rows: [row('a', 'Продажи', 'Оплата', 'Петров'), row('b', 'Сервис', 'Оплата', 'Петров')],
      totals: {},
    };
    expect(barLabels(two, String)).toEqual(['Продажи', 'Сервис']);
    expect(barLabels({ ...two, rows: [two.rows[0]!] }, String)).toEqual(['Продажи']);
  });
});

describe('the chart measure', () => {
  it('is the first numeric column, unless it is all zeros', () => {
    const table: ReportTable = {
      report: 'deal-stages',
      columns: [...columns, { key: 'amount', label: 'Сумма', type: 'money', drill: true }],
      rows: [{ key: 'a', cells: { pipeline: 'Продажи', stage: 'КП', deals: 0, amount: 10 } }],
      totals: {},
    };
    expect(chartMeasure(table)?.key).toBe('amount');
    table.rows[0]!.cells.deals = 2;
    expect(chartMeasure(table)?.key).toBe('deals');
    expect(chartMeasure({ ...table, rows: [] })?.key).toBe('deals');
    expect(chartMeasure({ ...table, columns: columns.slice(0, 4) })).toBeUndefined();
  });
});
