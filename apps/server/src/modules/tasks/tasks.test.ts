import type { Task } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectEvents } from '../../../test/sse';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { sendDueReminders } from './reminders';

let t: TestApp;
let team: Team;
let head: Client;
let manager: Client;
let other: Client;

const hours = (n: number) => new Date(Date.now() + n * 3600 * 1000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'tasks');
  head = await signIn(t.app, team.users.head.email);
  manager = await signIn(t.app, team.users.managerA.email);
  other = await signIn(t.app, team.users.managerB.email);
});

async function newTask(client: Client, body: Record<string, unknown>): Promise<Task> {
  const response = await client.request('POST', '/api/tasks', { title: 'Перезвонить клиенту', ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('my tasks', () => {
  it('splits open tasks into overdue, today and upcoming in the caller’s time zone', async () => {
    const overdue = await newTask(manager, { title: 'Просрочено', dueAt: hours(-2) });
    const later = await newTask(manager, { title: 'Через неделю', dueAt: hours(24 * 7) });
    const ids = async (query: string) =>
      (await manager.request('GET', `/api/tasks?${query}`)).json().items.map((task: Task) => task.id);
    expect(await ids('scope=overdue')).toContain(overdue.id);
    expect(await ids('scope=overdue')).not.toContain(later.id);
    expect(await ids('scope=upcoming')).toContain(later.id);
    expect((await manager.request('GET', '/api/tasks?scope=overdue')).json().items[0].overdue).toBe(true);
    // One minute from now is today in any time zone unless the day ends within that minute: use a zone where it does not.
    const soon = await newTask(manager, { title: 'Скоро', dueAt: hours(1 / 60) });
    const zone = new Date().getUTCHours() < 22 ? 'UTC' : 'Asia/Tokyo';
    expect(await ids(`scope=today&timezone=${zone}`)).toContain(soon.id);
    const badZone = await manager.request('GET', '/api/tasks?timezone=Mars/Olympus');
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.details[0].path).toBe('querystring.timezone');
  });

  it('a head sees the department’s tasks; a manager only own and those they set', async () => {
    const set = await newTask(head, { title: 'Проверить звонки', assigneeId: team.users.managerA.id });
    expect((await head.request('GET', '/api/tasks')).json().items.map((task: Task) => task.id)).toContain(
      set.id,
    );
    expect((await manager.request('GET', '/api/tasks')).json().items.map((task: Task) => task.id)).toContain(
      set.id,
    );
    expect(
      (await other.request('GET', '/api/tasks')).json().items.map((task: Task) => task.id),
    ).not.toContain(set.id);
    expect((await other.request('PATCH', `/api/tasks/${set.id}`, { title: 'x' })).statusCode).toBe(404);
  });

  it('tells the assignee at once when someone else sets a task', async () => {
    const events = await collectEvents(
      await baseUrl(),
      manager.cookie,
      1,
      () => newTask(head, { title: 'Позвонить в «Ромашку»', assigneeId: team.users.managerA.id }),
      3000,
      (event) => event.type === 'notification' && event.title.includes('Ромашк'),
    );
    expect(events.find((event) => event.type === 'notification')).toMatchObject({
      title: expect.stringContaining('Позвонить в «Ромашку»'),
    });
  });
});

let listening: string | null = null;
async function baseUrl(): Promise<string> {
  if (!listening) {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    listening = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/events`;
  }
  return listening;
}

describe('recurring tasks', () => {
  it('"check calls every Monday": completing one schedules the next Monday with the same reminder lead', async () => {
    const monday = '2026-11-23T09:00:00.000Z';
    const task = await newTask(head, {
      title: 'Проверить звонки',
      dueAt: monday,
      remindAt: '2026-11-23T08:45:00.000Z',
      recurrence: { frequency: 'weekly', weekdays: [1] },
    });
    const done = await head.request('POST', `/api/tasks/${task.id}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json().task.status).toBe('done');
    expect(done.json().next).toMatchObject({
      title: 'Проверить звонки',
      status: 'open',
      dueAt: '2026-11-30T09:00:00.000Z',
      remindAt: '2026-11-30T08:45:00.000Z',
      recurrence: { frequency: 'weekly', weekdays: [1] },
    });
    expect((await head.request('POST', `/api/tasks/${task.id}/complete`)).statusCode).toBe(409);
  });
});

describe('reminders', () => {
  it('go out once, to the assignee, when due', async () => {
    const task = await newTask(manager, { title: 'Напомнить', dueAt: hours(1), remindAt: hours(-0.01) });
    const future = await newTask(manager, { title: 'Не сейчас', dueAt: hours(5), remindAt: hours(4) });
    const events = await collectEvents(
      await baseUrl(),
      manager.cookie,
      1,
      () => sendDueReminders(t.database.db),
      3000,
      (event) => event.type === 'notification' && [task.id, future.id].some((id) => event.link?.includes(id)),
    );
    expect(events).toEqual([
      { type: 'notification', title: 'Напомнить', body: task.dueAt, link: `/tasks?task=${task.id}` },
    ]);
    expect(await sendDueReminders(t.database.db)).toBe(0);
    const row = await t.database.db
      .selectFrom('tasks')
      .select(['reminded_at'])
      .where('id', '=', future.id)
      .executeTakeFirstOrThrow();
    expect(row.reminded_at).toBeNull();
  });
});

describe('tasks on records', () => {
  it('need a visible record and clear the deal’s "no next step" warning', async () => {
    const deal = (await manager.request('POST', '/api/deals', { title: 'Сделка с задачей' })).json();
    expect(deal.noNextStep).toBe(true);
    await newTask(manager, { entity: 'deal', recordId: deal.id, dueAt: hours(24) });
    expect((await manager.request('GET', `/api/deals/${deal.id}`)).json().noNextStep).toBe(false);
    const foreign = await other.request('POST', '/api/tasks', {
      title: 'x',
      entity: 'deal',
      recordId: deal.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.recordId');
    const half = await manager.request('POST', '/api/tasks', { title: 'x', entity: 'deal' });
    expect(half.json().error.details[0].path).toBe('body.recordId');
  });

  it('refuse bad input with the field named and write nothing', async () => {
    const before = Number(
      (
        await t.database.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [body, path] of [
      [{ title: '' }, 'body.title'],
      [{ title: 'x', dueAt: 'завтра' }, 'body.dueAt'],
      [{ title: 'x', priority: 'urgent' }, 'body.priority'],
      [{ title: 'x', recurrence: { frequency: 'hourly' } }, 'body.recurrence.frequency'],
      [{ title: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' }, 'body.assigneeId'],
    ] as const) {
      const response = await manager.request('POST', '/api/tasks', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    }
    expect(
      Number(
        (
          await t.database.db
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before);
  });
});
