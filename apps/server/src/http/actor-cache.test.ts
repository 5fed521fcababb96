import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, signIn, startTestApp, type Team, type TestApp } from '../../test/test-app';
import { actorsChannel } from './actor-cache';

let t: TestApp;
let team: Team;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'actor-cache');
});

async function tokenFor(email: string, scopes = ['read']) {
  const holder = await signIn(t.app, email);
  const created = (await holder.request('POST', '/api/api-tokens', { name: 'Интеграция', scopes })).json();
  const headers = { authorization: `Bearer ${created.token}` };
  return {
    id: created.id as string,
    get: (url: string) => t.app.inject({ method: 'GET', url, headers }),
  };
}

/**
 * Asks until the answer's status is `status`, for up to 3 s: a notice arrives asynchronously, and 3 s is
 * well under the 10 s a row is kept, so a change seen in time was not seen merely because the row aged.
 */
async function untilStatus(ask: () => Promise<{ statusCode: number }>, status: number) {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const { statusCode } = await ask();
    if (statusCode === status || Date.now() > deadline) return statusCode;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kept actors (a token or session is looked up once per burst of requests)', () => {
  it('a change made through this server takes effect on the very next request', async () => {
    const owner = await signIn(t.app, team.users.owner.email);
    const manager = await signIn(t.app, team.users.managerB.email);
    const token = await tokenFor(team.users.managerB.email);
    expect((await token.get('/api/leads')).statusCode).toBe(200);
    expect((await manager.request('GET', '/api/auth/session')).json().user.role).toBe('manager');

    // Made an admin: the session, read a moment ago, may now do what only an admin may.
    const setting = { visibility: 'own' };
    expect((await manager.request('PUT', '/api/roles/manager', setting)).statusCode).toBe(403);
    const promoted = await owner.request('PATCH', `/api/users/${team.users.managerB.id}`, { role: 'admin' });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect((await manager.request('PUT', '/api/roles/manager', setting)).statusCode).toBe(200);
    expect((await manager.request('GET', '/api/auth/session')).json().user.role).toBe('admin');

    // Deactivated: both the session and the token stop working at once.
    await owner.request('PATCH', `/api/users/${team.users.managerB.id}`, { active: false });
    expect((await manager.request('GET', '/api/leads')).statusCode).toBe(401);
    expect((await token.get('/api/leads')).statusCode).toBe(401);
    await owner.request('PATCH', `/api/users/${team.users.managerB.id}`, { active: true, role: 'manager' });
  });

  it('a change announced by another server process takes effect here without a restart', async () => {
    const token = await tokenFor(team.users.managerA.email);
    expect((await token.get('/api/leads')).statusCode).toBe(200);

    // Another process revokes the token: its write alone is not seen while the row is kept…
    await t.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', token.id)
      .execute();
    expect((await token.get('/api/leads')).statusCode).toBe(200);
    // …and its notice, which every such write sends (announceActorChange), ends it here.
    await sql`select pg_notify(${actorsChannel}, ${team.workspaceId})`.execute(t.database.db);
    expect(await untilStatus(() => token.get('/api/leads'), 401)).toBe(401);
  });

  it('keeps nothing while the connection that hears the notices is down (PostgreSQL)', async () => {
    if (t.database.engine !== 'postgres') return;
    const token = await tokenFor(team.users.head.email);
    expect((await token.get('/api/leads')).statusCode).toBe(200);

    const ended = await sql<{ ended: boolean }>`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%'`.execute(t.database.db);
    expect(ended.rows.length).toBeGreaterThan(0);
    // Without the listener a notice could be missed, so a write behind the server's back is seen at once.
    await t.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', token.id)
      .execute();
    expect(await untilStatus(() => token.get('/api/leads'), 401)).toBe(401);
  });
});
