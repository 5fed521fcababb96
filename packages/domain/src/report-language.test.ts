import { describe, expect, it } from 'vitest';
import { localizeReport, reportLanguages } from './report-language';
import type { ReportTable } from './reports';

const { en, ru } = reportLanguages;

const column = (key: string, label: string, type: 'text' | 'id' | 'integer' | 'percent') => ({
  key,
  label,
  type,
  drill: false,
});

const statuses: ReportTable = {
  report: 'lead-statuses',
  columns: [
    column('status', 'Статус', 'text'),
    column('managerId', 'Менеджер (id)', 'id'),
    column('manager', 'Менеджер', 'text'),
    column('leads', 'Лидов', 'integer'),
  ],
  rows: [
    { key: 'in_work~u1', cells: { status: 'in_work', managerId: 'u1', manager: 'Мария Иванова', leads: 3 } },
    { key: 'new~-', cells: { status: 'new', managerId: null, manager: 'Без ответственного', leads: 1 } },
  ],
  totals: { leads: 4 },
};

describe('a report in the UI language', () => {
  it('reads in English: labels, statuses and the row without a person; people keep their names', () => {
    const table = localizeReport(statuses, en);
    expect(table.columns.map((item) => item.label)).toEqual(['Status', 'Manager (id)', 'Manager', 'Leads']);
    expect(table.rows.map((row) => [row.cells.status, row.cells.manager])).toEqual([
      ['In work', 'Мария Иванова'],
      ['New', 'No one responsible'],
    ]);
    expect(table.totals).toEqual({ leads: 4 });
  });

  it('keeps the server’s Russian labels in Russian and names statuses there too', () => {
    const table = localizeReport(statuses, ru);
    expect(table.columns.map((item) => item.label)).toEqual(['Статус', 'Менеджер (id)', 'Менеджер', 'Лидов']);
    expect(table.rows.map((row) => row.cells.status)).toEqual(['В работе', 'Новый']);
  });

  it('takes a report’s own label before the common one; names groups, the system’s sources and the missing one', () => {
    const funnel = localizeReport(
      {
        report: 'funnel',
        columns: [column('conversion', 'Конверсия в следующий', 'percent')],
        rows: [],
        totals: {},
      },
      en,
    );
    expect(funnel.columns[0]?.label).toBe('Conversion to the next');
    const clients = localizeReport(
      {
        report: 'clients',
        columns: [column('segment', 'Группа', 'text')],
        rows: [{ key: 'sleeping', cells: { segment: 'Спящие' } }],
        totals: {},
      },
      en,
    );
    expect(clients.rows[0]?.cells.segment).toBe('Sleeping');
    const sources = localizeReport(
      {
        report: 'lead-sources',
        columns: [column('source', 'Источник', 'text')],
        rows: [
          { key: '-', cells: { source: 'Источник не указан' } },
          { key: '77656273697465', cells: { source: 'website' } },
          {
            key: 'd092d18bd181d182d0b0d0b2d0bad0b020d0add0bad181d0bfd0bed09fd0b0d0ba',
            cells: { source: 'Выставка ЭкспоПак' },
          },
        ],
        totals: {},
      },
      en,
    );
    expect(sources.rows.map((row) => row.cells.source)).toEqual([
      'No source',
      'Website',
      'Выставка ЭкспоПак',
    ]);
  });
});
