import { spawn } from 'node:child_process';
import pg from 'pg';
import { signIn } from './runner/actors';
import { buildCases, caseName } from './runner/cases';
import { HttpClient } from './runner/http';
import { drive } from './runner/measure';

const url = process.argv[2]!;
const filter = process.argv[3]!;
const port = 39123;
const child = spawn(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', 'apps/server/src/main.ts'],
  {
    cwd: '/work/main',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise<void>((resolve) =>
  child.stdout!.on('data', (d: Buffer) => {
    if (d.toString().includes('ready')) resolve();
  }),
);
const http = new HttpClient(`http://127.0.0.1:${port}`);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const actors = {
  owner: await signIn(http, 'owner'),
  head: await signIn(http, 'head'),
  manager: await signIn(http, 'manager'),
};
const cases = (await buildCases(pool, http, actors)).filter((c) => caseName(c) === filter);
const item = cases[0]!;
const s = await drive(
  async (i) => {
    const r = await http.request(item.variants[i % item.variants.length]!, item.actor.headers);
    if (r.status !== 200) throw new Error(r.body.toString());
  },
  { concurrency: 4, maxRequests: 100000, maxSeconds: 15 },
);
console.log(caseName(item), s.latencies.length, 'requests');
http.close();
await pool.end();
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
