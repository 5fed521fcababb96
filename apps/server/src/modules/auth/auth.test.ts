import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
  testPassword,
  uniqueEmail,
} from '../../../test/test-app';

let t: TestApp;
let team: Team;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'auth');
});

describe('sign in', () => {
  it('sets an HttpOnly SameSite cookie and returns the user, workspace and a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: team.users.head.email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'voronka_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = response.json();
    expect(body.user).toMatchObject({ email: team.users.head.email, role: 'head_of_sales' });
    expect(body.workspace.id).toBe(team.workspaceId);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('accepts the email in any letter case and with spaces around it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `  ${team.users.head.email.toUpperCase()} `, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: team.users.curator.email, password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail('ghost'), password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks an email out after five failures in a row, even with the right password', async () => {
    const email = team.users.subManager.email;
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: `wrong-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
  });

  it('stores sessions hashed: the cookie value is not in the table', async () => {
    const client = await signIn(t.app, team.users.managerA.email);
    const token = client.cookie.split('=')[1] ?? '';
    const rows = await t.database.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((row) => row.id === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('session', () => {
  it('returns the session for the cookie and 401 without one', async () => {
    const client = await signIn(t.app, team.users.managerB.email);
    const me = await client.request('GET', '/api/auth/session');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(team.users.managerB.email);
    expect(me.json().csrfToken).toBe(client.session.csrfToken);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });

  it('refuses a cookie-authenticated write without the CSRF header, and with a wrong one', async () => {
    const client = await signIn(t.app, team.users.managerB.email);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { cookie: client.cookie },
      payload: { title: 'no csrf' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await client.request(
      'POST',
      '/api/leads',
      { title: 'wrong csrf' },
      { 'x-csrf-token': 'forged' },
    );
    expect(wrong.statusCode).toBe(403);
    const count = await t.database.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('title', 'in', ['no csrf', 'wrong csrf'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('reports an expired session as session_expired', async () => {
    const client = await signIn(t.app, team.users.managerB.email);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', team.users.managerB.id)
      .execute();
    const response = await client.request('GET', '/api/leads');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('session_expired');
  });

  it('logout ends the session', async () => {
    const client = await signIn(t.app, team.users.curator.email);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const after = await client.request('GET', '/api/auth/session');
    expect(after.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, then signs out other sessions and accepts the new one', async () => {
    const email = team.users.admin.email;
    const first = await signIn(t.app, email);
    const second = await signIn(t.app, email);
    const wrong = await first.request('POST', '/api/auth/password', {
      currentPassword: 'not it',
      newPassword: 'a brand new one',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: 'body.currentPassword', message: 'Current password is wrong' },
    ]);
    const short = await first.request('POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('body.newPassword');

    const ok = await first.request('POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'a brand new one',
    });
    expect(ok.statusCode).toBe(200);
    expect((await first.request('GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await second.request('GET', '/api/auth/session')).statusCode).toBe(401);
    await expect(signIn(t.app, email)).rejects.toThrow();
    await signIn(t.app, email, 'a brand new one');
    const stored = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});

describe('invitations', () => {
  it('an admin invites, the invitee joins with the role and department, and the link works once', async () => {
    const owner = await signIn(t.app, team.users.owner.email);
    const email = uniqueEmail('invitee');
    const created = await owner.request('POST', '/api/invitations', {
      email,
      role: 'manager',
      function: 'closer',
      departmentId: team.departmentId,
    });
    expect(created.statusCode).toBe(200);
    const { token, acceptPath } = created.json();
    expect(acceptPath).toBe(`/invite/${token}`);

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token, name: 'Новый Менеджер', password: 'welcome aboard' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({
      email,
      role: 'manager',
      function: 'closer',
      departmentId: team.departmentId,
      name: 'Новый Менеджер',
    });
    expect(accepted.json().workspace.id).toBe(team.workspaceId);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token, name: 'Second', password: 'welcome aboard' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('body.token');
  });

  it('a manager cannot invite, and an admin cannot invite an owner', async () => {
    const manager = await signIn(t.app, team.users.managerA.email);
    const byManager = await manager.request('POST', '/api/invitations', {
      email: uniqueEmail('x'),
      role: 'manager',
    });
    expect(byManager.statusCode).toBe(403);
    const admin = await signIn(t.app, team.users.head.email);
    expect(
      (await admin.request('POST', '/api/invitations', { email: uniqueEmail('y'), role: 'owner' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('API tokens', () => {
  it('work as Bearer with their scopes, are stored hashed, and stop working when revoked', async () => {
    const owner = await signIn(t.app, team.users.owner.email);
    const created = await owner.request('POST', '/api/api-tokens', { name: 'Сайт', scopes: ['read'] });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json();
    expect(token.startsWith('vrk_')).toBe(true);
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);

    const auth = { authorization: `Bearer ${token}` };
    const read = await t.app.inject({ method: 'GET', url: '/api/leads', headers: auth });
    expect(read.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: auth,
      payload: { title: 'via token' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toContain('write');

    expect((await owner.request('DELETE', `/api/api-tokens/${id}`)).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/leads', headers: auth });
    expect(revoked.statusCode).toBe(401);
  });

  it('a write token creates records as its user, without any CSRF header', async () => {
    const manager = await signIn(t.app, team.users.managerA.email);
    const { token } = (
      await manager.request('POST', '/api/api-tokens', { name: 'Телефония', scopes: ['read', 'write'] })
    ).json();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/leads',
      headers: { authorization: `Bearer ${token}` },
      payload: { title: 'Пропущенный звонок' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().responsibleId).toBe(team.users.managerA.id);
    const adminScope = await manager.request('POST', '/api/api-tokens', { name: 'x', scopes: ['admin'] });
    expect(adminScope.statusCode).toBe(403);
  });

  it('an unknown or malformed bearer token is a 401', async () => {
    for (const authorization of ['Bearer vrk_nope', 'Bearer', 'Basic abc']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/leads', headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }
  });
});
