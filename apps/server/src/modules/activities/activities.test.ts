import type { TimelineItem } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
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
let manager: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'activities');
  manager = await signIn(t.app, team.users.managerA.email);
});

describe('activities and the timeline', () => {
  it('a call, a comment with a mention, a task and a change all appear on the record, newest first', async () => {
    const lead = (await manager.request('POST', '/api/leads', { title: 'Звонок с сайта' })).json();
    const call = await manager.request('POST', '/api/activities', {
      kind: 'call',
      entity: 'lead',
      recordId: lead.id,
      direction: 'in',
      durationSeconds: 185,
      result: 'Просит КП',
      recordingUrl: 'https://pbx.example.ru/rec/1.mp3',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(call.statusCode, call.body).toBe(200);
    const comment = await manager.request('POST', '/api/activities', {
      kind: 'comment',
      entity: 'lead',
      recordId: lead.id,
      body: '@Ирина посмотрите',
      mentions: [team.users.head.id],
    });
    expect(comment.json().mentions).toEqual([team.users.head.id]);
    await manager.request('POST', '/api/tasks', { title: 'Отправить КП', entity: 'lead', recordId: lead.id });
    await manager.request('PATCH', `/api/leads/${lead.id}`, { status: 'in_work' });

    const items = (await manager.request('GET', `/api/timeline/lead/${lead.id}`)).json()
      .items as TimelineItem[];
    expect(items.map((item) => item.kind)).toContain('activity');
    expect(items.map((item) => item.kind)).toContain('task');
    expect(items.find((item) => item.change?.field === 'status')).toMatchObject({
      change: { oldValue: 'new', newValue: 'in_work' },
    });
    expect(items.find((item) => item.activity?.kind === 'call')).toMatchObject({
      activity: { durationSeconds: 185, direction: 'in', result: 'Просит КП' },
    });
    const times = items.map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('a deal converted from a lead shows the lead’s timeline too', async () => {
    const lead = (
      await manager.request('POST', '/api/leads', { title: 'Лид до сделки', contactName: 'Пётр' })
    ).json();
    await manager.request('POST', '/api/activities', {
      kind: 'note',
      entity: 'lead',
      recordId: lead.id,
      body: 'Интересуется оптом',
    });
    const { dealId } = (await manager.request('POST', `/api/leads/${lead.id}/convert`, {})).json();
    const items = (await manager.request('GET', `/api/timeline/deal/${dealId}`)).json()
      .items as TimelineItem[];
    expect(items.find((item) => item.activity?.body === 'Интересуется оптом')).toMatchObject({
      fromLead: true,
    });
    expect(items.some((item) => !item.fromLead && item.change?.action === 'create')).toBe(true);
  });

  it('cannot be written on a record the caller cannot see, nor mention a stranger', async () => {
    const lead = (await manager.request('POST', '/api/leads', { title: 'Чужой' })).json();
    const other = await signIn(t.app, team.users.managerB.email);
    const hidden = await other.request('POST', '/api/activities', {
      kind: 'note',
      entity: 'lead',
      recordId: lead.id,
      body: 'x',
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details[0].path).toBe('body.recordId');
    expect((await other.request('GET', `/api/timeline/lead/${lead.id}`)).statusCode).toBe(404);
    const stranger = await createTeam(t, 'activities-other');
    const mention = await manager.request('POST', '/api/activities', {
      kind: 'comment',
      entity: 'lead',
      recordId: lead.id,
      body: 'x',
      mentions: [stranger.users.owner.id],
    });
    expect(mention.json().error.details[0].path).toBe('body.mentions.0');
    const badUrl = await manager.request('POST', '/api/activities', {
      kind: 'call',
      entity: 'lead',
      recordId: lead.id,
      recordingUrl: 'javascript:alert(1)',
    });
    expect(badUrl.json().error.details[0].path).toBe('body.recordingUrl');
  });
});
