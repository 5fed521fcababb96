import type { ReportFilterValues, ReportTable } from '@voronka/domain';
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

// The source and region filters over the fixture of report-fixture.ts; every number is worked out by hand.

let t: TestApp;
let team: Team;
let fixture: ReportFixture;
let owner: Client;
let names: Record<'A' | 'B' | 'S', string>;

const march = 'from=2025-03-01&to=2025-03-31';
const moscow = `region=${encodeURIComponent('Москва')}`;
const petersburg = `region=${encodeURIComponent('Санкт-Петербург')}`;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'filters');
  const other = await createTeam(t, 'filters-other');
  fixture = await seedReportFixture(t.database.db, team);
  await seedReportFixture(t.database.db, other);
  // Another workspace's region and source: never offered here.
  await t.database.db
    .insertInto('companies')
    .values({ workspace_id: other.workspaceId, name: 'Чужая', region: 'Казань' })
    .execute();
  await t.database.db
    .insertInto('leads')
    .values({ workspace_id: other.workspaceId, title: 'Чужой', source: 'radio', status: 'new' })
    .execute();
  owner = await signIn(t.app, team.users.owner.email);
  names = { A: 'managerA filters', B: 'managerB filters', S: 'subManager filters' };
});

async function report(name: string, query: string): Promise<ReportTable> {
  const response = await owner.request('GET', `/api/reports/${name}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const table = (result: ReportTable, keys: string[]) =>
  result.rows.map((row) => keys.map((key) => row.cells[key]));

describe('region filter', () => {
  it('deals by stage: a deal is in its company’s region', async () => {
    // Created in March: D1 (C1), D2 (C2), D3 (C1) in Moscow; D4 (C3) in St Petersburg.
    const inMoscow = await report('deal-stages', `${march}&${moscow}`);
    expect(table(inMoscow, ['stage', 'manager', 'deals', 'amount'])).toEqual([
      ['Выявление потребностей', names.B, 1, 40_000],
      ['Сделка успешна', names.A, 1, 100_000],
      ['Сделка провалена', names.A, 1, 50_000],
    ]);
    expect(inMoscow.totals).toEqual({ deals: 3, amount: 190_000 });
    const inPetersburg = await report('deal-stages', `${march}&${petersburg}`);
    expect(table(inPetersburg, ['stage', 'manager', 'deals', 'amount'])).toEqual([
      ['Сделка успешна', names.S, 1, 60_000],
    ]);
  });

  it('sales by month: a deal without a company is in its contact’s company’s region; no company expenses', async () => {
    // Won in March in St Petersburg: D4 (C3, 60 000) and D5 (no company; its contact is of C3, 30 000).
    // C3 first bought in December, so no new client. Expenses are not a region's: not shown.
    const result = await report('activity-monthly', `${march}&${petersburg}`);
    expect(table(result, monthlyKeys)).toEqual([['2025-03', 0, 2, 90_000, 45_000, null, null, null]]);
    const drill = await owner.request(
      'GET',
      `/api/reports/activity-monthly/drill?${march}&${petersburg}&row=2025-03&column=wonDeals`,
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(
      drill
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([fixture.deals.D4, fixture.deals.D5].sort());
  });

  it('leads by status and by source: a lead’s own region', async () => {
    const statuses = await report('lead-statuses', `${march}&${moscow}`);
    expect(table(statuses, ['status', 'manager', 'leads'])).toEqual([['in_work', names.A, 1]]);
    const sources = await report('lead-sources', `${march}&${petersburg}`);
    expect(table(sources, ['source', 'leads', 'converted', 'wonDeals', 'revenue'])).toEqual([
      ['exhibition', 1, 1, 1, 100_000],
    ]);
  });

  it('client base: the companies of the region only', async () => {
    // Moscow clients: C1 (new: first won deal D1 in March), C2 (active: D2 lost in March), C4 (lost:
    // last touched June 2024). C2's lost deal is its churn signal; C3 and C6 are elsewhere.
    const result = await report('clients', `${march}&${moscow}`);
    expect(Object.fromEntries(result.rows.map((row) => [row.key, row.cells.clients]))).toEqual({
      new: 1,
      active: 1,
      sleeping: 0,
      lost: 1,
      falling_asleep: 0,
      negative_review: 0,
      lost_deal: 1,
    });
    expect(result.totals).toMatchObject({ clients: 3, revenue: 100_000 });
  });

  it('a region nobody is in gives an empty report, not an error', async () => {
    const result = await report('deal-stages', `${march}&region=${encodeURIComponent('Камчатский край')}`);
    expect(result.rows).toEqual([]);
  });

  it('is refused by a report about people, naming the parameter', async () => {
    const response = await owner.request('GET', `/api/reports/leaderboard?${march}&${moscow}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('querystring.region');
    const long = await owner.request('GET', `/api/reports/deal-stages?${march}&region=${'я'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('querystring.region');
  });
});

describe('source filter', () => {
  it('leads by status from one source', async () => {
    const result = await report('lead-statuses', `${march}&source=site`);
    expect(table(result, ['status', 'manager', 'leads'])).toEqual([
      ['new', names.A, 1],
      ['in_work', names.A, 1],
    ]);
  });
});

describe('filter values', () => {
  it('offers the workspace’s sources and regions, in order, and nothing of another workspace', async () => {
    const response = await owner.request('GET', '/api/reports/filter-values');
    expect(response.statusCode, response.body).toBe(200);
    const values: ReportFilterValues = response.json();
    expect(values).toEqual({ sources: ['exhibition', 'site'], regions: ['Москва', 'Санкт-Петербург'] });
  });

  it('offers someone who sees only their own records the values of those records alone', async () => {
    // managerA: companies C1, C2 (Москва), C6; leads L1 (site, Москва), L2 (site).
    // managerB: companies C4 (Москва), C5; lead L3 (exhibition, Санкт-Петербург).
    // subManager: company C3 (Санкт-Петербург); lead L4 (no source).
    const expected = [
      ['managerA', { sources: ['site'], regions: ['Москва'] }],
      ['managerB', { sources: ['exhibition'], regions: ['Москва', 'Санкт-Петербург'] }],
      ['subManager', { sources: [], regions: ['Санкт-Петербург'] }],
      // The sub-department's head sees their department: the sub-manager's records, none of A's or B's.
      ['subHead', { sources: [], regions: ['Санкт-Петербург'] }],
    ] as const;
    for (const [who, values] of expected) {
      const client = await signIn(t.app, team.users[who].email);
      const response = await client.request('GET', '/api/reports/filter-values');
      expect(response.statusCode, response.body).toBe(200);
      expect({ who, ...response.json() }).toEqual({ who, ...values });
    }
  });
});
