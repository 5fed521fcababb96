import type { Plan, PlanFact } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
  testPassword,
  uniqueEmail,
} from '../../../test/test-app';
import { type ReportFixture, seedReportFixture } from '../reports/report-fixture';
import { addMember } from '../workspaces/workspaces.service';

let t: TestApp;
/** Seed 004's department: four managers (A, B, the sub-department's, and D) under a head of sales. */
let seed: Team;
let managerD: string;
let seedOwner: Client;
let seedHead: Client;
let seedManager: Client;
/** The report fixture's March 2025, for measured plans and plan against fact. */
let history: Team;
let fixture: ReportFixture;
let owner: Client;
let managerA: Client;

beforeAll(async () => {
  t = await startTestApp();
  seed = await createTeam(t, 'seed004');
  managerD = (
    await addMember(t.database.db, seed.workspaceId, {
      email: uniqueEmail('seed004-managerD'),
      password: testPassword,
      name: 'managerD seed004',
      role: 'manager',
      departmentId: seed.departmentId,
    })
  ).id;
  seedOwner = await signIn(t.app, seed.users.owner.email);
  seedHead = await signIn(t.app, seed.users.head.email);
  seedManager = await signIn(t.app, seed.users.managerA.email);
  history = await createTeam(t, 'planning');
  fixture = await seedReportFixture(t.database.db, history);
  owner = await signIn(t.app, history.users.owner.email);
  managerA = await signIn(t.app, history.users.managerA.email);
});

async function ok<T>(client: Client, method: string, url: string, body?: unknown): Promise<T> {
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const counts = (list: { id: string; count: number }[]) =>
  Object.fromEntries(list.map((item) => [item.id, item.count]));

/** Closes `amounts.length` won deals for a person on the given Moscow days. */
async function wonDeals(team: Team, responsibleId: string, days: string[], amount: number): Promise<void> {
  const db = t.database.db;
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', team.workspaceId)
    .where('kind', '=', 'sales')
    .executeTakeFirstOrThrow();
  const won = await db
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', pipeline.id)
    .where('kind', '=', 'won')
    .executeTakeFirstOrThrow();
  for (const day of days) {
    const at = new Date(`${day}T12:00:00+03:00`);
    await db
      .insertInto('deals')
      .values({
        workspace_id: team.workspaceId,
        title: 'Продажа',
        pipeline_id: pipeline.id,
        stage_id: won.id,
        amount,
        responsible_id: responsibleId,
        contact_id: null,
        company_id: null,
        lead_id: null,
        source: null,
        lost_reason: null,
        probability: null,
        expected_close_date: null,
        closed_at: at,
        stage_entered_at: at,
        created_by: responsibleId,
        created_at: at,
      })
      .execute();
  }
}

describe('seed 004, through the API', () => {
  it('800,000 ₽ at a 40,000 ₽ average check: 20 sales, 5 for each of 4 managers', async () => {
    const plan = await ok<Plan>(seedHead, 'POST', '/api/plans', {
      name: 'Март',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 800_000 },
      averageCheck: 40_000,
      indicators: [
        { activity: 'call', conversion: 0.2 },
        { activity: 'meeting', conversion: 0.25 },
      ],
    });
    expect(plan.managers.map((manager) => manager.userId).sort()).toEqual(
      [seed.users.managerA.id, seed.users.managerB.id, seed.users.subManager.id, managerD].sort(),
    );
    expect(plan.decomposition).toMatchObject({ revenue: 800_000, sales: 20, months: 1 });
    // "indicator ÷ conversion of the previous indicator", rounded up: 20 ÷ 0.25 = 80 meetings, 80 ÷ 0.2 = 400 calls.
    expect(counts(plan.decomposition.indicators)).toEqual({ call: 400, meeting: 80, sales: 20 });
    for (const manager of plan.decomposition.perManager) {
      expect(manager.share).toBe(0.25);
      expect(counts(manager.indicators)).toEqual({ call: 100, meeting: 20, sales: 5 });
    }
    expect(await ok<Plan>(seedManager, 'GET', `/api/plans/${plan.id}`)).toEqual(plan);
  });

  it('the same plan from its margin: 400,000 ₽ at 50 %', async () => {
    const plan = await ok<Plan>(seedOwner, 'POST', '/api/plans', {
      name: 'Март, маржа',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'margin', amount: 400_000 },
      marginRate: 0.5,
      averageCheck: 40_000,
    });
    expect(plan.decomposition).toMatchObject({ revenue: 800_000, sales: 20 });
    expect(plan.decomposition.perManager.map((manager) => counts(manager.indicators).sales)).toEqual([
      5, 5, 5, 5,
    ]);
  });

  it('weights split the plan unevenly', async () => {
    const plan = await ok<Plan>(seedOwner, 'POST', '/api/plans', {
      name: 'Веса',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 800_000 },
      averageCheck: 40_000,
      managers: [
        { userId: seed.users.managerA.id, weight: 3 },
        { userId: seed.users.managerB.id, weight: 1 },
      ],
    });
    expect(
      plan.decomposition.perManager.map((manager) => [manager.share, counts(manager.indicators).sales]),
    ).toEqual([
      [0.75, 15],
      [0.25, 5],
    ]);
  });

  it('break-even: 400,000 ₽ of costs with payroll at a 50 % margin → 800,000 ₽', async () => {
    expect(await ok(seedOwner, 'GET', '/api/finance/break-even?fixedCosts=400000&marginRate=0.5')).toEqual({
      fixedCosts: 400_000,
      fixedCostsMeasured: false,
      marginRate: 0.5,
      marginMeasuredOn: null,
      revenue: 800_000,
    });
    for (const [category, amount] of [
      ['ФОТ', 300_000],
      ['Аренда', 100_000],
    ] as const) {
      await ok(seedOwner, 'POST', '/api/finance-entries', {
        kind: 'expense',
        amount,
        occurredOn: '2025-02-10',
        category,
      });
    }
    expect(
      await ok(seedOwner, 'GET', '/api/finance/break-even?marginRate=0.5&from=2025-02-01&to=2025-02-28'),
    ).toEqual({
      fixedCosts: 400_000,
      fixedCostsMeasured: true,
      marginRate: 0.5,
      marginMeasuredOn: null,
      revenue: 800_000,
    });
  });

  it('motivation: 20,000 ₽ salary + 15 % of sales is 50,000 ₽ at the plan of 200,000 ₽', async () => {
    await ok(seedHead, 'PUT', '/api/motivation-scheme', {
      points: { call: 1, meeting: 10, dealWon: 50 },
      planPoints: 890,
      salary: [{ from: 0, amount: 20_000 }],
      commission: [{ from: 0, rate: 0.15 }],
    });
    await wonDeals(
      seed,
      seed.users.managerA.id,
      ['2025-03-03', '2025-03-05', '2025-03-10', '2025-03-12', '2025-03-14'],
      40_000,
    );
    const end = await ok<{
      items: { userId: string; sales: number; pay: { total: number; points: number } }[];
    }>(seedOwner, 'GET', '/api/motivation/pay?from=2025-03-01&to=2025-03-31&asOf=2025-03-31');
    const a = end.items.find((item) => item.userId === seed.users.managerA.id)!;
    expect(a).toMatchObject({ sales: 200_000, pay: { points: 250, total: 50_000 } });
    expect(end.items).toHaveLength(6); // head, sub-head and four managers
  });

  it('the pay forecast runs the pace to the period’s end; a manager sees their own, a head the department', async () => {
    await ok(seedOwner, 'PUT', '/api/motivation-scheme', {
      points: { call: 1, meeting: 10, dealWon: 50 },
      planPoints: 890,
      salary: [
        { from: 0, amount: 10_000 },
        { from: 890, amount: 20_000 },
      ],
      commission: [
        { from: 0, rate: 0.1 },
        { from: 400_000, rate: 0.15 },
      ],
    });
    const report = await ok<{
      daysElapsed: number;
      formula: string;
      items: { userId: string; pay: Record<string, unknown>; forecast: Record<string, unknown> }[];
    }>(seedManager, 'GET', '/api/motivation/pay?from=2025-03-01&to=2025-03-31&asOf=2025-03-15');
    expect(report.items.map((item) => item.userId)).toEqual([seed.users.managerA.id]);
    expect(report.daysElapsed).toBe(15);
    // So far: 5 deals = 250 points → the 10,000 step, 640 points short of the next; 10 % of 200,000.
    expect(report.items[0]!.pay).toMatchObject({
      points: 250,
      salary: 10_000,
      nextSalary: { from: 890, amount: 20_000, missing: 640 },
      commissionRate: 0.1,
      commission: 20_000,
      total: 30_000,
    });
    // At this pace: round(5 × 31 / 15) = 10 deals = 500 points; 200,000 × 31 / 15 = 413,333.33 at 15 %.
    expect(report.items[0]!.forecast).toMatchObject({
      points: 500,
      salary: 10_000,
      commissionRate: 0.15,
      commission: 62_000,
      total: 72_000,
    });
    expect(report.formula).toContain('points = 1 × call + 10 × meeting + 50 × dealWon');
    const head = await ok<{ items: unknown[] }>(
      seedHead,
      'GET',
      '/api/motivation/pay?from=2025-03-01&to=2025-03-31',
    );
    expect(head.items).toHaveLength(6);
  });

  it('only those who plan may set plans and the scheme', async () => {
    const response = await seedManager.request('POST', '/api/plans', {
      name: 'Мой план',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 1 },
      averageCheck: 1,
    });
    expect(response.statusCode).toBe(403);
    expect(
      (
        await seedManager.request('PUT', '/api/motivation-scheme', {
          points: {},
          planPoints: 1,
          salary: [],
          commission: [],
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('measured plans and plan against fact', () => {
  it('the scheme is null until set, then read back as saved, steps in order', async () => {
    expect(await ok(owner, 'GET', '/api/motivation-scheme')).toBeNull();
    const scheme = {
      points: { call: 1, dealWon: 50 },
      planPoints: 890,
      salary: [
        { from: 890, amount: 20_000 },
        { from: 0, amount: 10_000 },
      ],
      commission: [{ from: 0, rate: 0.15 }],
    };
    await ok(owner, 'PUT', '/api/motivation-scheme', scheme);
    expect(await ok(managerA, 'GET', '/api/motivation-scheme')).toEqual({
      ...scheme,
      salary: [scheme.salary[1], scheme.salary[0]],
    });
    const twice = await owner.request('PUT', '/api/motivation-scheme', {
      ...scheme,
      salary: [
        { from: 0, amount: 1 },
        { from: 0, amount: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].path).toBe('body.salary.1.from');
  });

  it('measures the average check and each step’s conversion over a window of history', async () => {
    const plan = await ok<Plan>(owner, 'POST', '/api/plans', {
      name: 'Апрель по марту',
      from: '2025-04-01',
      to: '2025-04-30',
      target: { kind: 'revenue', amount: 400_000 },
      averageCheck: null,
      measureFrom: '2025-03-01',
      measureTo: '2025-03-31',
      indicators: [
        { activity: 'call' },
        { activity: 'meeting' },
        { stageId: fixture.stages['Подготовка КП'] },
      ],
    });
    // March: 8 calls, 3 meetings, 3 deals into Подготовка КП (D1, D2, D4), 3 sales (D1, D4, D5) for 190,000.
    expect(plan.averageCheck).toEqual({ amount: 63_333.33, measured: true });
    expect(
      plan.indicators.map((indicator) => [indicator.id, indicator.conversion, indicator.measured]),
    ).toEqual([
      ['call', 0.375, true],
      ['meeting', 1, true],
      [fixture.stages['Подготовка КП'], 1, true],
    ]);
    // 400,000 ÷ 63,333.33 = 6.3 → 7 sales; 7 proposals; 7 meetings; 7 ÷ 0.375 = 18.7 → 19 calls.
    expect(counts(plan.decomposition.indicators)).toEqual({
      call: 19,
      meeting: 7,
      [fixture.stages['Подготовка КП']!]: 7,
      sales: 7,
    });
  });

  it('plan against fact for a plan of stage steps only: no activity is counted', async () => {
    const proposal = fixture.stages['Подготовка КП']!;
    const plan = await ok<Plan>(owner, 'POST', '/api/plans', {
      name: 'Март по этапам',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 600_000 },
      averageCheck: 50_000,
      indicators: [{ stageId: proposal, conversion: 0.5 }],
      managers: [
        { userId: history.users.managerA.id },
        { userId: history.users.managerB.id },
        { userId: history.users.subManager.id },
      ],
    });
    const fact = await ok<PlanFact>(owner, 'GET', `/api/plans/${plan.id}/fact?asOf=2025-03-15`);
    // By March 15th: proposals D1, D2, D4; sales D1 and D5 (130,000), as in the plan below.
    expect(fact.indicators.map((i) => [i.id, i.plan, i.fact])).toEqual([
      [proposal, 24, 3],
      ['sales', 12, 2],
      ['revenue', 600_000, 130_000],
    ]);
  });

  it('spreads what is due over the time gone by: today only as far as it has gone', async () => {
    // Moscow keeps UTC+3 all year: its day and the share of it gone by, worked out here by hand.
    const moscow = new Date(Date.now() + 3 * 3600 * 1000);
    const day = moscow.toISOString().slice(0, 10);
    const share =
      (moscow.getUTCHours() * 3600 + moscow.getUTCMinutes() * 60 + moscow.getUTCSeconds()) / 86_400;
    const tenDaysOn = new Date(Date.parse(`${day}T00:00:00Z`) + 9 * 86_400_000).toISOString().slice(0, 10);
    const plan = await ok<Plan>(owner, 'POST', '/api/plans', {
      name: 'Десять дней',
      from: day,
      to: tenDaysOn,
      target: { kind: 'revenue', amount: 1_000_000 },
      averageCheck: 10_000,
      indicators: [{ stageId: fixture.stages['Подготовка КП'], conversion: 0.5 }],
      managers: [{ userId: history.users.managerA.id }],
    });
    const fact = await ok<PlanFact>(owner, 'GET', `/api/plans/${plan.id}/fact?timezone=Europe/Moscow`);
    expect(fact).toMatchObject({ asOf: day, daysInPeriod: 10, daysElapsed: 1 });
    // 100 sales over 10 days: a whole day would make 10 due; by now, 10 × the share of today gone by.
    const sales = fact.indicators.find((indicator) => indicator.id === 'sales')!;
    expect(sales.expectedByNow).toBeCloseTo(10 * share, 1);
    // Forecast keeps the pace per day: nothing done today forecasts nothing.
    expect(sales.forecast).toBe(sales.fact * 10);
    // Looked at as a day that is over, the whole day is due.
    const over = await ok<PlanFact>(owner, 'GET', `/api/plans/${plan.id}/fact?asOf=${tenDaysOn}`);
    expect(over.indicators.find((indicator) => indicator.id === 'sales')!.expectedByNow).toBe(100);
  });

  it('plan against fact: per indicator, per manager, per day, with forecast and pace', async () => {
    const plan = await ok<Plan>(owner, 'POST', '/api/plans', {
      name: 'Март',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 600_000 },
      averageCheck: 50_000,
      indicators: [
        { activity: 'call', conversion: 0.5 },
        { activity: 'meeting', conversion: 0.5 },
        { stageId: fixture.stages['Подготовка КП'], conversion: 0.5 },
      ],
      managers: [
        { userId: history.users.managerA.id },
        { userId: history.users.managerB.id },
        { userId: history.users.subManager.id },
      ],
    });
    const proposal = fixture.stages['Подготовка КП']!;
    expect(counts(plan.decomposition.indicators)).toEqual({
      call: 96,
      meeting: 48,
      [proposal]: 24,
      sales: 12,
    });
    const fact = await ok<PlanFact>(owner, 'GET', `/api/plans/${plan.id}/fact?asOf=2025-03-15`);
    expect(fact).toMatchObject({ daysInPeriod: 31, daysElapsed: 15, asOf: '2025-03-15' });
    // By March 15th: calls A 4, B 2, S 1; meetings 3; proposals D1, D2, D4; sales D1 and D5 (130,000).
    expect(
      fact.indicators.map((i) => [i.id, i.plan, i.fact, i.expectedByNow, i.forecast, i.behindPace]),
    ).toEqual([
      ['call', 96, 7, 46.45, 14.47, true],
      ['meeting', 48, 3, 23.23, 6.2, true],
      [proposal, 24, 3, 11.61, 6.2, true],
      ['sales', 12, 2, 5.81, 4.13, true],
      ['revenue', 600_000, 130_000, 290_322.58, 268_666.67, true],
    ]);
    const a = fact.managers.find((manager) => manager.userId === history.users.managerA.id)!;
    // A's third: 32 calls, 16 meetings, 8 proposals, 4 sales, 200,000 ₽; D1 alone keeps A on pace for revenue.
    expect(a.indicators.map((i) => [i.id, i.plan, i.fact, i.behindPace])).toEqual([
      ['call', 32, 4, true],
      ['meeting', 16, 1, true],
      [proposal, 8, 2, true],
      ['sales', 4, 1, true],
      ['revenue', 200_000, 100_000, false],
    ]);
    // On March 1st nothing is done yet. A owes a call (32 ÷ 31 = 1.03) and, rounded, a meeting (0.52);
    // a quarter of a proposal, an eighth of a sale and 6,451.61 ₽ (an eighth of a 50,000 ₽ check) are
    // not one whole thing yet, so they are not behind.
    const first = await ok<PlanFact>(owner, 'GET', `/api/plans/${plan.id}/fact?asOf=2025-03-01`);
    const firstA = first.managers.find((manager) => manager.userId === history.users.managerA.id)!;
    expect(firstA.indicators.map((i) => [i.id, i.fact, i.expectedByNow, i.behindPace])).toEqual([
      ['call', 0, 1.03, true],
      ['meeting', 0, 0.52, true],
      [proposal, 0, 0.26, false],
      ['sales', 0, 0.13, false],
      ['revenue', 0, 6_451.61, false],
    ]);
    expect(fact.days).toHaveLength(15);
    expect(fact.days[2]).toEqual({
      day: '2025-03-03',
      fact: { call: 5, meeting: 0, [proposal]: 0, sales: 0, revenue: 0 },
      cumulativeFact: { call: 5, meeting: 0, [proposal]: 0, sales: 0, revenue: 0 },
      cumulativePlan: { call: 9.29, meeting: 4.65, [proposal]: 2.32, sales: 1.16, revenue: 58_064.52 },
    });
    expect(fact.days[14]!.cumulativeFact).toEqual({
      call: 7,
      meeting: 3,
      [proposal]: 3,
      sales: 2,
      revenue: 130_000,
    });

    // A manager sees only their own numbers, and the plan's part that is theirs.
    const own = await ok<PlanFact>(managerA, 'GET', `/api/plans/${plan.id}/fact?asOf=2025-03-15`);
    expect(own.managers.map((manager) => manager.userId)).toEqual([history.users.managerA.id]);
    expect(own.indicators.map((i) => [i.id, i.plan, i.fact])).toEqual([
      ['call', 32, 4],
      ['meeting', 16, 1],
      [proposal, 8, 2],
      ['sales', 4, 1],
      ['revenue', 200_000, 100_000],
    ]);
  });

  it('refuses a plan it cannot compute, naming the field', async () => {
    const base = {
      name: 'Плохой',
      from: '2025-03-01',
      to: '2025-03-31',
      target: { kind: 'revenue', amount: 100_000 },
      averageCheck: 10_000,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, to: '2025-02-01' }, 'body.to'],
      [{ ...base, managers: [{ userId: '00000000-0000-4000-8000-000000000000' }] }, 'body.managers.0.userId'],
      [{ ...base, target: { kind: 'margin', amount: 100 } }, 'body.marginRate'],
      [{ ...base, averageCheck: null }, 'body.measureFrom'],
      [
        { ...base, indicators: [{ activity: 'email' }], measureFrom: '2025-03-01', measureTo: '2025-03-31' },
        'body.indicators.0.conversion',
      ],
      [
        { ...base, indicators: [{ stageId: fixture.stages['Сделка успешна'], conversion: 0.5 }] },
        'body.indicators.0.stageId',
      ],
      [{ ...base, pipelineId: '00000000-0000-4000-8000-000000000000' }, 'body.pipelineId'],
    ];
    for (const [body, path] of cases) {
      const response = await owner.request('POST', '/api/plans', body);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.json().error.details.map((issue: { path: string }) => issue.path)).toContain(path);
    }
  });

  it('replaces and deletes a plan; another workspace’s plan is not found', async () => {
    const plan = await ok<Plan>(owner, 'POST', '/api/plans', {
      name: 'Черновик',
      from: '2025-05-01',
      to: '2025-06-30',
      target: { kind: 'revenue', amount: 100_000 },
      averageCheck: 10_000,
    });
    expect(plan.decomposition).toMatchObject({ months: 2, sales: 10 });
    expect(counts(plan.decomposition.perMonth)).toEqual({ sales: 5 });
    const replaced = await ok<Plan>(owner, 'PUT', `/api/plans/${plan.id}`, {
      name: 'Черновик 2',
      from: '2025-05-01',
      to: '2025-05-31',
      target: { kind: 'revenue', amount: 200_000 },
      averageCheck: 10_000,
    });
    expect(replaced.decomposition).toMatchObject({ months: 1, sales: 20 });
    expect((await seedOwner.request('GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await seedOwner.request('GET', `/api/plans/${plan.id}/fact`)).statusCode).toBe(404);
    await ok(owner, 'DELETE', `/api/plans/${plan.id}`);
    expect((await owner.request('GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
  });
});
