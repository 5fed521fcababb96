import { reportLanguages, reportNames } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, startTestApp, type TestApp } from '../../../test/test-app';
import { demoPassword, seedDemo } from '../../db/seed';
import { addDays, today } from './report-scope';

// Every report, drill and export answers on the demo workspace (seed 004's department, its last month).

let t: TestApp;
let owner: Client;
let hunter: Client;
const to = today('Europe/Moscow');
const period = `from=${addDays(to, -40)}&to=${to}`;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.database.db);
  owner = await signIn(t.app, 'owner@demo.voronka.dev', demoPassword);
  hunter = await signIn(t.app, 'hunter@demo.voronka.dev', demoPassword);
});

describe('the demo workspace', () => {
  it.each(reportNames)(
    '%s: the table, a drill into every drillable total, and both exports',
    async (name) => {
      const response = await owner.request('GET', `/api/reports/${name}?${period}`);
      expect(response.statusCode, response.body).toBe(200);
      const table = response.json();
      expect(table.rows.length).toBeGreaterThan(0);
      for (const column of table.columns.filter((candidate: { drill: boolean }) => candidate.drill)) {
        const drill = await owner.request('GET', `/api/reports/${name}/drill?${period}&column=${column.key}`);
        expect(drill.statusCode, `${column.key}: ${drill.body}`).toBe(200);
      }
      for (const format of ['xlsx', 'csv']) {
        const file = await owner.request('GET', `/api/reports/${name}/export?${period}&format=${format}`);
        expect(file.statusCode).toBe(200);
      }
    },
  );

  it('has something behind every total of every report: no column of zeros on first start', async () => {
    const empty: string[] = [];
    for (const name of reportNames) {
      const table = (await owner.request('GET', `/api/reports/${name}?${period}`)).json();
      for (const [key, total] of Object.entries(table.totals as Record<string, unknown>)) {
        if (total === 0) empty.push(`${name}.${key}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('sends only columns the web app and the exports can name in English', async () => {
    const unnamed: string[] = [];
    for (const name of reportNames) {
      const table = (await owner.request('GET', `/api/reports/${name}?${period}`)).json();
      for (const { key } of table.columns as { key: string }[]) {
        const labels = reportLanguages.en.columns;
        if (!labels[`${name}/${key}`] && !labels[key]) unnamed.push(`${name}:${key}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('has a plan, a motivation scheme and money: pay, plan against fact, cash flow, debts', async () => {
    const plans = (await owner.request('GET', '/api/plans')).json().items;
    expect(plans).toHaveLength(1);
    expect(plans[0].decomposition).toMatchObject({ revenue: 800_000, sales: 20 });
    const fact = await owner.request('GET', `/api/plans/${plans[0].id}/fact`);
    expect(fact.statusCode, fact.body).toBe(200);
    const pay = await hunter.request('GET', `/api/motivation/pay?${period}`);
    expect(pay.statusCode, pay.body).toBe(200);
    expect(pay.json().items).toHaveLength(1);
    const flow = (await owner.request('GET', `/api/finance/cash-flow?${period}`)).json();
    expect(flow.months.some((month: { expense: number }) => month.expense > 0)).toBe(true);
    // The last complete month's fixed costs leave the purchases out; the margin is measured on the
    // sales of the demo's history and the purchases booked against them (about half the price).
    const lastDay = addDays(`${to.slice(0, 8)}01`, -1);
    const lastMonth = `from=${lastDay.slice(0, 8)}01&to=${lastDay}`;
    const costs = (await owner.request('GET', `/api/finance/break-even?marginRate=0.5&${lastMonth}`)).json();
    expect(costs.fixedCosts).toBe(400_000);
    const margin = (await owner.request('GET', `/api/finance/break-even?fixedCosts=400000&${period}`)).json();
    expect(margin.marginMeasuredOn.deals).toBeGreaterThan(0);
    expect(margin.marginRate).toBeGreaterThan(0.45);
    expect(margin.marginRate).toBeLessThan(0.55);
    const debts = (await owner.request('GET', '/api/finance/debts')).json();
    expect(debts.total).toBe(155_000);
    const breakEven = (
      await owner.request('GET', '/api/finance/break-even?fixedCosts=400000&marginRate=0.5')
    ).json();
    expect(breakEven.revenue).toBe(800_000);
  });
});
