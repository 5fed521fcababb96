import type { Role, Session } from '@voronka/domain';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/http/app';
import type { App } from '../src/http/route-types';
import { LiveHub } from '../src/modules/events/event-bus';
import { type ProcessRuntime, startProcessRuntime } from '../src/modules/processes/worker';
import { addMember, createWorkspace } from '../src/modules/workspaces/workspaces.service';
import { cloneTemplate, type TestDatabase } from './test-database';

export const testPassword = 'correct horse battery';

export interface TestApp {
  app: App;
  database: TestDatabase;
  hub: LiveHub;
  processes?: ProcessRuntime | null;
}

const openApps: (() => Promise<void>)[] = [];

/** Closes every app the current test file started; registered for each file by test/per-file.ts. */
export async function closeTestApps(): Promise<void> {
  for (const close of openApps.splice(0).reverse()) await close();
}

/** One app on a private database per test file; closed after the file's tests. */
/** `processes`: also start the job queue and workers that run business processes (polling fast). */
export async function startTestApp(options: { processes?: boolean } = {}): Promise<TestApp> {
  const database = await cloneTemplate(inject('templateLocation'));
  const hub = new LiveHub(database);
  await hub.start();
  const processes = options.processes
    ? await startProcessRuntime(database.db, {
        pollingIntervalSeconds: 0.5,
        expireInSeconds: 10,
        triggerIntervalMs: 200,
      })
    : null;
  const app = await buildApp({
    config: {
      logLevel: 'silent',
      bodyLimitBytes: 64 * 1024,
      sessionTtlHours: 1,
      actorCacheSeconds: 10,
      secureCookies: false,
      webDist: '/nonexistent',
      checkResponses: true,
    },
    database,
    hub,
    processes,
    logger: false,
  });
  await app.ready();
  // Hooks registered from inside beforeAll would never run, so cleanup goes through closeTestApps.
  openApps.push(async () => {
    await app.close();
    await processes?.stop();
    await hub.close();
    await database.destroy();
  });
  return { app, database, hub, processes };
}

export interface Client {
  session: Session;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Signs in through the real login route and returns a client that sends the cookie and CSRF header. */
export async function signIn(app: App, email: string, password = testPassword): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'voronka_session');
  if (!cookie) throw new Error('no session cookie');
  const session = response.json() as Session;
  const header = `voronka_session=${cookie.value}`;
  return {
    session,
    cookie: header,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: header, 'x-csrf-token': session.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

let counter = 0;
/** A unique email, so files and tests never collide on the global email index. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label.toLowerCase()}.${counter}.${Math.random().toString(36).slice(2, 8)}@test.voronka.dev`;
}

export interface Team {
  workspaceId: string;
  departmentId: string;
  subDepartmentId: string;
  users: Record<
    'owner' | 'admin' | 'head' | 'subHead' | 'managerA' | 'managerB' | 'subManager' | 'curator',
    { id: string; email: string; role: Role }
  >;
}

/**
 * A workspace shaped like a real sales department: an owner and admin, a head of sales over
 * a department with a sub-department (with its own head), three managers and a curator.
 */
export async function createTeam(app: TestApp, label: string): Promise<Team> {
  const db = app.database.db;
  const ownerEmail = uniqueEmail(`${label}-owner`);
  const { workspace, owner } = await createWorkspace(db, `Workspace ${label}`, {
    email: ownerEmail,
    password: testPassword,
    name: `Owner ${label}`,
    role: 'owner',
  });
  const department = await db
    .insertInto('departments')
    .values({ workspace_id: workspace.id, name: `Sales ${label}` })
    .returningAll()
    .executeTakeFirstOrThrow();
  const sub = await db
    .insertInto('departments')
    .values({ workspace_id: workspace.id, name: `Sales ${label} / East`, parent_id: department.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  const member = async (key: string, role: Role, departmentId: string | null) => {
    const email = uniqueEmail(`${label}-${key}`);
    const user = await addMember(db, workspace.id, {
      email,
      password: testPassword,
      name: `${key} ${label}`,
      role,
      departmentId,
    });
    return { id: user.id, email, role };
  };
  const users = {
    owner: { id: owner.id, email: ownerEmail, role: 'owner' as Role },
    admin: await member('admin', 'admin', null),
    head: await member('head', 'head_of_sales', department.id),
    subHead: await member('subHead', 'head_of_sales', sub.id),
    managerA: await member('managerA', 'manager', department.id),
    managerB: await member('managerB', 'manager', department.id),
    subManager: await member('subManager', 'manager', sub.id),
    curator: await member('curator', 'curator', null),
  };
  await db
    .updateTable('departments')
    .set({ head_id: users.head.id })
    .where('id', '=', department.id)
    .execute();
  await db.updateTable('departments').set({ head_id: users.subHead.id }).where('id', '=', sub.id).execute();
  return { workspaceId: workspace.id, departmentId: department.id, subDepartmentId: sub.id, users };
}
