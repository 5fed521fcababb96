import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { eventsChannel } from '../events/event-bus';
import { startInstance } from './runtime';

let keys = 0;
/** A fixture under a fresh process id: ids are unique per workspace (call activities find processes by them). */
const fixture = (name: string) => {
  const xml = readFileSync(
    new URL(`../../../../../packages/domain/src/process/fixtures/${name}.bpmn`, import.meta.url),
    'utf8',
  );
  const key = /<bpmn:process id="([^"]+)"/.exec(xml)?.[1] ?? name;
  keys += 1;
  return xml.replaceAll(`"${key}"`, `"${key}-${keys}"`);
};

let t: TestApp;
let team: Team;
let owner: Client;
let head: Client;
let manager: Client;

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'processes');
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  manager = await signIn(t.app, team.users.managerA.email);
});

async function publish(xml: string, name = 'Процесс', runsOn: string | null = null) {
  const created = await owner.request('POST', '/api/processes', { name, xml, runsOn });
  expect(created.statusCode).toBe(201);
  const published = await owner.request('POST', `/api/processes/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

describe('designer: drafts and publishing', () => {
  it('publishes a valid draft and refuses one with unsupported elements, naming each', async () => {
    const bad = fixture('service-exclusive-user').replace(
      '<bpmn:endEvent id="endSmall" name="Не требуется" />',
      '<bpmn:scriptTask id="script" name="JS" /><bpmn:endEvent id="endSmall" name="Не требуется" />',
    );
    const created = (await owner.request('POST', '/api/processes', { name: 'Плохой', xml: bad })).json();
    const refused = await owner.request('POST', `/api/processes/${created.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('process_invalid');
    expect(refused.json().error.details).toEqual(
      expect.arrayContaining([
        {
          path: 'script',
          elementType: 'bpmn:ScriptTask',
          code: 'unsupported_element',
          // The designer words the problem in the user's language from the code and these.
          params: { element: '"JS" (script)', type: 'ScriptTask' },
          message: '"JS" (script): ScriptTask is not supported',
        },
      ]),
    );
    const detail = (await owner.request('GET', `/api/processes/${created.id}`)).json();
    expect(detail.publishedVersion).toBeNull();
    expect(detail.hasDraft).toBe(true);

    const good = await publish(fixture('service-exclusive-user'), 'Согласование');
    expect(good.publishedVersion).toBe(1);
    expect(good.hasDraft).toBe(false);
    // Editing a published process opens version 2 as a draft; version 1 stays what instances run.
    const edited = await owner.request('PUT', `/api/processes/${good.id}/draft`, { xml: good.xml });
    expect(
      edited.json().versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
  });

  it('lets owners, admins and heads of sales change processes, not managers', async () => {
    const refused = await manager.request('POST', '/api/processes', { name: 'Мой процесс' });
    expect(refused.statusCode).toBe(403);
    expect((await head.request('POST', '/api/processes', { name: 'Процесс отдела' })).statusCode).toBe(201);
  });
});

/** The fixture's approval offers approve or reject. */
const approvalOnDeal = () =>
  fixture('service-exclusive-user').replace(
    '<bpmn:userTask id="approve" name="Согласовать">',
    '<bpmn:userTask id="approve" name="Согласовать" voronka:decisions="approve reject">',
  );

describe('which records a process runs on', () => {
  it('keeps runsOn with the definition: given at creation, taken from a template, changed with the draft', async () => {
    const own = (await owner.request('POST', '/api/processes', { name: 'Свой' })).json();
    expect(own.runsOn).toBeNull();
    const saved = await owner.request('PUT', `/api/processes/${own.id}/draft`, {
      xml: own.xml,
      runsOn: 'company',
    });
    expect(saved.json().runsOn).toBe('company');
    const kept = await owner.request('PUT', `/api/processes/${own.id}/draft`, { xml: own.xml });
    expect(kept.json().runsOn).toBe('company');
    const leads = (await owner.request('POST', '/api/processes', { template: 'lead-servicing' })).json();
    expect(leads.runsOn).toBe('lead');
    const vacation = (await owner.request('POST', '/api/processes', { template: 'vacation' })).json();
    expect(vacation.runsOn).toBeNull();
    const listed = (await owner.request('GET', '/api/processes')).json().items;
    expect(listed.find((item: { id: string }) => item.id === leads.id).runsOn).toBe('lead');
    const templates = (await owner.request('GET', '/api/process-templates')).json().items;
    expect(
      Object.fromEntries(
        templates.map((item: { key: string; runsOn: string | null }) => [item.key, item.runsOn]),
      ),
    ).toMatchObject({
      'lead-servicing': 'lead',
      'contract-approval': 'deal',
      'invoice-payment': 'deal',
      vacation: null,
    });
    const wrong = await owner.request('PUT', `/api/processes/${own.id}/draft`, {
      xml: own.xml,
      runsOn: 'task',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.runsOn');
  });

  it('refuses a start on another kind of record, or without the record it needs, with 422 naming body.entity', async () => {
    const onDeals = await publish(approvalOnDeal(), 'Только сделки', 'deal');
    const withoutRecord = await publish(approvalOnDeal(), 'Без записи', null);
    const lead = (await manager.request('POST', '/api/leads', { title: 'Лид' })).json();
    const deal = (await manager.request('POST', '/api/deals', { title: 'Сделка', amount: 1 })).json();
    const cases = [
      [onDeals.id, { entity: 'lead', recordId: lead.id }, 'This process runs on a deal, not on a lead'],
      [onDeals.id, {}, 'This process runs on a deal: start it from one'],
      [
        withoutRecord.id,
        { entity: 'deal', recordId: deal.id },
        'This process runs without a record: start it without one',
      ],
    ] as const;
    for (const [id, body, message] of cases) {
      const refused = await manager.request('POST', `/api/processes/${id}/start`, body);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: 'process_invalid',
        message,
        details: [{ path: 'body.entity', code: 'runs_on_mismatch' }],
      });
    }
    expect(
      (await owner.request('GET', `/api/process-instances?definitionId=${onDeals.id}`)).json().items,
    ).toEqual([]);
    const started = await manager.request('POST', `/api/processes/${withoutRecord.id}/start`, {});
    expect(started.statusCode, started.body).toBe(201);
  });
});

describe('runtime: start, inbox, monitor', () => {
  it('runs a process on a deal: action, branch, a task in the inbox with a required field, completion', async () => {
    const process = await publish(approvalOnDeal(), 'Крупная сделка', 'deal');
    const deal = (await manager.request('POST', '/api/deals', { title: 'Станки', amount: 5000 })).json();
    const hints: string[] = [];
    const stopListening = await t.database.listen(eventsChannel, (payload) => hints.push(payload));
    const started = await manager.request('POST', `/api/processes/${process.id}/start`, {
      entity: 'deal',
      recordId: deal.id,
      variables: { amount: 5000 },
    });
    expect(started.statusCode).toBe(201);
    const instance = started.json();
    expect(instance.status).toBe('running');
    expect(instance.waitingAt).toEqual(['approve']);
    expect(instance.waitingSteps).toEqual([{ elementId: 'approve', name: 'Согласовать' }]);
    expect(instance.variables.deal.title).toBe('Станки');
    // The monitor's list reads the same: the step by its name, the record by its title.
    const listed = (await owner.request('GET', `/api/process-instances?definitionId=${process.id}`)).json()
      .items;
    expect(listed).toMatchObject([
      {
        id: instance.id,
        recordTitle: 'Станки',
        waitingSteps: [{ elementId: 'approve', name: 'Согласовать' }],
      },
    ]);

    // The service task made a CRM task in the same transaction.
    const crmTasks = (await manager.request('GET', `/api/tasks?entity=deal&recordId=${deal.id}`)).json()
      .items;
    expect(crmTasks.map((task: { title: string }) => task.title)).toContain('Проверить сделку Станки');

    // The approval goes to heads of sales: the head sees it, the manager does not.
    const inbox = (await head.request('GET', '/api/process-tasks')).json().items;
    const task = inbox.find((item: { instanceId: string }) => item.instanceId === instance.id);
    expect(task).toMatchObject({
      name: 'Согласовать',
      candidateRole: 'head_of_sales',
      status: 'open',
      recordTitle: 'Станки',
      decisions: ['approve', 'reject'],
    });
    expect(instance.recordTitle).toBe('Станки');
    expect((await manager.request('GET', '/api/process-tasks')).json().items).toEqual([]);
    // The assignee's browser hears of the task live (a batched hint, sent after the step).
    await waitFor(
      async () => hints,
      (received) => received.some((hint) => hint.includes(`/inbox/${task.id}`)),
    );
    await stopListening();
    expect(hints.some((hint) => hint.includes(`/inbox/${task.id}`))).toBe(true);
    const notYours = await manager.request('POST', `/api/process-tasks/${task.id}/complete`, { values: {} });
    expect(notYours.statusCode).toBe(403);

    // An approval takes one of its own decisions, nothing else and not nothing.
    for (const outcome of [undefined, 'revise', 'done']) {
      const refused = await head.request('POST', `/api/process-tasks/${task.id}/complete`, {
        ...(outcome && { outcome }),
        values: { approved: true, comment: 'Да' },
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error.details).toEqual([
        expect.objectContaining({
          path: 'body.outcome',
          code: 'decision_not_allowed',
          allowed: ['approve', 'reject'],
        }),
      ]);
    }
    const missing = await head.request('POST', `/api/process-tasks/${task.id}/complete`, {
      outcome: 'approve',
      values: { approved: true },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { path: 'body.values.comment', message: 'Комментарий is required' },
    ]);
    const done = await head.request('POST', `/api/process-tasks/${task.id}/complete`, {
      outcome: 'approve',
      values: { approved: true, comment: 'Берём' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('completed');
    const twice = await head.request('POST', `/api/process-tasks/${task.id}/complete`, {
      outcome: 'approve',
      values: { approved: true, comment: 'Ещё раз' },
    });
    expect(twice.statusCode).toBe(409);

    const finished = (await head.request('GET', `/api/process-instances/${instance.id}`)).json();
    expect(finished.status).toBe('completed');
    expect(finished.tokens).toEqual([]);
    expect(finished.variables).toMatchObject({
      approved: true,
      comment: 'Берём',
      outcome: 'approve',
      decision: 'approve',
    });
    const steps = finished.steps.map((s: { event: string; elementId: string }) => [s.event, s.elementId]);
    expect(steps).toEqual([
      ['started', ''],
      ['action', 'createTask'],
      ['task created', 'approve'],
      ['passed', 'approve'],
      ['completed', 'approve'],
      ['completed', ''],
      ['passed', 'endApproved'],
    ]);
    // The path the monitor draws: every element and flow passed, in order.
    const path = finished.steps
      .filter((s: { event: string }) => s.event === 'passed')
      .flatMap((s: { detail: { path: string[] } }) => s.detail.path);
    expect(path).toEqual([
      'start',
      'f1',
      'createTask',
      'f2',
      'bigDeal',
      'toBig',
      'approve',
      'f3',
      'endApproved',
    ]);
    const list = (await owner.request('GET', `/api/process-instances?definitionId=${process.id}`)).json()
      .items;
    expect(list.map((item: { id: string }) => item.id)).toEqual([instance.id]);
  });

  it('fires timers through the job queue', async () => {
    const xml = fixture('timers')
      .replace('PT10M', 'PT1S')
      .replace('=date and time(deal.closeDate) - duration("P1D")', '=now() + duration("PT1S")');
    const process = await publish(xml, 'Таймеры');
    const instance = (await owner.request('POST', `/api/processes/${process.id}/start`, {})).json();
    expect(instance.waitingAt).toEqual(['tenMinutes']);
    const finished = await waitFor(
      async () => (await owner.request('GET', `/api/process-instances/${instance.id}`)).json(),
      (value) => value.status !== 'running',
    );
    expect(finished.status).toBe('completed');
    expect(finished.steps.filter((s: { event: string }) => s.event === 'timer fired')).toHaveLength(2);
  });
});

describe('who gets a user task', () => {
  const headTask = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="check" name="Проверить"><bpmn:extensionElements><voronka:assignee kind="departmentHead" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

  it('gives "department head" without a department to the head of the initiator’s department, else the owner', async () => {
    const process = await publish(headTask('head-of-initiator'), 'Руководителю');
    const started = (await manager.request('POST', `/api/processes/${process.id}/start`, {})).json();
    expect(started.variables.initiatorId).toBe(team.users.managerA.id);
    const [task] = (await head.request('GET', `/api/process-tasks?instanceId=${started.id}`)).json().items;
    expect(task.assigneeId).toBe(team.users.head.id);
    // A plain task takes no decision: it is completed as it is.
    expect(task.decisions).toEqual([]);
    const decided = await head.request('POST', `/api/process-tasks/${task.id}/complete`, {
      outcome: 'approve',
      values: {},
    });
    expect(decided.statusCode).toBe(422);
    expect(decided.json().error.details[0]).toMatchObject({ path: 'body.outcome', allowed: [] });

    // Started by nobody (as a trigger may start it) and so with no department: the owner, never no one.
    const versionId = process.versions[0].id as string;
    const instanceId = await t.database.db.transaction().execute((trx) =>
      startInstance(trx, t.processes!, {
        workspaceId: team.workspaceId,
        definitionId: process.id,
        versionId,
      }),
    );
    const [orphan] = (await owner.request('GET', `/api/process-tasks?instanceId=${instanceId}`)).json().items;
    expect(orphan.assigneeId).toBe(team.users.owner.id);
  });
});
