import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTeam, signIn, startTestApp, type TestApp } from '../../../test/test-app';

/**
 * Cash flow's opening balance adds the month totals kept by triggers (migration 0030) to the entries of
 * the period's first month before its first day. These tests move, change and delete entries and read
 * the balance the way an accountant would compute it by hand; the kept totals must also equal a plain
 * sum over the entries after every change.
 */
let t: TestApp;
let owner: Client;
let workspaceId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const team = await createTeam(t, 'finance-totals');
  workspaceId = team.workspaceId;
  owner = await signIn(t.app, team.users.owner.email);
  // By hand (actual unless noted):
  //   2025-01-10  income  10,000  «Окна»
  //   2025-01-20  expense  4,000
  //   2025-02-05  income   7,000  «Двери»
  //   2025-02-10  income   1,000  planned
  //   2025-02-18  expense  2,500
  const entries = {
    januaryIncome: ['income', 'actual', 10_000, '2025-01-10', 'Окна'],
    januaryExpense: ['expense', 'actual', 4_000, '2025-01-20', null],
    februaryIncome: ['income', 'actual', 7_000, '2025-02-05', 'Двери'],
    februaryPlanned: ['income', 'planned', 1_000, '2025-02-10', null],
    februaryExpense: ['expense', 'actual', 2_500, '2025-02-18', null],
  } as const;
  for (const [name, [kind, status, amount, occurredOn, lineOfBusiness]] of Object.entries(entries)) {
    const response = await owner.request('POST', '/api/finance-entries', {
      kind,
      status,
      amount,
      occurredOn,
      category: 'Проба',
      lineOfBusiness,
    });
    expect(response.statusCode, response.body).toBe(200);
    ids[name] = response.json().id;
  }
});

async function opening(query: string): Promise<number> {
  const response = await owner.request('GET', `/api/finance/cash-flow?from=2025-02-15&to=2025-02-28${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().openingBalance;
}

/** The kept totals, and the same sums computed from the entries now; the two must agree. */
async function keptAndComputed() {
  const db = t.database.db;
  const kept = await sql<{ key: string; amount: string }>`
    select concat_ws('|', month, status, kind, line_of_business) as key, amount::text as amount
    from finance_month_totals where workspace_id = ${workspaceId} and amount <> 0 order by 1`.execute(db);
  const computed = await sql<{ key: string; amount: string }>`
    select concat_ws('|', date_trunc('month', occurred_on::timestamp)::date, status, kind, line_of_business) as key,
      sum(amount)::text as amount
    from finance_entries where workspace_id = ${workspaceId} group by 1 order by 1`.execute(db);
  return { kept: kept.rows, computed: computed.rows };
}

describe('cash flow opening balance from kept month totals', () => {
  it('adds the first month’s entries before the first day to the months before it', async () => {
    // Actual: 10,000 − 4,000 + 7,000 (5 February, before the 15th) = 13,000; the expense of the 18th is in the period.
    expect(await opening('')).toBe(13_000);
    expect(await opening('&status=all')).toBe(14_000);
    expect(await opening('&status=planned')).toBe(1_000);
    expect(await opening(`&lineOfBusiness=${encodeURIComponent('Окна')}`)).toBe(10_000);
    const period = (
      await owner.request('GET', '/api/finance/cash-flow?from=2025-02-15&to=2025-02-28')
    ).json();
    expect(period.months).toEqual([
      { month: '2025-02', income: 0, expense: 2_500, net: -2_500, balance: 10_500 },
    ]);
    const { kept, computed } = await keptAndComputed();
    expect(kept).toEqual(computed);
  });

  it('follows entries that move month, change status, amount, kind or line, and are deleted', async () => {
    const patch = async (name: string, body: object) => {
      const response = await owner.request('PATCH', `/api/finance-entries/${ids[name]}`, body);
      expect(response.statusCode, response.body).toBe(200);
    };
    // January's income moves into March: actual −4,000 + 7,000 = 3,000.
    await patch('januaryIncome', { occurredOn: '2025-03-01' });
    expect(await opening('')).toBe(3_000);
    expect(await opening(`&lineOfBusiness=${encodeURIComponent('Окна')}`)).toBe(0);
    // January's expense becomes 5,000 and planned: actual 7,000; all 7,000 − 5,000 + 1,000 = 3,000.
    await patch('januaryExpense', { amount: 5_000, status: 'planned' });
    expect(await opening('')).toBe(7_000);
    expect(await opening('&status=all')).toBe(3_000);
    // The expense of the 18th moves to 31 January under «Окна»: actual 7,000 − 2,500 = 4,500.
    await patch('februaryExpense', { occurredOn: '2025-01-31', lineOfBusiness: 'Окна' });
    expect(await opening('')).toBe(4_500);
    expect(await opening(`&lineOfBusiness=${encodeURIComponent('Окна')}`)).toBe(-2_500);
    // The income of 5 February is booked as an expense after all: actual −7,000 − 2,500 = −9,500.
    await patch('februaryIncome', { kind: 'expense' });
    expect(await opening('')).toBe(-9_500);
    // Deleted, it counts no more: −2,500.
    expect((await owner.request('DELETE', `/api/finance-entries/${ids.februaryIncome}`)).statusCode).toBe(
      200,
    );
    expect(await opening('')).toBe(-2_500);
    expect(await opening('&status=all')).toBe(-6_500);
    const { kept, computed } = await keptAndComputed();
    expect(kept).toEqual(computed);
  });
});
