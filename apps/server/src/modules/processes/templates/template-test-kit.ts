import type { LiveEvent, Role } from '@voronka/domain';
import { expect } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
  testPassword,
  uniqueEmail,
} from '../../../../test/test-app';
import { addMember } from '../../workspaces/workspaces.service';

/** Drives templates through the API the way people would: create, publish, start, complete inbox tasks. */

export interface Task {
  id: string;
  instanceId: string;
  elementId: string;
  name: string;
  assigneeId: string | null;
  candidateRole: string | null;
  dueAt: string | null;
  values: Record<string, unknown>;
  status: string;
}

export interface Instance {
  id: string;
  status: string;
  waitingAt: string[];
  variables: Record<string, unknown>;
  incidentList: { message: string }[];
  steps: { elementId: string; event: string; detail: Record<string, unknown> | null }[];
}

export interface TemplateWorld {
  t: TestApp;
  team: Team;
  owner: Client;
  head: Client;
  managerA: Client;
  managerB: Client;
  accountant: Client;
  hr: Client;
  /** User ids by the same names. */
  ids: Record<'owner' | 'head' | 'managerA' | 'managerB' | 'accountant' | 'hr', string>;
  /** Notification titles each user received live, by user id. */
  notifications: Map<string, string[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await sleep(150);
  }
}

/** A workspace with the sales team plus an accountant and an HR person, everyone's notifications collected. */
export async function templateWorld(label: string): Promise<TemplateWorld> {
  const t = await startTestApp({ processes: true });
  const team = await createTeam(t, label);
  const member = async (role: Role) => {
    const email = uniqueEmail(`${label}-${role}`);
    const user = await addMember(t.database.db, team.workspaceId, {
      email,
      password: testPassword,
      name: `${role} ${label}`,
      role,
      departmentId: null,
    });
    return { id: user.id, client: await signIn(t.app, email) };
  };
  const accountant = await member('accountant');
  const hr = await member('hr');
  const ids = {
    owner: team.users.owner.id,
    head: team.users.head.id,
    managerA: team.users.managerA.id,
    managerB: team.users.managerB.id,
    accountant: accountant.id,
    hr: hr.id,
  };
  const notifications = new Map<string, string[]>();
  for (const userId of Object.values(ids)) {
    notifications.set(userId, []);
    t.hub.subscribe({
      userId,
      workspaceId: team.workspaceId,
      visibility: 'all',
      send: (event: LiveEvent) => {
        if (event.type === 'notification') notifications.get(userId)!.push(event.title);
      },
    });
  }
  return {
    t,
    team,
    owner: await signIn(t.app, team.users.owner.email),
    head: await signIn(t.app, team.users.head.email),
    managerA: await signIn(t.app, team.users.managerA.email),
    managerB: await signIn(t.app, team.users.managerB.email),
    accountant: accountant.client,
    hr: hr.client,
    ids,
    notifications,
  };
}

/** Creates a process from the template and publishes it; it must compile without a single problem. */
export async function publishTemplate(world: TemplateWorld, template: string): Promise<{ id: string }> {
  const created = await world.owner.request('POST', '/api/processes', { template });
  expect(created.statusCode, created.body).toBe(201);
  const published = await world.owner.request('POST', `/api/processes/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

export async function startProcess(
  client: Client,
  processId: string,
  body: Record<string, unknown> = {},
): Promise<Instance> {
  const started = await client.request('POST', `/api/processes/${processId}/start`, body);
  expect(started.statusCode, started.body).toBe(201);
  return started.json();
}

/** A new deal of `client`'s, as the body that starts a process on it. */
export async function dealFor(client: Client, title: string) {
  const deal = (await client.request('POST', '/api/deals', { title, amount: 1000 })).json();
  expect(deal.id, JSON.stringify(deal)).toEqual(expect.any(String));
  return { entity: 'deal', recordId: deal.id as string };
}

export async function instanceOf(client: Client, id: string): Promise<Instance> {
  return (await client.request('GET', `/api/process-instances/${id}`)).json();
}

/** The open task of this instance at this element that `client` may act on, waiting for it to appear. */
export async function taskAt(client: Client, instanceId: string, elementId: string): Promise<Task> {
  const tasks = await waitFor(
    async () =>
      (await client.request('GET', `/api/process-tasks?instanceId=${instanceId}`)).json().items as Task[],
    (items) => items.some((task) => task.elementId === elementId),
  );
  const task = tasks.find((item) => item.elementId === elementId);
  expect(task, `no open task at ${elementId} for ${client.session.user.email}`).toBeDefined();
  return task!;
}

/** Completes the task at `elementId` as `client`, with form values (and optionally an outcome and comment). */
export async function complete(
  client: Client,
  instanceId: string,
  elementId: string,
  values: Record<string, unknown> = {},
  more: { outcome?: string; comment?: string } = {},
): Promise<Task> {
  const task = await taskAt(client, instanceId, elementId);
  const done = await client.request('POST', `/api/process-tasks/${task.id}/complete`, { values, ...more });
  expect(done.statusCode, done.body).toBe(200);
  return task;
}

/** Waits until the instance ends (timers and e-mail jobs run in the background), then returns it. */
export async function finished(client: Client, id: string): Promise<Instance> {
  const instance = await waitFor(
    () => instanceOf(client, id),
    (value) => value.status !== 'running' || value.incidentList.length > 0,
  );
  expect(instance.incidentList).toEqual([]);
  return instance;
}

/** The instance's path: the end event it reached, the elements it passed (in order). */
export function passed(instance: Instance): string[] {
  return [...new Set(instance.steps.map((step) => step.elementId).filter(Boolean))];
}

export async function notificationsOf(
  world: TemplateWorld,
  userId: string,
  atLeast: number,
): Promise<string[]> {
  await waitFor(
    async () => world.notifications.get(userId) ?? [],
    (titles) => titles.length >= atLeast,
    5000,
  );
  // Hints about new tasks are batched and sent shortly after their step commits, so they may trail
  // notifications sent by the step itself: give them a moment before reading the list.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return world.notifications.get(userId) ?? [];
}

/** Absences recorded for a person by a process, as the chart shows them. */
export async function absencesOf(world: TemplateWorld, userId: string) {
  const response = await world.managerB.request(
    'GET',
    `/api/absences?from=2000-01-01&to=2001-01-31&userId=${userId}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    kind: string;
    startsOn: string;
    endsOn: string;
    hours: number | null;
    processInstanceId: string;
  }[];
}

/** A day far in the past, so absences of different tests never overlap by accident. */
export const day = (offset: number) => new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10);
/** An instant `ms` from now: timers in tests fire within a second or two. */
export const soon = (ms = 600) => new Date(Date.now() + ms).toISOString();
