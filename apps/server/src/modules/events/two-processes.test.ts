import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents } from '../../../test/sse';
import { createTeam, startTestApp, type Team, type TestApp, testPassword } from '../../../test/test-app';
import { testEngine } from '../../../test/test-database';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Voronka is ready')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function login(base: string, email: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

// PGlite is one process by design; this is the production topology: two stateless servers, one PostgreSQL.
describe.skipIf(testEngine !== 'postgres')('two server processes on one PostgreSQL', () => {
  let t: TestApp;
  let team: Team;
  const servers: ChildProcess[] = [];
  const ports = [40_000 + Math.floor(Math.random() * 10_000), 50_000 + Math.floor(Math.random() * 10_000)];
  const [baseA, baseB] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t, 'two');
    for (const port of ports) servers.push(await startServer(t.database.url ?? '', port));
  }, 60_000);

  afterAll(() => {
    for (const server of servers) server.kill('SIGTERM');
  });

  it('a session made on one process works on the other', async () => {
    const { cookie } = await login(baseA, team.users.head.email);
    const response = await fetch(`${baseB}/api/auth/session`, { headers: { cookie } });
    expect(response.status).toBe(200);
  });

  it('a change made through one process reaches a browser connected to the other', async () => {
    const head = await login(baseB, team.users.head.email);
    const manager = await login(baseA, team.users.managerA.email);
    let leadId = '';
    const events = await collectEvents(`${baseB}/api/events`, head.cookie, 1, async () => {
      const response = await fetch(`${baseA}/api/leads`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: manager.cookie,
          'x-csrf-token': manager.csrfToken,
        },
        body: JSON.stringify({ title: 'Через процесс A' }),
      });
      leadId = ((await response.json()) as { id: string }).id;
    });
    expect(events).toEqual([
      {
        type: 'record.changed',
        entity: 'lead',
        recordId: leadId,
        action: 'create',
        actorId: team.users.managerA.id,
      },
    ]);
  });

  it('stops gracefully on SIGTERM', async () => {
    const server = servers.pop()!;
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
