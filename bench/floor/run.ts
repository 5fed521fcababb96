import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { revokeToken, signIn } from '../runner/actors';
import { HttpClient, type RequestSpec } from '../runner/http';
import { freePort, processCpuMs, type RunningServer, startServer } from '../runner/server';

// npm run bench:floor -- [--deals N] [--requests N] [--rounds N] [--warmup N]   (see bench/README.md, "The floor")
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    deals: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '5000' },
  },
});
const databaseUrl = `postgres://postgres@127.0.0.1:5432/voronka_bench_${values.deals}`;
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);

interface Side {
  name: string;
  pid: number;
  http: HttpClient;
  request: RequestSpec;
  headers: Record<string, string>;
}

async function measure(side: Side) {
  const times: number[] = [];
  const process0 = processCpuMs(side.pid);
  const main0 = processCpuMs(side.pid, side.pid);
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await side.http.request(side.request, side.headers);
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${side.name} answered ${response.status}`);
  }
  return {
    times,
    processCpu: (processCpuMs(side.pid) - process0) / requests,
    mainCpu: (processCpuMs(side.pid, side.pid) - main0) / requests,
  };
}

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const { rows } = await client.query<{ workspace_id: string; id: string }>(
  'select workspace_id, id from deals where deleted_at is null order by id limit 1',
);
await client.end();
const deal = rows[0];
if (!deal) throw new Error(`No deals in ${databaseUrl}: run npm run bench first`);

const server: RunningServer = await startServer(databaseUrl);
const port = await freePort();
const bare = fork(path.join(import.meta.dirname, 'bare-server.ts'), {
  execArgv: [
    ...JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../scripts/server-node-flags.json'), 'utf8'),
    ).flags,
    '--import',
    'tsx',
  ],
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
});
await new Promise((resolve, reject) => {
  bare.once('message', resolve);
  bare.once('exit', (code) => reject(new Error(`The bare server exited with ${code}`)));
});
const ours = new HttpClient(server.url);
const owner = await signIn(ours, 'owner');
const sides: Side[] = [
  {
    name: 'Voronka: GET /api/deals/:id (API token)',
    pid: server.pid,
    http: ours,
    request: { method: 'GET', path: `/api/deals/${deal.id}` },
    headers: owner.headers,
  },
  {
    name: 'bare Fastify + pg: the same row',
    pid: bare.pid ?? 0,
    http: new HttpClient(`http://127.0.0.1:${port}`),
    request: { method: 'GET', path: `/deals/${deal.workspace_id}/${deal.id}` },
    headers: {},
  },
];
try {
  const results = new Map<string, Awaited<ReturnType<typeof measure>>[]>();
  // Both servers' code is optimised by V8 as it runs: the CPU per request kept falling for the first
  // few thousand requests (0.75 → 0.34 ms for ours over three rounds of 2,000 after 300), so each side
  // first answers `warmup` requests unmeasured.
  for (const side of sides)
    for (let i = 0; i < warmup; i++) await side.http.request(side.request, side.headers);
  // Rounds alternate the two sides, so a change of background load touches both alike.
  for (let round = 0; round < rounds; round++)
    for (const side of sides)
      results.set(side.name, [...(results.get(side.name) ?? []), await measure(side)]);
  console.log(
    `\n${rounds} rounds of ${requests} requests a side, one at a time, after ${warmup} unmeasured, on ${values.deals} deals\n`,
  );
  console.log('| server | p50 ms | p95 ms | process CPU per request, ms | main thread CPU per request, ms |');
  console.log('|---|---|---|---|---|');
  for (const [name, measured] of results) {
    const times = measured.flatMap((item) => item.times).sort((a, b) => a - b);
    const at = (q: number) => times[Math.floor((times.length - 1) * q)]!.toFixed(3);
    const spread = (pick: (item: (typeof measured)[number]) => number) =>
      measured.map((item) => pick(item).toFixed(2)).join(' / ');
    console.log(
      `| ${name} | ${at(0.5)} | ${at(0.95)} | ${spread((item) => item.processCpu)} | ${spread((item) => item.mainCpu)} |`,
    );
  }
} finally {
  await revokeToken(ours, owner).catch(() => undefined);
  for (const side of sides) side.http.close();
  bare.kill();
  await server.stop();
}
