import { beforeAll, describe, expect, it } from 'vitest';
import { instancesOf, oneTaskProcess, publishProcess } from '../../../test/processes';
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
let pbx: Record<string, string>;

const onMissedCall = (key: string, runsOn: 'lead' | 'deal') =>
  publishProcess(owner, key, oneTaskProcess(key, 'Разобрать пропущенный'), runsOn, [
    { event: 'call.missed', conditions: {} },
  ]);

const report = (body: Record<string, unknown>, headers = pbx) =>
  t.app.inject({ method: 'POST', url: '/api/telephony/calls', headers, payload: body });

const countOf = async (table: 'leads' | 'activities' | 'tasks') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', team.workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'telephony');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  const token = (await owner.request('POST', '/api/api-tokens', { name: 'АТС', scopes: ['write'] })).json()
    .token;
  pbx = { authorization: `Bearer ${token}` };
});

describe('calls reported by a PBX', () => {
  it('turns a missed call from an unknown number into a lead with a call-back task and starts the lead process', async () => {
    const process = await onMissedCall('missed-lead', 'lead');
    const response = await report({
      callId: 'pbx-1001',
      direction: 'in',
      status: 'missed',
      phone: '8 (912) 555-01-01',
      line: '+7 495 100-00-01 (Яндекс Директ)',
      userId: team.users.managerA.id,
      startedAt: '2026-11-30T09:00:00+03:00',
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ entity: 'lead', leadCreated: true, duplicate: false });
    expect(result.activity).toMatchObject({
      kind: 'call',
      direction: 'in',
      result: 'missed',
      durationSeconds: 0,
    });

    const lead = (await manager.request('GET', `/api/leads/${result.recordId}`)).json();
    expect(lead).toMatchObject({
      title: 'Входящий звонок +7 912 555-01-01',
      phone: '+79125550101',
      source: 'phone',
      channel: '+7 495 100-00-01 (Яндекс Директ)',
      status: 'new',
      responsibleId: team.users.managerA.id,
    });
    const task = (await manager.request('GET', `/api/tasks/${result.taskId}`)).json();
    expect(task).toMatchObject({
      title: 'Перезвонить: +7 912 555-01-01',
      assigneeId: team.users.managerA.id,
      priority: 'high',
      entity: 'lead',
      recordId: result.recordId,
      dueAt: '2026-11-30T06:15:00.000Z',
    });
    const started = await instancesOf(owner, process, 1);
    expect(started.map((item) => item.recordId)).toEqual([result.recordId]);
  });

  it('counts a call reported twice once: no second activity, lead or task', async () => {
    const before = await Promise.all([countOf('leads'), countOf('activities'), countOf('tasks')]);
    const again = await report({
      callId: 'pbx-1001',
      direction: 'in',
      status: 'missed',
      phone: '+79125550101',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, leadCreated: false, taskId: null, entity: 'lead' });
    expect(await Promise.all([countOf('leads'), countOf('activities'), countOf('tasks')])).toEqual(before);
  });

  it('logs a call from a known contact on their open deal, and a missed one starts the deal process', async () => {
    const process = await onMissedCall('missed-deal', 'deal');
    const contact = (
      await manager.request('POST', '/api/contacts', { name: 'Ольга Смирнова', phones: ['+7 903 222-33-44'] })
    ).json();
    const deal = (
      await manager.request('POST', '/api/deals', {
        title: 'Коробки для Ольги',
        amount: 40_000,
        contactId: contact.id,
      })
    ).json();
    const leadsBefore = await countOf('leads');

    const answered = await report({
      callId: 'pbx-2001',
      direction: 'out',
      status: 'answered',
      phone: '89032223344',
      userId: team.users.managerA.id,
      durationSeconds: 185,
      recordingUrl: 'https://pbx.example.ru/rec/2001.mp3',
    });
    expect(answered.json()).toMatchObject({
      entity: 'deal',
      recordId: deal.id,
      leadCreated: false,
      taskId: null,
    });
    expect(answered.json().activity).toMatchObject({
      result: 'answered',
      durationSeconds: 185,
      authorId: team.users.managerA.id,
      recordingUrl: 'https://pbx.example.ru/rec/2001.mp3',
    });

    const missed = (
      await report({ callId: 'pbx-2002', direction: 'in', status: 'missed', phone: '+79032223344' })
    ).json();
    expect(missed).toMatchObject({ entity: 'deal', recordId: deal.id, leadCreated: false });
    expect(missed.taskId).not.toBeNull();
    expect(await countOf('leads')).toBe(leadsBefore);
    expect((await instancesOf(owner, process, 1)).map((item) => item.recordId)).toEqual([deal.id]);

    // The deal's timeline shows both calls.
    const timeline = (await manager.request('GET', `/api/timeline/deal/${deal.id}`)).json().items;
    const calls = timeline.filter((item: { activity?: { kind: string } }) => item.activity?.kind === 'call');
    expect(calls.map((item: { activity: { result: string } }) => item.activity.result).sort()).toEqual([
      'answered',
      'missed',
    ]);
  });

  it('makes a missed call from a contact with no open deal a lead for the contact’s manager', async () => {
    const contact = (
      await manager.request('POST', '/api/contacts', { name: 'Пётр Лебедев', phones: ['+7 916 777-88-99'] })
    ).json();
    const missed = (
      await report({ callId: 'pbx-3001', direction: 'in', status: 'missed', phone: '9167778899' })
    ).json();
    expect(missed).toMatchObject({ entity: 'lead', leadCreated: true });
    const lead = (await owner.request('GET', `/api/leads/${missed.recordId}`)).json();
    expect(lead).toMatchObject({ contactName: 'Пётр Лебедев', responsibleId: team.users.managerA.id });
    // An answered call from the same contact afterwards goes to that open lead, not to a new one.
    const answered = (
      await report({ callId: 'pbx-3002', direction: 'out', status: 'answered', phone: '+79167778899' })
    ).json();
    expect(answered).toMatchObject({ entity: 'lead', recordId: missed.recordId, leadCreated: false });
    expect(contact.id).toBeTruthy();
  });

  it('refuses a number that is not a phone, a manager’s token, and a read-only token, writing nothing', async () => {
    const before = await Promise.all([countOf('leads'), countOf('activities')]);
    const bad = await report({ callId: 'pbx-4001', direction: 'in', status: 'missed', phone: 'аноним' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'body.phone' })]);

    const managerToken = (
      await manager.request('POST', '/api/api-tokens', { name: 'Мой', scopes: ['write'] })
    ).json().token;
    const asManager = await report(
      { callId: 'pbx-4002', direction: 'in', status: 'missed', phone: '+79991112233' },
      { authorization: `Bearer ${managerToken}` },
    );
    expect(asManager.statusCode).toBe(403);

    const readToken = (
      await owner.request('POST', '/api/api-tokens', { name: 'Чтение', scopes: ['read'] })
    ).json().token;
    const readOnly = await report(
      { callId: 'pbx-4003', direction: 'in', status: 'missed', phone: '+79991112233' },
      { authorization: `Bearer ${readToken}` },
    );
    expect(readOnly.statusCode).toBe(403);
    expect(await Promise.all([countOf('leads'), countOf('activities')])).toEqual(before);
  });
});
