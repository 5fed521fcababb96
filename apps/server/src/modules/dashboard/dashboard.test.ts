import { type DrillResult, defaultVisibility, type Role } from '@voronka/domain';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import type { Actor } from '../access/actor';
import { attention, attentionDrill } from './dashboard.service';

// Counted at noon in Moscow on 10 March 2030; Moscow's day ends at 21:00 UTC.
const now = new Date('2030-03-10T09:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const days = (n: number) => hours(n * 24);

let t: TestApp;
let team: Team;
let other: Team;
let owner: Client;
let head: Client;
let managerA: Client;
let subHead: Client;
const deal: Record<string, string> = {};
const task: Record<string, string> = {};

function actorOf(key: keyof Team['users'], departmentId: string | null): Actor {
  const user = team.users[key];
  return {
    userId: user.id,
    workspaceId: team.workspaceId,
    name: key,
    role: user.role as Role,
    function: null,
    departmentId,
    visibility: defaultVisibility[user.role as Role],
    via: 'session',
    sessionId: null,
    scopes: ['read', 'write'],
  };
}

/** The JSON of a response that must have succeeded. */
async function ok(response: Promise<LightMyRequestResponse>) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'dashboard');
  other = await createTeam(t, 'dashboard-other');
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  subHead = await signIn(t.app, team.users.subHead.email);
  const { users } = team;
  const db = t.database.db;

  // Deals: who, when the deal entered its stage (days before now).
  const deals: [string, string, number][] = [
    ['a1', users.managerA.id, 30], // no task, no activity: without next step and stuck
    ['a2', users.managerA.id, 30], // a task and a call 3 days ago: neither
    ['a3', users.managerA.id, 20], // a task but nothing logged for 20 days: stuck only
    ['a4', users.managerA.id, 2], // no task, entered 2 days ago: without next step only
    ['aDeleted', users.managerA.id, 30], // deleted: neither
    ['b1', users.managerB.id, 40], // only a client's review yesterday: without next step and stuck
    ['bLost', users.managerB.id, 40], // lost: neither
    ['s1', users.subManager.id, 15], // a note 20 days ago: without next step and stuck
    ['o1', users.owner.id, 100], // the owner's own: without next step and stuck
  ];
  for (const [key, responsibleId, entered] of deals) {
    deal[key] = (
      await ok(owner.request('POST', '/api/deals', { title: `Deal ${key}`, amount: 1000, responsibleId }))
    ).id;
    await db
      .updateTable('deals')
      .set({ stage_entered_at: days(-entered) })
      .where('id', '=', deal[key]!)
      .execute();
  }
  await ok(owner.request('DELETE', `/api/deals/${deal.aDeleted}`));
  await ok(owner.request('POST', `/api/deals/${deal.bLost}/lose`, { reason: 'Дорого' }));
  const activities: [string, string, number][] = [
    ['a2', 'call', -3],
    ['b1', 'review', -1],
    ['s1', 'note', -20],
  ];
  for (const [key, kind, when] of activities) {
    await ok(
      owner.request('POST', '/api/activities', {
        kind,
        entity: 'deal',
        recordId: deal[key],
        subject: `${kind} on ${key}`,
        ...(kind === 'review' ? { result: 'positive' } : {}),
        occurredAt: days(when).toISOString(),
      }),
    );
  }

  // Tasks: who, due (hours from now), on which deal.
  const tasks: [string, string, number, string | null][] = [
    ['a1', users.managerA.id, 2, null], // today
    ['a2', users.managerA.id, 11, null], // 23:00 in Moscow: today
    ['a3', users.managerA.id, 13, null], // 01:00 tomorrow in Moscow: neither
    ['a4', users.managerA.id, -24, null], // overdue
    ['aDone', users.managerA.id, -2, null], // done: neither
    ['aDeleted', users.managerA.id, 1, null], // deleted: neither
    ['aDeal2', users.managerA.id, 120, 'a2'], // the next step of deal a2
    ['aDeal3', users.managerA.id, 120, 'a3'], // the next step of deal a3
    ['b1', users.managerB.id, -72, null], // overdue
    ['s1', users.subManager.id, 1, null], // today
    ['o1', users.owner.id, -1, null], // overdue, the owner's
  ];
  for (const [key, assigneeId, due, on] of tasks) {
    task[key] = (
      await ok(
        owner.request('POST', '/api/tasks', {
          title: `Task ${key}`,
          assigneeId,
          dueAt: hours(due).toISOString(),
          ...(on ? { entity: 'deal', recordId: deal[on] } : {}),
        }),
      )
    ).id;
  }
  await ok(owner.request('POST', `/api/tasks/${task.aDone}/complete`));
  await ok(owner.request('DELETE', `/api/tasks/${task.aDeleted}`));

  // Another workspace's overdue task and stuck deal are never counted here.
  const stranger = await signIn(t.app, other.users.owner.email);
  await ok(stranger.request('POST', '/api/tasks', { title: 'Elsewhere', dueAt: days(-1).toISOString() }));
  await ok(stranger.request('POST', '/api/deals', { title: 'Elsewhere', amount: 1 }));
});

const query = { stuckDays: 14, timezone: 'Europe/Moscow' };

describe('attention numbers', () => {
  it('count today’s and overdue tasks, deals without a next step and stuck deals for everyone the caller sees', async () => {
    const byOwner = await attention(t.database.db, actorOf('owner', null), query, now);
    expect(byOwner).toEqual({
      asOf: now.toISOString(),
      stuckDays: 14,
      counts: { tasksToday: 3, tasksOverdue: 3, dealsWithoutNextStep: 5, dealsStuck: 5 },
      over: [],
    });
    // The head sees the department and the sub-department, not the owner.
    const byHead = await attention(t.database.db, actorOf('head', team.departmentId), query, now);
    expect(byHead.counts).toEqual({
      tasksToday: 3,
      tasksOverdue: 2,
      dealsWithoutNextStep: 4,
      dealsStuck: 4,
    });
    // The sub-department's head sees only it; a manager only themselves.
    const bySubHead = await attention(t.database.db, actorOf('subHead', team.subDepartmentId), query, now);
    expect(bySubHead.counts).toEqual({
      tasksToday: 1,
      tasksOverdue: 0,
      dealsWithoutNextStep: 1,
      dealsStuck: 1,
    });
    const byManager = await attention(t.database.db, actorOf('managerA', team.departmentId), query, now);
    expect(byManager.counts).toEqual({
      tasksToday: 2,
      tasksOverdue: 1,
      dealsWithoutNextStep: 2,
      dealsStuck: 2,
    });
  });

  it('stop counting at the cap and say which numbers have more behind them', async () => {
    // Capped at 3, the owner's 3 tasks today and 3 overdue are exact; 5 deals of each kind are "3+".
    const capped = await attention(t.database.db, actorOf('owner', null), query, now, 3);
    expect(capped.counts).toEqual({ tasksToday: 3, tasksOverdue: 3, dealsWithoutNextStep: 3, dealsStuck: 3 });
    expect(capped.over).toEqual(['dealsWithoutNextStep', 'dealsStuck']);
    const atFour = await attention(t.database.db, actorOf('owner', null), query, now, 4);
    expect(atFour.counts.dealsStuck).toBe(4);
    expect(atFour.over).toEqual(['dealsWithoutNextStep', 'dealsStuck']);
  });

  it('narrow to one manager and move with the stuck threshold', async () => {
    const headActor = actorOf('head', team.departmentId);
    const one = await attention(
      t.database.db,
      headActor,
      { ...query, managerId: team.users.managerB.id },
      now,
    );
    expect(one.counts).toEqual({ tasksToday: 0, tasksOverdue: 1, dealsWithoutNextStep: 1, dealsStuck: 1 });
    // Over 25 days: a1 (30) and b1 (40) stay stuck, a3 (20) and s1 (15) do not.
    const longer = await attention(t.database.db, headActor, { ...query, stuckDays: 25 }, now);
    expect(longer.counts.dealsStuck).toBe(2);
    // Over 1 day: a2 was called 3 days ago, so it moved within 3 days but not within 1: a4 entered 2 days ago.
    const shorter = await attention(t.database.db, headActor, { ...query, stuckDays: 1 }, now);
    expect(shorter.counts.dealsStuck).toBe(6);
  });

  it('drill into the records behind each number, oldest first', async () => {
    const headActor = actorOf('head', team.departmentId);
    const drill = (item: 'tasksToday' | 'tasksOverdue' | 'dealsWithoutNextStep' | 'dealsStuck') =>
      attentionDrill(t.database.db, headActor, { ...query, item, limit: 500 }, now);
    const titles = (result: DrillResult) => result.items.map((item) => item.title);

    const today = await drill('tasksToday');
    expect(today).toMatchObject({ entity: 'task', total: 3 });
    expect(titles(today)).toEqual(['Task s1', 'Task a1', 'Task a2']);
    expect(today.items[0]).toEqual({
      id: task.s1,
      title: 'Task s1',
      at: hours(1).toISOString(),
      amount: null,
      responsibleId: team.users.subManager.id,
    });
    expect(titles(await drill('tasksOverdue'))).toEqual(['Task b1', 'Task a4']);
    const withoutNextStep = await drill('dealsWithoutNextStep');
    expect(withoutNextStep).toMatchObject({ entity: 'deal', total: 4 });
    expect(titles(withoutNextStep)).toEqual(['Deal b1', 'Deal a1', 'Deal s1', 'Deal a4']);
    expect(withoutNextStep.items[0]?.amount).toBe(1000);
    expect(titles(await drill('dealsStuck'))).toEqual(['Deal b1', 'Deal a1', 'Deal a3', 'Deal s1']);

    // The two longest stuck, counted up to `cap`.
    const stuckFirstTwo = (cap?: number) =>
      attentionDrill(t.database.db, headActor, { ...query, item: 'dealsStuck', limit: 2 }, now, cap);
    const firstTwo = await stuckFirstTwo();
    expect(firstTwo.total).toBe(4);
    expect(firstTwo.totalOver).toBeUndefined();
    expect(titles(firstTwo)).toEqual(['Deal b1', 'Deal a1']);

    // Past the cap the total says "at least", and the records are the same oldest ones.
    const capped = await stuckFirstTwo(3);
    expect(capped).toMatchObject({ total: 3, totalOver: true });
    expect(titles(capped)).toEqual(['Deal b1', 'Deal a1']);
    const exactlyAtCap = await stuckFirstTwo(4);
    expect(exactlyAtCap.total).toBe(4);
    expect(exactlyAtCap.totalOver).toBeUndefined();
  });
});

describe('attention routes', () => {
  it('answer with the counts and the records behind them, as the caller sees them', async () => {
    const counts = await ok(managerA.request('GET', '/api/dashboard/attention'));
    expect(counts.stuckDays).toBe(14);
    // Deals without a next step do not depend on the clock: a1 and a4.
    expect(counts.counts.dealsWithoutNextStep).toBe(2);
    const drill = (await ok(
      managerA.request('GET', '/api/dashboard/attention/drill?item=dealsWithoutNextStep'),
    )) as DrillResult;
    expect(drill.total).toBe(2);
    expect(drill.items.map((item) => item.id).sort()).toEqual([deal.a1, deal.a4].sort());
    const one = await ok(
      head.request('GET', `/api/dashboard/attention?managerId=${team.users.managerB.id}&stuckDays=30`),
    );
    expect(one.counts.dealsWithoutNextStep).toBe(1);
  });

  it('refuse a manager the caller does not see, an unknown item and bad numbers, naming the field', async () => {
    const field = async (client: Client, url: string) => {
      const response = await client.request('GET', url);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.details[0].path as string;
    };
    expect(await field(subHead, `/api/dashboard/attention?managerId=${team.users.managerA.id}`)).toBe(
      'querystring.managerId',
    );
    expect(await field(managerA, `/api/dashboard/attention?managerId=${team.users.managerB.id}`)).toBe(
      'querystring.managerId',
    );
    expect(await field(owner, `/api/dashboard/attention?managerId=${other.users.managerA.id}`)).toBe(
      'querystring.managerId',
    );
    expect(await field(owner, '/api/dashboard/attention?timezone=Mars/Olympus')).toBe('querystring.timezone');
    expect(await field(owner, '/api/dashboard/attention?stuckDays=0')).toMatch(/stuckDays/);
    expect(await field(owner, '/api/dashboard/attention/drill?item=everything')).toMatch(/item/);
    expect(await field(owner, '/api/dashboard/attention?color=red')).toMatch(/querystring/);
  });

  it('need a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/dashboard/attention' });
    expect(response.statusCode).toBe(401);
  });
});
