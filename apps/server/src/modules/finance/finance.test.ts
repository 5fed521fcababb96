import type { FinanceEntry } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

let t: TestApp;
let team: Team;
let other: Team;
let owner: Client;
let manager: Client;
let dealId: string;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'finance');
  other = await createTeam(t, 'finance-other');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  dealId = (await owner.request('POST', '/api/deals', { title: 'Окна для школы', amount: 120_000 })).json()
    .id;
  // January to April 2025, by hand:
  //            income (actual)          expense (actual)                  planned
  //   before   50,000 (December)        20,000 (December)
  //   Jan      100,000 windows          60,000 payroll
  //   Feb      80,000 doors             60,000 payroll, 30,000 rent
  //   Mar      120,000 windows (deal)   60,000 payroll                    expense 45,000 «Профиль» (03-20), income 10,000
  //   Apr                                                                 expense 25,000 «Профиль» (04-15), 15,000 «Стекло» (03-01)
  const entries: [string, string, number, string, string, string | null, string | null][] = [
    ['income', 'actual', 50_000, '2024-12-10', 'Продажи', 'Окна', null],
    ['expense', 'actual', 20_000, '2024-12-20', 'ФОТ', null, null],
    ['income', 'actual', 100_000, '2025-01-15', 'Продажи', 'Окна', null],
    ['expense', 'actual', 60_000, '2025-01-25', 'ФОТ', null, null],
    ['income', 'actual', 80_000, '2025-02-15', 'Продажи', 'Двери', null],
    ['expense', 'actual', 60_000, '2025-02-25', 'ФОТ', null, null],
    ['expense', 'actual', 30_000, '2025-02-05', 'Аренда', null, 'Бизнес-центр'],
    ['income', 'actual', 120_000, '2025-03-15', 'Продажи', 'Окна', null],
    ['expense', 'actual', 60_000, '2025-03-25', 'ФОТ', null, null],
    ['expense', 'planned', 45_000, '2025-03-20', 'Закупка', 'Окна', 'Профиль'],
    ['income', 'planned', 10_000, '2025-03-28', 'Продажи', 'Двери', null],
    ['expense', 'planned', 25_000, '2025-04-15', 'Закупка', 'Окна', 'Профиль'],
    ['expense', 'planned', 15_000, '2025-03-01', 'Закупка', 'Окна', 'Стекло'],
  ];
  for (const [kind, status, amount, occurredOn, category, lineOfBusiness, counterparty] of entries) {
    const response = await owner.request('POST', '/api/finance-entries', {
      kind,
      status,
      amount,
      occurredOn,
      category,
      lineOfBusiness,
      counterparty,
      dealId: occurredOn === '2025-03-15' ? dealId : null,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
});

describe('finance entries', () => {
  it('are booked, listed, changed and deleted by those who see finance', async () => {
    const march = (
      await owner.request('GET', '/api/finance-entries?from=2025-03-01&to=2025-03-31&status=actual')
    ).json().items as FinanceEntry[];
    expect(march.map((entry) => [entry.occurredOn, entry.kind, entry.amount, entry.dealId])).toEqual([
      ['2025-03-25', 'expense', 60_000, null],
      ['2025-03-15', 'income', 120_000, dealId],
    ]);
    const purchases = (
      await owner.request('GET', `/api/finance-entries?category=${encodeURIComponent('Закупка')}&limit=10`)
    ).json().items as FinanceEntry[];
    expect(purchases.map((entry) => [entry.occurredOn, entry.amount])).toEqual([
      ['2025-04-15', 25_000],
      ['2025-03-20', 45_000],
      ['2025-03-01', 15_000],
    ]);
    const entry = march[0]!;
    const changed = await owner.request('PATCH', `/api/finance-entries/${entry.id}`, {
      comment: 'Зарплата за март',
    });
    expect(changed.json()).toMatchObject({ comment: 'Зарплата за март', amount: 60_000 });
    const temporary = (
      await owner.request('POST', '/api/finance-entries', {
        kind: 'income',
        amount: 1,
        occurredOn: '2025-03-01',
        category: 'Проба',
      })
    ).json();
    expect(temporary.status).toBe('actual');
    expect((await owner.request('DELETE', `/api/finance-entries/${temporary.id}`)).statusCode).toBe(200);
    expect((await owner.request('GET', `/api/finance-entries/${temporary.id}`)).statusCode).toBe(404);
  });

  it('are not for a manager, and never link another workspace’s deal', async () => {
    expect((await manager.request('GET', '/api/finance-entries')).statusCode).toBe(403);
    expect(
      (await manager.request('GET', '/api/finance/cash-flow?from=2025-01-01&to=2025-03-31')).statusCode,
    ).toBe(403);
    const foreignDeal = (
      await (await signIn(t.app, other.users.owner.email)).request('POST', '/api/deals', { title: 'Чужая' })
    ).json().id;
    const response = await owner.request('POST', '/api/finance-entries', {
      kind: 'income',
      amount: 10,
      occurredOn: '2025-03-01',
      category: 'Продажи',
      dealId: foreignDeal,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.dealId' })]);
  });
});

describe('cash flow, debts, what-if and break-even', () => {
  it('cash flow by month with the balance carried from before the period', async () => {
    const flow = (await owner.request('GET', '/api/finance/cash-flow?from=2025-01-01&to=2025-03-31')).json();
    expect(flow.openingBalance).toBe(30_000);
    expect(flow.months).toEqual([
      { month: '2025-01', income: 100_000, expense: 60_000, net: 40_000, balance: 70_000 },
      { month: '2025-02', income: 80_000, expense: 90_000, net: -10_000, balance: 60_000 },
      { month: '2025-03', income: 120_000, expense: 60_000, net: 60_000, balance: 120_000 },
    ]);
    expect(flow.byLineOfBusiness).toEqual([
      { lineOfBusiness: 'Двери', income: 80_000, expense: 0, net: 80_000 },
      { lineOfBusiness: 'Окна', income: 220_000, expense: 0, net: 220_000 },
      { lineOfBusiness: null, income: 0, expense: 210_000, net: -210_000 },
    ]);
    expect(flow.byCategory).toEqual([
      { kind: 'income', category: 'Продажи', amount: 300_000 },
      { kind: 'expense', category: 'ФОТ', amount: 180_000 },
      { kind: 'expense', category: 'Аренда', amount: 30_000 },
    ]);
    const windows = (
      await owner.request(
        'GET',
        '/api/finance/cash-flow?from=2025-03-01&to=2025-04-30&status=planned&lineOfBusiness=Окна',
      )
    ).json();
    expect(windows.months.map((month: { expense: number }) => month.expense)).toEqual([60_000, 25_000]);
  });

  it('debts to creditors: planned expenses per counterparty, overdue by the date', async () => {
    const debts = (await owner.request('GET', '/api/finance/debts?asOf=2025-03-21')).json();
    expect(debts).toEqual({
      asOf: '2025-03-21',
      total: 85_000,
      overdue: 60_000,
      items: [
        { counterparty: 'Профиль', amount: 70_000, overdue: 45_000, entries: 2, nextDue: '2025-04-15' },
        { counterparty: 'Стекло', amount: 15_000, overdue: 15_000, entries: 1, nextDue: null },
      ],
    });
  });

  it('what-if: booked months unless typed, from the actual balance before them', async () => {
    const response = await owner.request('POST', '/api/finance/what-if', {
      months: [{ month: '2025-04', income: 200_000, expense: 150_000 }, { month: '2025-03' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    // Before March, actual: 30,000 + 40,000 − 10,000 = 60,000. March booked: 120,000 + 10,000 in,
    // 60,000 + 45,000 + 15,000 out.
    expect(response.json()).toEqual({
      openingBalance: 60_000,
      months: [
        {
          month: '2025-03',
          income: 130_000,
          expense: 120_000,
          net: 10_000,
          balance: 70_000,
          typed: { income: false, expense: false },
        },
        {
          month: '2025-04',
          income: 200_000,
          expense: 150_000,
          net: 50_000,
          balance: 120_000,
          typed: { income: true, expense: true },
        },
      ],
    });
    const duplicate = await owner.request('POST', '/api/finance/what-if', {
      months: [{ month: '2025-03' }, { month: '2025-03' }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details[0].path).toBe('body.months.1.month');
  });

  it('break-even from typed costs or the average month of expenses', async () => {
    const measured = (
      await owner.request('GET', '/api/finance/break-even?marginRate=0.4&from=2025-01-01&to=2025-03-31')
    ).json();
    // (60,000 + 90,000 + 60,000) ÷ 3 = 70,000 a month; ÷ 0.4 = 175,000.
    expect(measured).toEqual({
      fixedCosts: 70_000,
      fixedCostsMeasured: true,
      marginRate: 0.4,
      marginMeasuredOn: null,
      revenue: 175_000,
    });
    const refused = await owner.request('GET', '/api/finance/break-even?marginRate=0.4');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('querystring.fixedCosts');
    const zero = await owner.request('GET', '/api/finance/break-even?marginRate=0&fixedCosts=1');
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details[0].path).toBe('querystring.marginRate');
  });
});
