import type { ReportTable } from '@voronka/domain';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { type ReportFixture, seedReportFixture } from './report-fixture';

let t: TestApp;
let team: Team;
let fixture: ReportFixture;
let owner: Client;

const period = 'from=2025-02-01&to=2025-03-31';

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'export');
  fixture = await seedReportFixture(t.database.db, team);
  owner = await signIn(t.app, team.users.owner.email);
});

async function json(name: string, query: string): Promise<ReportTable> {
  return (await owner.request('GET', `/api/reports/${name}?${query}`)).json();
}

async function workbook(url: string) {
  const response = await owner.request('GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { book, response };
}

/** Every row of the first sheet as plain values, the header first. */
function sheetValues(book: ExcelJS.Workbook): unknown[][] {
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('XLSX', () => {
  it('holds the same numbers as the JSON, as numbers, and days and months as dates', async () => {
    const table = await json('activity-monthly', period);
    const { book, response } = await workbook(`/api/reports/activity-monthly/export?${period}&format=xlsx`);
    expect(response.headers['content-disposition']).toContain('activity-monthly_2025-02-01_2025-03-31.xlsx');
    const rows = sheetValues(book);
    expect(rows[0]).toEqual([
      'Месяц',
      'Новые клиенты',
      'Продажи',
      'Выручка',
      'Средний чек',
      'Доходы вне сделок',
      'Расходы',
      'Прибыль',
    ]);
    expect(rows.slice(1, 3)).toEqual(
      table.rows.map((row) => [
        new Date(`${row.cells.month}-01T00:00:00Z`),
        row.cells.newClients,
        row.cells.wonDeals,
        row.cells.revenue,
        row.cells.averageCheck,
        row.cells.otherIncome,
        row.cells.expenses,
        row.cells.profit,
      ]),
    );
    // The fixture's 999 of interest, booked without a deal, is income too.
    expect(rows[3]).toEqual(['Итого', 2, 4, 210_000, 52_500, 999, 155_000, 55_999]);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A2').numFmt).toBe('mm.yyyy');
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00');
    expect(typeof sheet.getCell('D3').value).toBe('number');
  });

  it('writes days as dates, leaves ids out, and shares as percentages', async () => {
    const table = await json('activity-weekly', 'from=2025-03-01&to=2025-03-31');
    const { book } = await workbook(
      '/api/reports/activity-weekly/export?from=2025-03-01&to=2025-03-31&format=xlsx',
    );
    const rows = sheetValues(book);
    expect(rows[0]).toHaveLength(table.columns.length - 1);
    expect(rows[1]![0]).toEqual(new Date('2025-03-03T00:00:00Z'));
    expect(rows[1]![4]).toBe(0.25);
    expect(book.worksheets[0]!.getCell('E2').numFmt).toBe('0.0%');
    expect(rows).toHaveLength(table.rows.length + 2);
  });

  it('exports the records behind a cell, with their times in the report’s zone', async () => {
    const { book } = await workbook(
      `/api/reports/activity-daily/export?from=2025-03-01&to=2025-03-31&format=xlsx&row=2025-03-03~${team.users.managerA.id}&column=calls`,
    );
    const rows = sheetValues(book);
    expect(rows[0]).toEqual(['ID', 'Название', 'Когда', 'Сумма', 'Ответственный']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(fixture.activities.a0303calls);
    // 09:30 Moscow time is written as 09:30, whatever the server's zone.
    expect(rows[1]![2]).toEqual(new Date('2025-03-03T09:30:00Z'));
    expect(rows[1]![4]).toBe('managerA export');
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, `;`-separated with a decimal comma, and holds the JSON’s numbers', async () => {
    const table = await json('activity-monthly', period);
    const response = await owner.request('GET', `/api/reports/activity-monthly/export?${period}&format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      'Месяц;Новые клиенты;Продажи;Выручка;Средний чек;Доходы вне сделок;Расходы;Прибыль',
      '2025-02;1;1;20000;20000;0;15000;5000',
      '2025-03;1;3;190000;63333,33;999;140000;50999',
      'Итого;2;4;210000;52500;999;155000;55999',
    ]);
    const parsed = lines[2]!
      .split(';')
      .slice(1)
      .map((value) => Number(value.replace(',', '.')));
    const row = table.rows[1]!.cells;
    expect(parsed).toEqual([
      row.newClients,
      row.wonDeals,
      row.revenue,
      row.averageCheck,
      row.otherIncome,
      row.expenses,
      row.profit,
    ]);
  });

  it('quotes text with separators and writes shares as percentages', async () => {
    const response = await owner.request(
      'GET',
      '/api/reports/activity-weekly/export?from=2025-03-01&to=2025-03-31&format=csv',
    );
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe('2025-03-03;managerA export;4;1;25%;2;1;50%');
    expect(lines.at(-2)).toBe('Итого;;8;3;37,5%;3;1;33,33%');
  });

  it('refuses bad input before writing anything', async () => {
    const response = await owner.request(
      'GET',
      '/api/reports/activity-monthly/export?from=2025-03-31&to=2025-03-01&format=csv',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('querystring.to');
  });
});

describe('in the UI language', () => {
  const march = 'from=2025-03-01&to=2025-03-31';
  const csvLines = async (url: string) => {
    const response = await owner.request('GET', url);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
  };

  it('names lead statuses in Russian by default, and writes everything in English when asked', async () => {
    expect(await csvLines(`/api/reports/lead-statuses/export?${march}&format=csv`)).toEqual([
      'Статус;Менеджер;Лидов',
      'Новый;managerA export;1',
      'В работе;managerA export;1',
      'Преобразован в сделку;managerB export;1',
      'Отказ;subManager export;1',
      'Итого;;4',
    ]);
    expect(await csvLines(`/api/reports/lead-statuses/export?${march}&format=csv&locale=en`)).toEqual([
      'Status;Manager;Leads',
      'New;managerA export;1',
      'In work;managerA export;1',
      'Converted;managerB export;1',
      'Refused;subManager export;1',
      'Total;;4',
    ]);
  });

  it('writes an English XLSX: headers, the missing source and the totals row; people’s sources as typed', async () => {
    const { book } = await workbook(`/api/reports/lead-sources/export?${march}&format=xlsx&locale=en`);
    expect(sheetValues(book)).toEqual([
      ['Source', 'Leads', 'Converted to deals', 'Conversion to a deal', 'Deals won', 'Revenue'],
      ['site', 2, 0, 0, 0, 0],
      ['exhibition', 1, 1, 1, 1, 100_000],
      ['No source', 1, 0, 0, 0, 0],
      ['Total', 4, 1, 0.25, 1, 100_000],
    ]);
  });

  it('heads the records behind a cell in English', async () => {
    const { book } = await workbook(
      `/api/reports/activity-daily/export?${march}&format=xlsx&locale=en&row=2025-03-03~${team.users.managerA.id}&column=calls`,
    );
    expect(sheetValues(book)[0]).toEqual(['ID', 'Title', 'When', 'Amount', 'Responsible']);
  });

  it('refuses a language it does not speak', async () => {
    const response = await owner.request(
      'GET',
      `/api/reports/lead-statuses/export?${march}&format=csv&locale=de`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('querystring.locale');
  });
});
