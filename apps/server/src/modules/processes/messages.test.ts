import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { cronProblem, lastDue } from './schedules';

let t: TestApp;
let team: Team;
let owner: Client;

const definitions = `xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn"`;

// Waits for "invoicePaid" with the instance's own invoice number.
const waitsForPayment = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${definitions}>
  <bpmn:message id="paid" name="invoicePaid" voronka:correlationKey="invoiceId" />
  <bpmn:process id="invoice-wait" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="payment" />
    <bpmn:sequenceFlow id="f2" sourceRef="payment" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

// Starts when "siteRequest" arrives.
const startsOnRequest = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${definitions}>
  <bpmn:message id="request" name="siteRequest" />
  <bpmn:process id="on-request" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="request" /></bpmn:startEvent>
    <bpmn:userTask id="call" name="Перезвонить"><bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const everySecond = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${definitions}>
  <bpmn:process id="every-second" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

async function publish(xml: string): Promise<string> {
  const created = (await owner.request('POST', '/api/processes', { name: 'Процесс', xml })).json();
  const published = await owner.request('POST', `/api/processes/${created.id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return created.id;
}

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'messages');
  owner = await signIn(t.app, team.users.owner.email);
});

describe('messages', () => {
  it('moves on only the instance whose correlation key matches', async () => {
    const id = await publish(waitsForPayment);
    const first = (
      await owner.request('POST', `/api/processes/${id}/start`, { variables: { invoiceId: 'СЧ-1' } })
    ).json();
    const second = (
      await owner.request('POST', `/api/processes/${id}/start`, { variables: { invoiceId: 'СЧ-2' } })
    ).json();
    expect(first.waitingAt).toEqual(['payment']);
    const sent = await owner.request('POST', '/api/process-messages', {
      name: 'invoicePaid',
      correlationKey: 'СЧ-1',
      variables: { paidAt: '2026-11-29' },
    });
    expect(sent.json()).toEqual({ delivered: 1, started: 0 });
    const done = (await owner.request('GET', `/api/process-instances/${first.id}`)).json();
    expect(done.status).toBe('completed');
    expect(done.variables.paidAt).toBe('2026-11-29');
    expect((await owner.request('GET', `/api/process-instances/${second.id}`)).json().status).toBe('running');
    // Delivered again, nothing is waiting for it any more.
    const again = await owner.request('POST', '/api/process-messages', {
      name: 'invoicePaid',
      correlationKey: 'СЧ-1',
    });
    expect(again.json()).toEqual({ delivered: 0, started: 0 });
  });

  it('starts a process that begins with the message', async () => {
    const id = await publish(startsOnRequest);
    const sent = await owner.request('POST', '/api/process-messages', {
      name: 'siteRequest',
      variables: { phone: '+7 900' },
    });
    expect(sent.json()).toEqual({ delivered: 0, started: 1 });
    const [instance] = (await owner.request('GET', `/api/process-instances?definitionId=${id}`)).json().items;
    expect(instance.waitingAt).toEqual(['call']);
    expect((await owner.request('POST', '/api/process-messages', { name: '' })).statusCode).toBe(400);
  });
});

describe('schedules', () => {
  it('reads cron expressions in the workspace time zone', () => {
    expect(lastDue('0 9 * * 1', new Date('2026-11-25T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    );
    expect(lastDue('0 9 * * 1', new Date('2026-11-23T06:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    );
    expect(cronProblem('0 9 * * 1')).toBeNull();
    expect(cronProblem('every monday')).not.toBeNull();
  });

  it('starts one instance per due time', async () => {
    const id = await publish(everySecond);
    await owner.request('PUT', `/api/processes/${id}/triggers`, {
      items: [{ event: 'schedule', conditions: { cron: '* * * * * *' } }],
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { rows } = await sql<{ due: string; n: string }>`
      select variables -> 'trigger' ->> 'dueAt' as due, count(*) as n from process_instances
      where definition_id = ${id} group by 1`.execute(t.database.db);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
  });
});
