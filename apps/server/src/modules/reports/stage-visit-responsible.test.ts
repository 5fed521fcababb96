import type { Pipeline, ReportTable } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

// A stage visit counts for whoever is responsible for its deal now, and not at all while the deal is
// deleted. The reports read that person from the visit itself (deal_stage_history.deal_responsible_id,
// migration 0025), so every way a deal changes hands or is deleted must reach its visits.
let t: TestApp;
let team: Team;
let owner: Client;
let sales: Pipeline;

const week = 'from=2025-06-02&to=2025-06-08';

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'visit-owner');
  owner = await signIn(t.app, team.users.owner.email);
  sales = (await owner.request('GET', '/api/pipelines')).json().items[0];
});

/** The weekly report's proposals per manager name, for the week of 2 June 2025. */
async function proposalsByManager(): Promise<Record<string, number>> {
  const response = await owner.request('GET', `/api/reports/activity-weekly?${week}`);
  expect(response.statusCode, response.body).toBe(200);
  const table: ReportTable = response.json();
  return Object.fromEntries(
    table.rows
      .filter((row) => Number(row.cells.proposals) > 0)
      .map((row) => [String(row.cells.manager), Number(row.cells.proposals)]),
  );
}

async function enteredProposal(dealId: string): Promise<void> {
  const proposal = sales.stages.find((stage) => stage.name === 'Подготовка КП');
  if (!proposal) throw new Error('The default funnel has a proposal stage');
  await t.database.db
    .insertInto('deal_stage_history')
    .values({
      workspace_id: team.workspaceId,
      deal_id: dealId,
      pipeline_id: sales.id,
      stage_id: proposal.id,
      entered_at: new Date('2025-06-04T09:00:00Z'),
    })
    .execute();
}

describe('a stage visit counts for the deal’s responsible person', () => {
  it('follows the deal when it changes hands, one at a time or in bulk, and is gone while it is deleted', async () => {
    const { managerA, managerB } = team.users;
    const nameA = 'managerA visit-owner';
    const nameB = 'managerB visit-owner';
    const deal = (
      await owner.request('POST', '/api/deals', { title: 'КП для завода', responsibleId: managerA.id })
    ).json();
    await enteredProposal(deal.id);
    expect(await proposalsByManager()).toEqual({ [nameA]: 1 });

    const reassigned = await owner.request('PATCH', `/api/deals/${deal.id}`, { responsibleId: managerB.id });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect(await proposalsByManager()).toEqual({ [nameB]: 1 });

    const deleted = await owner.request('DELETE', `/api/deals/${deal.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await proposalsByManager()).toEqual({});

    const restored = await owner.request('POST', `/api/deals/${deal.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await proposalsByManager()).toEqual({ [nameB]: 1 });

    const bulk = await owner.request('POST', '/api/deals/bulk', {
      action: 'assign',
      ids: [deal.id],
      responsibleId: managerA.id,
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(await proposalsByManager()).toEqual({ [nameA]: 1 });
  });

  it('is written with the visit, and a deal without anyone responsible counts for nobody', async () => {
    const { managerB } = team.users;
    const deal = (await owner.request('POST', '/api/deals', { title: 'Ничья сделка' })).json();
    await t.database.db
      .updateTable('deals')
      .set({ responsible_id: null })
      .where('id', '=', deal.id)
      .execute();
    await enteredProposal(deal.id);
    const visits = () =>
      t.database.db
        .selectFrom('deal_stage_history')
        .select('deal_responsible_id')
        .where('deal_id', '=', deal.id)
        .execute();
    expect((await visits()).map((visit) => visit.deal_responsible_id)).toEqual([null, null]);
    await t.database.db
      .updateTable('deals')
      .set({ responsible_id: managerB.id })
      .where('id', '=', deal.id)
      .execute();
    expect((await visits()).map((visit) => visit.deal_responsible_id)).toEqual([managerB.id, managerB.id]);
  });

  it('the first visit, written in the statement that creates the deal, counts for its responsible person', async () => {
    const { managerA } = team.users;
    const firstVisit = async (body: Record<string, unknown>) => {
      const response = await owner.request('POST', '/api/deals', { title: 'Первый этап', ...body });
      expect(response.statusCode, response.body).toBe(200);
      const visits = await t.database.db
        .selectFrom('deal_stage_history')
        .select(['deal_responsible_id', 'stage_id', 'exited_at'])
        .where('deal_id', '=', response.json().id)
        .execute();
      return visits;
    };
    expect(await firstVisit({ responsibleId: managerA.id })).toEqual([
      { deal_responsible_id: managerA.id, stage_id: sales.stages[0]!.id, exited_at: null },
    ]);
    expect(await firstVisit({})).toEqual([
      { deal_responsible_id: team.users.owner.id, stage_id: sales.stages[0]!.id, exited_at: null },
    ]);
    expect(await firstVisit({ responsibleId: null })).toEqual([
      { deal_responsible_id: null, stage_id: sales.stages[0]!.id, exited_at: null },
    ]);
  });
});
