import type { CalendarItem, Task } from '@voronka/domain';
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
let head: Client;
let managerA: Client;
let managerB: Client;

// A fixed week far from "now", so other tests' tasks never fall into it.
const day = (n: number, hour = 10) => new Date(Date.UTC(2031, 2, 10 + n, hour)).toISOString();
const week = `from=${encodeURIComponent(day(0, 0))}&to=${encodeURIComponent(day(7, 0))}`;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'calendar');
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  managerB = await signIn(t.app, team.users.managerB.email);
});

async function created<T>(client: Client, url: string, body: Record<string, unknown>): Promise<T> {
  const response = await client.request('POST', url, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function calendar(client: Client, query = week): Promise<CalendarItem[]> {
  const response = await client.request('GET', `/api/calendar?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().truncated).toBe(false);
  return response.json().items;
}

describe('tasks carry their record’s title', () => {
  it('in lists and by id, but only for a record the caller may see', async () => {
    const lead = await created<{ id: string }>(head, '/api/leads', { title: 'Заявка с выставки' });
    // The head sets a task on the head's own lead for manager A, who sees the task but not the lead.
    const task = await created<Task>(head, '/api/tasks', {
      title: 'Позвонить по заявке',
      entity: 'lead',
      recordId: lead.id,
      assigneeId: team.users.managerA.id,
    });
    expect(task.recordTitle).toBe('Заявка с выставки');
    expect((await head.request('GET', `/api/tasks/${task.id}`)).json().recordTitle).toBe('Заявка с выставки');
    const headList = (await head.request('GET', '/api/tasks?scope=all')).json().items as Task[];
    expect(headList.find((item) => item.id === task.id)?.recordTitle).toBe('Заявка с выставки');

    const byId = (await managerA.request('GET', `/api/tasks/${task.id}`)).json() as Task;
    expect(byId).toMatchObject({ entity: 'lead', recordId: lead.id, recordTitle: null });
    const mine = (await managerA.request('GET', '/api/tasks?scope=all')).json().items as Task[];
    expect(mine.find((item) => item.id === task.id)?.recordTitle).toBeNull();
    expect((await managerB.request('GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);

    const own = await created<Task>(managerA, '/api/tasks', { title: 'Без записи' });
    expect(own.recordTitle).toBeNull();
    const done = (await managerA.request('POST', `/api/tasks/${task.id}/complete`)).json();
    expect(done.task.recordTitle).toBeNull();
    const edited = (
      await head.request('PATCH', `/api/tasks/${task.id}`, { title: 'Позвонить ещё раз' })
    ).json();
    expect(edited.recordTitle).toBe('Заявка с выставки');
  });
});

describe('the calendar', () => {
  it('shows tasks by deadline and meetings by time, each person only their own under "own" visibility', async () => {
    const deal = await created<{ id: string }>(managerA, '/api/deals', { title: 'Модернизация цеха' });
    const meeting = await created<{ id: string }>(managerA, '/api/activities', {
      kind: 'meeting',
      entity: 'deal',
      recordId: deal.id,
      subject: 'Встреча с главным инженером',
      occurredAt: day(2, 9),
      durationSeconds: 5400,
    });
    await created(managerA, '/api/activities', {
      kind: 'call',
      entity: 'deal',
      recordId: deal.id,
      occurredAt: day(2, 11),
    });
    const task = await created<Task>(managerA, '/api/tasks', {
      title: 'Отправить КП',
      entity: 'deal',
      recordId: deal.id,
      dueAt: day(1),
    });
    const bDeal = await created<{ id: string }>(managerB, '/api/deals', { title: 'Сделка Б' });
    const bMeeting = await created<{ id: string }>(managerB, '/api/activities', {
      kind: 'meeting',
      entity: 'deal',
      recordId: bDeal.id,
      subject: 'Встреча Б',
      occurredAt: day(3),
    });
    const bTask = await created<Task>(managerB, '/api/tasks', { title: 'Задача Б', dueAt: day(3) });

    const items = await calendar(managerA);
    expect(items.map((item) => item.id)).toEqual([task.id, meeting.id]);
    expect(items[0]).toMatchObject({
      kind: 'task',
      title: 'Отправить КП',
      startsAt: day(1),
      endsAt: null,
      personId: team.users.managerA.id,
      recordTitle: 'Модернизация цеха',
      link: `/deals/${deal.id}`,
      task: { id: task.id, recordTitle: 'Модернизация цеха' },
    });
    expect(items[1]).toMatchObject({
      kind: 'meeting',
      title: 'Встреча с главным инженером',
      startsAt: day(2, 9),
      endsAt: new Date(Date.parse(day(2, 9)) + 5400_000).toISOString(),
      personId: team.users.managerA.id,
      entity: 'deal',
      recordId: deal.id,
      recordTitle: 'Модернизация цеха',
      link: `/deals/${deal.id}`,
    });
    expect((await calendar(managerB)).map((item) => item.id)).toEqual(
      [bMeeting.id, bTask.id].sort((x, y) => x.localeCompare(y)),
    );

    // The head of their department sees both, and can narrow the calendar to one person.
    const headIds = (await calendar(head)).map((item) => item.id);
    expect(headIds).toEqual(expect.arrayContaining([task.id, meeting.id, bMeeting.id, bTask.id]));
    const onlyB = (await calendar(head, `${week}&userId=${team.users.managerB.id}`)).map((item) => item.id);
    expect(onlyB.sort()).toEqual([bMeeting.id, bTask.id].sort());
    // A task without a record opens the task itself.
    expect((await calendar(head)).find((item) => item.id === bTask.id)?.link).toBe(`/tasks?task=${bTask.id}`);
  });

  it('takes from inclusive and to exclusive', async () => {
    const deal = await created<{ id: string }>(managerA, '/api/deals', { title: 'Границы' });
    const at = new Date(Date.UTC(2031, 5, 1, 12)).toISOString();
    const meeting = await created<{ id: string }>(managerA, '/api/activities', {
      kind: 'meeting',
      entity: 'deal',
      recordId: deal.id,
      occurredAt: at,
    });
    const task = await created<Task>(managerA, '/api/tasks', { title: 'Ровно в полдень', dueAt: at });
    const range = (from: string, to: string) =>
      `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const later = new Date(Date.parse(at) + 3600_000).toISOString();
    const earlier = new Date(Date.parse(at) - 3600_000).toISOString();
    expect((await calendar(managerA, range(at, later))).map((item) => item.id).sort()).toEqual(
      [meeting.id, task.id].sort(),
    );
    expect(await calendar(managerA, range(earlier, at))).toEqual([]);
    // The same instant written with another offset is the same bound.
    expect(await calendar(managerA, range(earlier, '2031-06-01T15:00:00+03:00'))).toEqual([]);
  });

  it('refuses a bad range, naming the field', async () => {
    const cases: [string, string][] = [
      [`to=${encodeURIComponent(day(1))}`, 'querystring.from'],
      [`from=yesterday&to=${encodeURIComponent(day(1))}`, 'querystring.from'],
      [`from=${encodeURIComponent(day(2))}&to=${encodeURIComponent(day(1))}`, 'querystring.to'],
      [`from=${encodeURIComponent(day(1))}&to=${encodeURIComponent(day(1))}`, 'querystring.to'],
      [`from=${encodeURIComponent(day(0))}&to=${encodeURIComponent(day(63))}`, 'querystring.to'],
      [`${week}&userId=someone`, 'querystring.userId'],
    ];
    for (const [query, path] of cases) {
      const response = await managerA.request('GET', `/api/calendar?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().error.details.map((issue: { path: string }) => issue.path),
        query,
      ).toContain(path);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const get = doc.paths['/api/calendar'].get;
    expect(get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'userId']),
    );
    expect(JSON.stringify(get.responses['200'])).toContain('CalendarItem');
  });
});
