import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneTaskProcess } from '../../../test/processes';
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
let owner: Client;
let manager: Client;
let pipeline: { id: string; stages: { id: string; kind: string }[] };

// One user task for the responsible person, so a started instance stays visible as running.
const xml = (key: string) => oneTaskProcess(key);

async function processWithTrigger(
  key: string,
  event: string,
  runsOn: string | null,
  conditions: Record<string, string> = {},
) {
  const created = (
    await owner.request('POST', '/api/processes', { name: key, xml: xml(key), runsOn })
  ).json();
  expect(created.runsOn).toBe(runsOn);
  expect((await owner.request('POST', `/api/processes/${created.id}/publish`)).statusCode).toBe(200);
  const saved = await owner.request('PUT', `/api/processes/${created.id}/triggers`, {
    items: [{ event, conditions }],
  });
  expect(saved.statusCode).toBe(200);
  return created.id as string;
}

/**
 * A trigger that does not fit the process's record type, as one left behind when the process was
 * switched to another record type after it was saved (the API refuses to save such a trigger).
 */
async function processWithStaleTrigger(key: string, event: string, runsOn: string | null) {
  const id = await processWithTrigger(key, 'manual', runsOn);
  await t.database.db
    .updateTable('process_triggers')
    .set({ event })
    .where('definition_id', '=', id)
    .execute();
  return id;
}

const instancesOf = async (definitionId: string) =>
  (await owner.request('GET', `/api/process-instances?definitionId=${definitionId}`)).json().items as {
    id: string;
    recordId: string;
    initiatorId: string;
  }[];

async function eventually<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const items = await read();
    if (items.length >= count || Date.now() > until) return items;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const pendingEvents = async () =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from process_trigger_events where workspace_id = ${team.workspaceId}`.execute(
        t.database.db,
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'triggers');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  pipeline = (await owner.request('GET', '/api/pipelines')).json().items[0];
});

describe('processes started by CRM events', () => {
  it('writes no events while no process listens for them', async () => {
    await manager.request('POST', '/api/deals', { title: 'Тишина', amount: 1 });
    await manager.request('POST', '/api/leads', { title: 'Тишина' });
    expect(await pendingEvents()).toBe(0);
  });

  it('starts on a new deal in the chosen pipeline, once, on behalf of its responsible person', async () => {
    const id = await processWithTrigger('on-deal', 'deal.created', 'deal', { pipelineId: pipeline.id });
    const deal = (await manager.request('POST', '/api/deals', { title: 'Новая сделка', amount: 100 })).json();
    const batch = (
      await manager.request('POST', '/api/deals/batch', {
        items: [{ title: 'Из пакета 1' }, { title: 'Из пакета 2' }],
      })
    ).json().items;
    const started = await eventually(() => instancesOf(id), 3);
    expect(started.map((item) => item.recordId).sort()).toEqual(
      [deal.id, ...batch.map((d: { id: string }) => d.id)].sort(),
    );
    expect(started.every((item) => item.initiatorId === team.users.managerA.id)).toBe(true);
    const detail = (await owner.request('GET', `/api/process-instances/${started[0]!.id}`)).json();
    expect(detail.variables.trigger.event).toBe('deal.created');
    expect(detail.variables.deal.id).toBe(detail.recordId);
    // The task went to the manager (the initiator) and nothing is left to drain.
    const inbox = (await manager.request('GET', '/api/process-tasks')).json().items;
    expect(
      inbox.filter((task: { instanceId: string }) => started.some((s) => s.id === task.instanceId)),
    ).toHaveLength(3);
    expect(await pendingEvents()).toBe(0);
  });

  it('starts when a deal enters the chosen stage, not on other moves', async () => {
    const target = pipeline.stages.filter((stage) => stage.kind === 'open')[2]!;
    const other = pipeline.stages.filter((stage) => stage.kind === 'open')[1]!;
    const id = await processWithTrigger('on-stage', 'deal.stageEntered', 'deal', { stageId: target.id });
    const deal = (await manager.request('POST', '/api/deals', { title: 'Движение', amount: 10 })).json();
    await t.database.db.updateTable('deals').set({ stage_id: other.id }).where('id', '=', deal.id).execute();
    await t.database.db.updateTable('deals').set({ stage_id: target.id }).where('id', '=', deal.id).execute();
    const started = await eventually(() => instancesOf(id), 1);
    expect(started.map((item) => item.recordId)).toEqual([deal.id]);
    const detail = (await owner.request('GET', `/api/process-instances/${started[0]!.id}`)).json();
    expect(detail.variables.trigger).toMatchObject({
      event: 'deal.stageEntered',
      stageId: target.id,
      fromStageId: other.id,
    });
  });

  it('starts on a new lead and when a watched field changes, only processes made for that record', async () => {
    const onLead = await processWithTrigger('on-lead', 'lead.created', 'lead');
    const onField = await processWithTrigger('on-field', 'record.fieldChanged', 'deal', {
      entity: 'deal',
      field: 'amount',
    });
    // Made for deals or for no record at all: a lead event does not start them.
    const dealProcess = await processWithStaleTrigger('deal-on-lead', 'lead.created', 'deal');
    const noRecord = await processWithStaleTrigger('nothing-on-lead', 'lead.created', null);
    const leadOnField = await processWithTrigger('lead-on-field', 'record.fieldChanged', 'lead', {
      field: 'amount',
    });
    const lead = (await manager.request('POST', '/api/leads', { title: 'Заявка с сайта' })).json();
    const deal = (await manager.request('POST', '/api/deals', { title: 'Сумма', amount: 10 })).json();
    await manager.request('PATCH', `/api/deals/${deal.id}`, { title: 'Только название' });
    await manager.request('PATCH', `/api/deals/${deal.id}`, { amount: 20 });
    expect((await eventually(() => instancesOf(onLead), 1)).map((item) => item.recordId)).toEqual([lead.id]);
    const changed = await eventually(() => instancesOf(onField), 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await instancesOf(onField)).map((item) => item.recordId)).toEqual([deal.id]);
    expect(changed).toHaveLength(1);
    expect(await instancesOf(dealProcess)).toEqual([]);
    expect(await instancesOf(noRecord)).toEqual([]);
    expect(await instancesOf(leadOnField)).toEqual([]);
    expect(await pendingEvents()).toBe(0);
  });

  it('refuses to save a trigger that could never start the process, naming each one, and keeps the old ones', async () => {
    const id = await processWithTrigger('lead-only', 'lead.created', 'lead');
    const refused = await owner.request('PUT', `/api/processes/${id}/triggers`, {
      items: [
        { event: 'lead.created' },
        { event: 'deal.stageEntered', conditions: { stageId: pipeline.stages[1]!.id } },
        { event: 'record.fieldChanged', conditions: { entity: 'company', field: 'name' } },
        { event: 'schedule', conditions: { cron: '0 9 * * 1' } },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.items.1.event', code: 'event_record', runsOn: 'lead' }),
      expect.objectContaining({ path: 'body.items.2.conditions.entity', code: 'field_record' }),
      expect.objectContaining({ path: 'body.items.3.event', code: 'event_record' }),
    ]);
    const kept = (await owner.request('GET', `/api/processes/${id}`)).json().triggers;
    expect(kept.map((trigger: { event: string }) => trigger.event)).toEqual(['lead.created']);
  });
});
