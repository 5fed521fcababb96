import type { Pipeline } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneTaskProcess, publishProcess } from '../../../test/processes';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

// deals.visited_stages (migration 0024) is what the funnel counts reach by: it must hold every stage a
// deal has been in, however the stage was set or the visit recorded.
let t: TestApp;
let team: Team;
let owner: Client;
let sales: Pipeline;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'visited');
  owner = await signIn(t.app, team.users.owner.email);
  sales = (await owner.request('GET', '/api/pipelines')).json().items[0];
});

const visited = async (dealId: string) =>
  (
    await t.database.db
      .selectFrom('deals')
      .select('visited_stages')
      .where('id', '=', dealId)
      .executeTakeFirstOrThrow()
  ).visited_stages;

const moveTo = (dealId: string, stageId: string) =>
  t.database.db.updateTable('deals').set({ stage_id: stageId }).where('id', '=', dealId).execute();

describe("a deal's visited stages", () => {
  it('grow with every stage the deal enters, through the API or any update, once each', async () => {
    const [first, second, third] = sales.stages;
    const deal = (await owner.request('POST', '/api/deals', { title: 'Путь по воронке' })).json();
    expect(await visited(deal.id)).toEqual([first!.id]);
    const moved = await owner.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: second!.id,
      overrideComment: 'Проверка пути',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await moveTo(deal.id, third!.id);
    await moveTo(deal.id, second!.id);
    expect(await visited(deal.id)).toEqual([first!.id, second!.id, third!.id]);
  });

  it('take in stage visits written directly, as the demo data and imports write them', async () => {
    const [first, , , fourth, fifth] = sales.stages;
    const deal = (await owner.request('POST', '/api/deals', { title: 'История из импорта' })).json();
    await t.database.db
      .insertInto('deal_stage_history')
      .values(
        [fourth!, fifth!, first!].map((stage) => ({
          workspace_id: team.workspaceId,
          deal_id: deal.id,
          pipeline_id: sales.id,
          stage_id: stage.id,
          entered_at: new Date('2026-10-01T09:00:00Z'),
        })),
      )
      .execute();
    expect([...(await visited(deal.id))].sort()).toEqual([first!.id, fourth!.id, fifth!.id].sort());
  });

  it('are not a changed field to processes that watch fields', async () => {
    await publishProcess(owner, 'Следит за полями', oneTaskProcess('watch-fields'), 'deal', [
      { event: 'record.fieldChanged', conditions: { entity: 'deal', field: 'amount' } },
    ]);
    const deal = (await owner.request('POST', '/api/deals', { title: 'Смена этапа' })).json();
    // Read inside the transaction, before the worker can take the event away.
    const fields = await t.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('deals')
        .set({ stage_id: sales.stages[2]!.id })
        .where('id', '=', deal.id)
        .execute();
      const events = await trx
        .selectFrom('process_trigger_events')
        .select('data')
        .where('record_id', '=', deal.id)
        .where('event', '=', 'record.fieldChanged')
        .execute();
      return events.flatMap((event) => (event.data as { fields: string[] }).fields);
    });
    expect(fields).toContain('stage_id');
    expect(fields).not.toContain('visited_stages');
  });
});
