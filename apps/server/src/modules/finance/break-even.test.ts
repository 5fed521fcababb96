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
  const entries: [string, number, string, string, string | null][] = [
    ['expense', 200_000, '2025-06-25', 'ФОТ', null],
    ['expense', 40_000, '2025-06-05', 'Аренда', null],
    ['expense', 200_000, '2025-07-25', 'ФОТ', null],
    ['expense', 40_000, '2025-07-05', 'Аренда', null],
    ['expense', 180_000, '2025-07-10', 'Закупка товара', dealId],
    ['income', 300_000, '2025-07-20', 'Оплата по договору', dealId],
  ];
  for (const [kind, amount, occurredOn, category, linked] of entries) {
    const response = await owner.request('POST', '/api/finance-entries', {
      kind,
      amount,
      occurredOn,
      category,
      dealId: linked,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
});

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
      revenue: 600_000,
    });
    // Cash flow still counts the purchase: July 300,000 in, 420,000 out.
    const flow = (await owner.request('GET', '/api/finance/cash-flow?from=2025-07-01&to=2025-07-31')).json();
    expect(flow.months).toEqual([
      { month: '2025-07', income: 300_000, expense: 420_000, net: -120_000, balance: -360_000 },
    ]);
  });
});
