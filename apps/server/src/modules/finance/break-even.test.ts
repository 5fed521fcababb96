import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTeam, signIn, startTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let owner: Client;

beforeAll(async () => {
  t = await startTestApp();
  const team = await createTeam(t, 'break-even');
  owner = await signIn(t.app, team.users.owner.email);
  const dealId = (
    await owner.request('POST', '/api/deals', { title: 'Поставка окон', amount: 300_000 })
  ).json().id;
  // June and July 2025, actual, by hand: payroll 200,000 and rent 40,000 each month; in July the
  // windows for the deal bought for 180,000 and booked against it, and its payment of 300,000.
  const entries: Entry[] = [
    ['expense', 200_000, '2025-06-25', 'ФОТ', null],
    ['expense', 40_000, '2025-06-05', 'Аренда', null],
    ['expense', 200_000, '2025-07-25', 'ФОТ', null],
    ['expense', 40_000, '2025-07-05', 'Аренда', null],
    ['expense', 180_000, '2025-07-10', 'Закупка товара', dealId],
    ['income', 300_000, '2025-07-20', 'Оплата по договору', dealId],
  ];
  await book(entries);
});

type Entry = [kind: string, amount: number, occurredOn: string, category: string, dealId: string | null];

async function book(entries: Entry[], status = 'actual') {
  for (const [kind, amount, occurredOn, category, dealId] of entries) {
    const response = await owner.request('POST', '/api/finance-entries', {
      kind,
      amount,
      occurredOn,
      category,
      dealId,
      status,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
}

async function deal(title: string, amount: number): Promise<string> {
  return (await owner.request('POST', '/api/deals', { title, amount })).json().id;
}

describe('break-even from measured expenses', () => {
  it('takes the fixed costs without the purchases booked against deals', async () => {
    const response = await owner.request(
      'GET',
      '/api/finance/break-even?marginRate=0.4&from=2025-06-01&to=2025-07-31',
    );
    expect(response.statusCode, response.body).toBe(200);
    // (240,000 + 240,000) ÷ 2 = 240,000 a month; the 180,000 purchase is the sale's own cost, which
    // the 40 % margin already leaves room for. 240,000 ÷ 0.4 = 600,000.
    expect(response.json()).toEqual({
      fixedCosts: 240_000,
      fixedCostsMeasured: true,
      marginRate: 0.4,
      marginMeasuredOn: null,
      revenue: 600_000,
    });
    // Cash flow still counts the purchase: July 300,000 in, 420,000 out.
    const flow = (await owner.request('GET', '/api/finance/cash-flow?from=2025-07-01&to=2025-07-31')).json();
    expect(flow.months).toEqual([
      { month: '2025-07', income: 300_000, expense: 420_000, net: -120_000, balance: -360_000 },
    ]);
  });
});

describe('break-even with the margin measured', () => {
  it('takes the sales paid in the period with the purchases booked against them', async () => {
    const [b, c, d, e] = [
      await deal('Двери для офиса', 200_000),
      await deal('Монтаж без закупки', 100_000),
      await deal('Окна, оплата в ноябре', 90_000),
      await deal('Фасад в убыток', 50_000),
    ];
    // September–October 2025 by hand: payroll 100,000 a month. B is paid in October, its doors bought
    // in August (before the period: still its cost); C is paid with no purchase booked (its cost is
    // unknown: left out); D's purchase is in October but it is paid in November (not a sale of the
    // period); B's planned extra 30,000 is not spent yet. December: E paid 50,000 for 80,000 of goods.
    await book([
      ['expense', 100_000, '2025-09-25', 'ФОТ', null],
      ['expense', 100_000, '2025-10-25', 'ФОТ', null],
      ['expense', 150_000, '2025-08-28', 'Закупка товара', b],
      ['income', 200_000, '2025-10-15', 'Оплата по договору', b],
      ['income', 100_000, '2025-10-20', 'Оплата по договору', c],
      ['expense', 50_000, '2025-10-05', 'Закупка товара', d],
      ['income', 90_000, '2025-11-03', 'Оплата по договору', d],
      ['expense', 80_000, '2025-12-01', 'Закупка товара', e],
      ['income', 50_000, '2025-12-10', 'Оплата по договору', e],
    ]);
    await book([['expense', 30_000, '2025-10-30', 'Доставка', b]], 'planned');

    const measured = await owner.request('GET', '/api/finance/break-even?from=2025-09-01&to=2025-10-31');
    expect(measured.statusCode, measured.body).toBe(200);
    // Margin (200,000 − 150,000) ÷ 200,000 = 25 %; fixed (100,000 + 100,000) ÷ 2 = 100,000 a month;
    // break-even 100,000 ÷ 0.25 = 400,000.
    expect(measured.json()).toEqual({
      fixedCosts: 100_000,
      fixedCostsMeasured: true,
      marginRate: 0.25,
      marginMeasuredOn: { deals: 1, income: 200_000, costs: 150_000 },
      revenue: 400_000,
    });

    // Typed costs with the margin still measured over the period.
    const typedCosts = await owner.request(
      'GET',
      '/api/finance/break-even?fixedCosts=50000&from=2025-09-01&to=2025-10-31',
    );
    expect(typedCosts.json()).toMatchObject({ fixedCosts: 50_000, marginRate: 0.25, revenue: 200_000 });
  });

  it('has no margin to show without sales with purchases, or when the purchases ate the sale', async () => {
    // June 2025 holds only payroll and rent.
    const june = (await owner.request('GET', '/api/finance/break-even?from=2025-06-01&to=2025-06-30')).json();
    expect(june).toEqual({
      fixedCosts: 240_000,
      fixedCostsMeasured: true,
      marginRate: null,
      marginMeasuredOn: { deals: 0, income: 0, costs: 0 },
      revenue: null,
    });
    // December: (50,000 − 80,000) ÷ 50,000 = −60 %, nothing left to cover costs with.
    const december = (
      await owner.request('GET', '/api/finance/break-even?fixedCosts=10000&from=2025-12-01&to=2025-12-31')
    ).json();
    expect(december).toMatchObject({ marginRate: -0.6, revenue: null });
  });

  it('asks for a period when the margin is not typed', async () => {
    const refused = await owner.request('GET', '/api/finance/break-even?fixedCosts=100000');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('querystring.marginRate');
    expect(refused.json().error.details[0].message).toMatch(/margin rate/);
  });
});
