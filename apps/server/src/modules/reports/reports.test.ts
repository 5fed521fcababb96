import type { DrillResult, ReportTable } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { monthlyKeys, type ReportFixture, seedReportFixture } from './report-fixture';

// Every number below is worked out by hand from the fixture (report-fixture.ts lists it).

let t: TestApp;
let team: Team;
let other: Team;
let fixture: ReportFixture;
let owner: Client;
let head: Client;
let managerA: Client;
let names: Record<'head' | 'subHead' | 'A' | 'B' | 'S', string>;

const march = 'from=2025-03-01&to=2025-03-31';

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'reports');
  other = await createTeam(t, 'reports-other');
  fixture = await seedReportFixture(t.database.db, team);
  // The other workspace has the same history: none of it may show up in the first one's numbers.
  await seedReportFixture(t.database.db, other);
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  names = {
    head: 'head reports',
    subHead: 'subHead reports',
    A: 'managerA reports',
    B: 'managerB reports',
    S: 'subManager reports',
  };
});

async function report(client: Client, name: string, query: string): Promise<ReportTable> {
  const response = await client.request('GET', `/api/reports/${name}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function drill(client: Client, name: string, query: string): Promise<DrillResult> {
  const response = await client.request('GET', `/api/reports/${name}/drill?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Rows as [cells…] in column order, ids left out, for compact expectations. */
const table = (result: ReportTable, keys: string[]) =>
  result.rows.map((row) => keys.map((key) => row.cells[key]));

describe('activity: daily, weekly, monthly', () => {
  it('daily: calls, meetings and emails per manager per day, by Moscow days', async () => {
    const result = await report(owner, 'activity-daily', march);
    expect(table(result, ['day', 'manager', 'calls', 'meetings', 'emails'])).toEqual([
      ['2025-03-03', names.A, 3, 0, 2],
      ['2025-03-03', names.B, 2, 0, 0],
      ['2025-03-04', names.A, 1, 1, 0],
      ['2025-03-05', names.B, 0, 1, 0],
      ['2025-03-10', names.S, 1, 0, 0],
      ['2025-03-11', names.S, 0, 1, 0],
      // 23:30 on the 31st counts; 00:30 on April 1st (still March 31st in UTC) does not.
      ['2025-03-31', names.A, 1, 0, 0],
    ]);
    expect(result.totals).toEqual({ calls: 8, meetings: 3, emails: 2 });
    const utc = await report(owner, 'activity-daily', `${march}&timezone=UTC`);
    expect(utc.rows.find((row) => row.cells.day === '2025-03-31')?.cells.calls).toBe(2);
  });

  it('daily drill: the calls behind one cell and behind the total', async () => {
    const cell = `${march}&row=2025-03-03~${team.users.managerA.id}&column=calls`;
    const calls = await drill(owner, 'activity-daily', cell);
    expect(calls.entity).toBe('activity');
    expect(calls.total).toBe(3);
    expect(calls.items.map((item) => item.id).sort()).toEqual([...fixture.activities.a0303calls].sort());
    expect((await drill(owner, 'activity-daily', `${march}&column=calls`)).total).toBe(8);
    expect((await drill(owner, 'activity-daily', `${march}&column=emails`)).total).toBe(2);
  });

  it('weekly: calls → meetings and proposals → negotiation per manager per week', async () => {
    const result = await report(owner, 'activity-weekly', march);
    expect(
      table(result, [
        'week',
        'manager',
        'calls',
        'meetings',
        'callsToMeetings',
        'proposals',
        'negotiations',
        'proposalsToNegotiations',
      ]),
    ).toEqual([
      ['2025-03-03', names.A, 4, 1, 0.25, 2, 1, 0.5],
      ['2025-03-03', names.B, 2, 1, 0.5, 0, 0, null],
      ['2025-03-10', names.S, 1, 1, 1, 1, 0, 0],
      ['2025-03-31', names.A, 1, 0, 0, 0, 0, null],
    ]);
    expect(result.totals).toEqual({
      calls: 8,
      meetings: 3,
      callsToMeetings: 0.375,
      proposals: 3,
      negotiations: 1,
      proposalsToNegotiations: 0.3333,
    });
    const proposals = await drill(
      owner,
      'activity-weekly',
      `${march}&row=2025-03-03~${team.users.managerA.id}&column=proposals`,
    );
    expect(proposals.items.map((item) => item.id).sort()).toEqual(
      [fixture.deals.D1, fixture.deals.D2].sort(),
    );
  });

  it('monthly: new clients, sales, revenue, average check, other income, expenses and profit', async () => {
    const result = await report(owner, 'activity-monthly', 'from=2025-02-01&to=2025-03-31');
    expect(table(result, monthlyKeys)).toEqual([
      // February: D6 (C2's first purchase); rent 15 000.
      ['2025-02', 1, 1, 20_000, 20_000, 0, 15_000, 5_000],
      // March: D1 (C1's first), D4 (C3 bought in December), D5 (no company); the interest of 999
      // booked without a deal; payroll and rent, the planned purchase left out.
      // Profit 190 000 + 999 − 140 000.
      ['2025-03', 1, 3, 190_000, 63_333.33, 999, 140_000, 50_999],
    ]);
    expect(result.totals).toEqual({
      newClients: 2,
      wonDeals: 4,
      revenue: 210_000,
      averageCheck: 52_500,
      otherIncome: 999,
      expenses: 155_000,
      profit: 55_999,
    });
    const newClients = await drill(
      owner,
      'activity-monthly',
      'from=2025-02-01&to=2025-03-31&row=2025-03&column=newClients',
    );
    expect(newClients.items.map((item) => item.id)).toEqual([fixture.deals.D1]);
    const expenses = await drill(
      owner,
      'activity-monthly',
      'from=2025-02-01&to=2025-03-31&row=2025-03&column=expenses',
    );
    expect(expenses).toMatchObject({ entity: 'finance_entry', total: 2 });
    expect(expenses.items.map((item) => item.amount).sort()).toEqual([100_000, 40_000].sort());
  });

  it('monthly: a deal’s payment is not income twice, planned income is not income yet', async () => {
    const db = t.database.db;
    const booked = await db
      .insertInto('finance_entries')
      .values(
        (
          [
            // D4's payment: its 60 000 are March's revenue already, as the deal won on 03-20.
            ['actual', 60_000, '2025-03-21', fixture.deals.D4!],
            // Promised, not received.
            ['planned', 7_000, '2025-03-28', null],
            // A February sale made before the CRM, booked by hand.
            ['actual', 12_500, '2025-02-10', null],
          ] as const
        ).map(([status, amount, day, dealId]) => ({
          workspace_id: team.workspaceId,
          kind: 'income',
          status,
          amount,
          occurred_on: day,
          category: 'Продажи',
          line_of_business: null,
          counterparty: null,
          deal_id: dealId,
          comment: null,
          created_by: team.users.owner.id,
        })),
      )
      .returning('id')
      .execute();
    try {
      const result = await report(owner, 'activity-monthly', 'from=2025-02-01&to=2025-03-31');
      expect(table(result, monthlyKeys)).toEqual([
        // 20 000 + 12 500 − 15 000.
        ['2025-02', 1, 1, 20_000, 20_000, 12_500, 15_000, 17_500],
        ['2025-03', 1, 3, 190_000, 63_333.33, 999, 140_000, 50_999],
      ]);
      expect(result.totals).toMatchObject({ otherIncome: 13_499, profit: 68_499 });
      const other = await drill(
        owner,
        'activity-monthly',
        'from=2025-02-01&to=2025-03-31&row=2025-02&column=otherIncome',
      );
      expect(other).toMatchObject({ entity: 'finance_entry', total: 1 });
      expect(other.items.map((item) => [item.title, item.amount])).toEqual([['Продажи', 12_500]]);
      // A head of sales sees the team's deals, not the company's books.
      const refused = await head.request(
        'GET',
        '/api/reports/activity-monthly/drill?from=2025-02-01&to=2025-03-31&column=otherIncome',
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('querystring.column');
    } finally {
      await db
        .deleteFrom('finance_entries')
        .where(
          'id',
          'in',
          booked.map((row) => row.id),
        )
        .execute();
    }
  });

  it('monthly for a manager: their revenue, and no company expenses', async () => {
    const result = await report(managerA, 'activity-monthly', 'from=2025-02-01&to=2025-03-31');
    expect(table(result, monthlyKeys)).toEqual([
      ['2025-02', 1, 1, 20_000, 20_000, null, null, null],
      ['2025-03', 1, 1, 100_000, 100_000, null, null, null],
    ]);
  });
});

describe('manager productivity', () => {
  const keys = [
    'manager',
    'tasksDone',
    'tasksOverdue',
    'leadsTaken',
    'leadsProcessed',
    'firstActionHours',
    'wonDeals',
    'wonSum',
    'calls',
    'newContacts',
  ];

  it('tasks, leads, time to first action, won deals, calls and new contacts per manager', async () => {
    const result = await report(owner, 'managers', march);
    expect(table(result, keys)).toEqual([
      [names.head, 0, 0, 0, 0, null, 0, 0, 0, 0],
      // T1 done late (done and overdue), T2 open past its deadline, T3 done on time; L1 first call after 2 h.
      [names.A, 2, 2, 2, 1, 2, 1, 100_000, 5, 1],
      [names.B, 1, 0, 1, 1, 4, 1, 30_000, 2, 0],
      [names.subHead, 0, 0, 0, 0, null, 0, 0, 0, 0],
      [names.S, 0, 0, 1, 1, 2, 1, 60_000, 1, 0],
    ]);
    expect(result.totals).toEqual({
      tasksDone: 3,
      tasksOverdue: 2,
      leadsTaken: 4,
      leadsProcessed: 3,
      // (2 + 4 + 2) / 3 leads that had a first action
      firstActionHours: 2.67,
      wonDeals: 3,
      wonSum: 190_000,
      calls: 8,
      newContacts: 1,
    });
    const overdue = await drill(
      owner,
      'managers',
      `${march}&row=${team.users.managerA.id}&column=tasksOverdue`,
    );
    expect(overdue.items.map((item) => item.id).sort()).toEqual([fixture.tasks.T1, fixture.tasks.T2].sort());
    const won = await drill(owner, 'managers', `${march}&column=wonSum`);
    expect(won.items.map((item) => item.amount)).toEqual([60_000, 30_000, 100_000]);
  });

  it('a manager with "own" visibility sees only their own numbers', async () => {
    const result = await report(managerA, 'managers', march);
    expect(table(result, keys)).toEqual([[names.A, 2, 2, 2, 1, 2, 1, 100_000, 5, 1]]);
    const daily = await report(managerA, 'activity-daily', march);
    expect(new Set(daily.rows.map((row) => row.cells.managerId))).toEqual(new Set([team.users.managerA.id]));
    expect((await drill(managerA, 'activity-daily', `${march}&column=calls`)).total).toBe(5);
    const refused = await managerA.request(
      'GET',
      `/api/reports/managers?${march}&managerId=${team.users.managerB.id}`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: 'querystring.managerId' }),
    ]);
  });

  it('a head of sales sees the department and its sub-department; filters narrow it', async () => {
    const result = await report(head, 'managers', march);
    expect(result.rows.map((row) => row.cells.manager)).toEqual([
      names.head,
      names.A,
      names.B,
      names.subHead,
      names.S,
    ]);
    const sub = await report(head, 'managers', `${march}&departmentId=${team.subDepartmentId}`);
    expect(sub.rows.map((row) => row.cells.manager)).toEqual([names.subHead, names.S]);
    const one = await report(owner, 'managers', `${march}&managerId=${team.users.managerB.id}`);
    expect(table(one, keys)).toEqual([[names.B, 1, 0, 1, 1, 4, 1, 30_000, 2, 0]]);
  });
});

describe('distributions and sources', () => {
  it('deal distribution over stages: deals created in the period where they stand now', async () => {
    const result = await report(owner, 'deal-stages', march);
    expect(table(result, ['stage', 'manager', 'deals', 'amount'])).toEqual([
      ['Выявление потребностей', names.B, 1, 40_000],
      ['Сделка успешна', names.A, 1, 100_000],
      ['Сделка успешна', names.S, 1, 60_000],
      ['Сделка провалена', names.A, 1, 50_000],
    ]);
    expect(result.totals).toEqual({ deals: 4, amount: 250_000 });
    const cell = await drill(owner, 'deal-stages', `${march}&row=${result.rows[1]!.key}&column=deals`);
    expect(cell.items.map((item) => item.id)).toEqual([fixture.deals.D1]);
  });

  it('lead distribution over statuses', async () => {
    const result = await report(owner, 'lead-statuses', march);
    expect(table(result, ['status', 'manager', 'leads'])).toEqual([
      ['new', names.A, 1],
      ['in_work', names.A, 1],
      ['converted', names.B, 1],
      ['refused', names.S, 1],
    ]);
    expect(result.totals).toEqual({ leads: 4 });
  });

  it('lead sources: leads, conversion to deals and the revenue they brought', async () => {
    const result = await report(owner, 'lead-sources', march);
    expect(table(result, ['source', 'leads', 'converted', 'conversion', 'wonDeals', 'revenue'])).toEqual([
      ['site', 2, 0, 0, 0, 0],
      ['exhibition', 1, 1, 1, 1, 100_000],
      ['Источник не указан', 1, 0, 0, 0, 0],
    ]);
    expect(result.totals).toEqual({
      leads: 4,
      converted: 1,
      conversion: 0.25,
      wonDeals: 1,
      revenue: 100_000,
    });
    const revenue = await drill(owner, 'lead-sources', `${march}&row=${result.rows[1]!.key}&column=revenue`);
    expect(revenue.items.map((item) => item.id)).toEqual([fixture.deals.D1]);
    const site = await drill(owner, 'lead-sources', `${march}&row=${result.rows[0]!.key}&column=leads`);
    expect(site.items.map((item) => item.id).sort()).toEqual([fixture.leads.L1, fixture.leads.L2].sort());
    const none = await drill(owner, 'lead-sources', `${march}&row=-&column=leads`);
    expect(none.items.map((item) => item.id)).toEqual([fixture.leads.L4]);
  });
});

describe('funnel', () => {
  const keys = ['stage', 'reached', 'conversion', 'averageDays', 'stalled'];

  it('reach, conversion into the next stage, days in stage and stalled deals', async () => {
    const result = await report(owner, 'funnel', march);
    // Cohort: D1–D4 created in March. Furthest: D1 won, D2 proposal (then lost), D3 needs, D4 won.
    expect(table(result, keys)).toEqual([
      ['Квалификация', 4, 1, 1.75, 0],
      ['Выявление потребностей', 4, 0.75, null, 1],
      ['Презентация', 3, 1, null, 0],
      ['Подготовка КП', 3, 0.6667, 5, 0],
      ['Согласование КП', 2, 1, 4, 0],
      ['Договор', 2, 1, null, 0],
      ['Счёт', 2, 1, null, 0],
      ['Оплата', 2, 1, null, 0],
      ['Сделка успешна', 2, null, null, null],
    ]);
    expect(result.totals).toEqual({ reached: 4, conversion: 0.5, averageDays: null, stalled: 1 });
    const stalled = await drill(owner, 'funnel', `${march}&column=stalled`);
    expect(stalled.items.map((item) => item.id)).toEqual([fixture.deals.D3]);
    const proposal = fixture.stages['Подготовка КП'];
    const reached = await drill(owner, 'funnel', `${march}&row=${proposal}&column=reached`);
    expect(reached.items.map((item) => item.id).sort()).toEqual(
      [fixture.deals.D1, fixture.deals.D2, fixture.deals.D4].sort(),
    );
  });

  it('compares with another period', async () => {
    const result = await report(owner, 'funnel', `${march}&compareFrom=2025-02-01&compareTo=2025-02-28`);
    // February's cohort: D5 and D6, both won.
    expect(
      table(result, ['stage', 'compareReached', 'compareConversion', 'conversionChange']).slice(0, 4),
    ).toEqual([
      ['Квалификация', 2, 1, 0],
      ['Выявление потребностей', 2, 1, -0.25],
      ['Презентация', 2, 1, 0],
      ['Подготовка КП', 2, 1, -0.3333],
    ]);
    expect(result.totals).toMatchObject({ compareReached: 2, compareConversion: 1, conversionChange: -0.5 });
  });

  it('stalled counts only deals longer than N days in their stage', async () => {
    const result = await report(owner, 'funnel', `${march}&stalledDays=3650`);
    expect(result.totals.stalled).toBe(0);
  });
});

describe('client base structure', () => {
  it('new, active, sleeping and lost clients, and churn signals', async () => {
    const result = await report(owner, 'clients', march);
    expect(table(result, ['clients', 'share', 'revenue'])).toEqual([
      [1, 0.1667, 100_000], // new: C1
      [3, 0.5, 60_000], // active: C2, C3, C6
      [1, 0.1667, 0], // sleeping: C5
      [1, 0.1667, 0], // lost: C4
      [1, 0.1667, 0], // falling asleep: C6
      [1, 0.1667, 60_000], // negative review: C3
      [1, 0.1667, 0], // lost deal: C2
    ]);
    expect(result.rows.map((row) => row.key)).toEqual([
      'new',
      'active',
      'sleeping',
      'lost',
      'falling_asleep',
      'negative_review',
      'lost_deal',
    ]);
    expect(result.totals).toEqual({ clients: 6, share: 1, revenue: 160_000 });
    const active = await drill(owner, 'clients', `${march}&row=active&column=clients`);
    expect(active.items.map((item) => item.id).sort()).toEqual(
      [fixture.companies.C2, fixture.companies.C3, fixture.companies.C6].sort(),
    );
  });

  it('the windows are parameters; a manager sees only their clients', async () => {
    const wide = await report(owner, 'clients', `${march}&activeDays=200&lostDays=400`);
    expect(table(wide, ['clients']).slice(0, 4)).toEqual([[1], [4], [1], [0]]);
    const own = await report(managerA, 'clients', march);
    expect(own.totals.clients).toBe(3); // C1, C2, C6
  });
});

describe('leaderboard', () => {
  it('ranks by the chosen metric, with motivation points from the scheme', async () => {
    const saved = await owner.request('PUT', '/api/motivation-scheme', {
      points: { call: 1, meeting: 10, proposal: 15, dealWon: 50 },
      planPoints: 890,
      salary: [{ from: 0, amount: 20_000 }],
      commission: [{ from: 0, rate: 0.15 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const result = await report(owner, 'leaderboard', `${march}&metric=points`);
    expect(
      table(result, ['rank', 'manager', 'deals', 'revenue', 'meetings', 'calls', 'proposals', 'points']),
    ).toEqual([
      [1, names.A, 1, 100_000, 1, 5, 2, 95],
      [2, names.S, 1, 60_000, 1, 1, 1, 76],
      [3, names.B, 1, 30_000, 1, 2, 0, 62],
      [4, names.head, 0, 0, 0, 0, 0, 0],
      [4, names.subHead, 0, 0, 0, 0, 0, 0],
    ]);
    const byDeals = await report(owner, 'leaderboard', `${march}&metric=deals`);
    expect(table(byDeals, ['rank', 'manager']).slice(0, 3)).toEqual([
      [1, names.A],
      [1, names.B],
      [1, names.S],
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['activity-daily?from=2025-03-31&to=2025-03-01', 'querystring.to'],
    [`activity-daily?${march}&managerId=00000000-0000-4000-8000-000000000000`, 'querystring.managerId'],
    [`activity-daily?${march}&pipelineId=00000000-0000-4000-8000-000000000000`, 'querystring.pipelineId'],
    [`activity-weekly?${march}&pipelineId=00000000-0000-4000-8000-000000000000`, 'querystring.pipelineId'],
    [`managers?${march}&departmentId=00000000-0000-4000-8000-000000000000`, 'querystring.departmentId'],
    [`activity-daily?${march}&timezone=Mars/Olympus`, 'querystring.timezone'],
    [`funnel?${march}&compareFrom=2025-02-01`, 'querystring.compareTo'],
    [`clients?${march}&activeDays=200&lostDays=100`, 'querystring.lostDays'],
    ['activity-daily?from=2025-03-01', 'querystring.to'],
    [`activity-daily/drill?${march}&column=manager`, 'querystring.column'],
    [`activity-daily/drill?${march}&row=garbage&column=calls`, 'querystring.row'],
  ])('GET /api/reports/%s → 400 naming %s', async (url, path) => {
    const response = await owner.request('GET', `/api/reports/${url}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details.map((issue: { path: string }) => issue.path)).toContain(path);
  });

  it('a manager of another workspace is unknown here', async () => {
    const response = await owner.request(
      'GET',
      `/api/reports/managers?${march}&managerId=${other.users.managerA.id}`,
    );
    expect(response.statusCode).toBe(400);
  });
});
