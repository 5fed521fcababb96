import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTeam, type Team, testPassword } from '../../test/test-app';
import { cloneTemplate, type TestDatabase } from '../../test/test-database';
import { LiveHub } from '../modules/events/event-bus';
import { buildApp } from './app';
import type { App } from './route-types';

const lines: string[] = [];
let app: App;
let database: TestDatabase;
let hub: LiveHub;
let team: Team;

beforeAll(async () => {
  database = await cloneTemplate(inject('templateLocation'));
  hub = new LiveHub(database);
  const config = {
    logLevel: 'trace',
    bodyLimitBytes: 65536,
    sessionTtlHours: 1,
    actorCacheSeconds: 10,
    secureCookies: false,
    webDist: '/nonexistent',
    checkResponses: true,
  };
  app = await buildApp({ config, database, hub, logger: { write: (line) => lines.push(line) } });
  await app.ready();
  team = await createTeam({ app, database, hub }, 'logs');
});

afterAll(async () => {
  await app.close();
  await database.destroy();
});

describe('request logs', () => {
  it('record requests but never passwords, cookies, CSRF or bearer tokens', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: team.users.owner.email, password: testPassword },
    });
    const cookie = login.cookies.find((c) => c.name === 'voronka_session')?.value ?? '';
    const { csrfToken } = login.json();
    const created = await app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: { cookie: `voronka_session=${cookie}`, 'x-csrf-token': csrfToken },
      payload: { name: 'log test', scopes: ['read'] },
    });
    const token = created.json().token as string;
    await app.inject({ method: 'GET', url: '/api/leads', headers: { authorization: `Bearer ${token}` } });

    const log = lines.join('\n');
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/leads');
    for (const secret of [testPassword, cookie, csrfToken, token]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
  });

  it('write one line per request, with its method, path, status, address and time', async () => {
    lines.length = 0;
    const path = '/api/deals/00000000-0000-4000-8000-000000000000';
    await app.inject({ method: 'GET', url: path });
    const about = lines.map((line) => JSON.parse(line)).filter((entry) => entry.url === path);
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      method: 'GET',
      statusCode: 401,
      ip: '127.0.0.1',
    });
    expect(about[0].responseTime).toBeGreaterThan(0);
    expect(about[0].reqId).toEqual(expect.any(String));
  });
});
