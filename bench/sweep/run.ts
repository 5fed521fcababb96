import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readMarker } from '../dataset/marker';
import { type BenchActor, type RoleName, revokeToken, roleLabels, signIn } from '../runner/actors';
import { HttpClient } from '../runner/http';
import { drive, type Summary, summarize } from '../runner/measure';
import { writeMarkedSection } from '../runner/sections';
import { startServer } from '../runner/server';

// The everyday reads that no other benchmark times (start page, task lists, timelines, client cards,
// other lists, filter values), each as the owner, a head of sales and a manager, one request at a time.
// It has no SQL baseline: it is there to catch an endpoint that reads far more than it answers, as the
// companies list, the task lists, the timelines, the start page and the filter values did until
// migrations 0026–0029. The bar is the CRM's: p95 under 50 ms.

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '1000000' },
    'database-url': { type: 'string' },
    'no-results': { type: 'boolean', default: false },
    /** Only the endpoints whose path contains this text (for a before-and-after of one change). */
    only: { type: 'string' },
  },
});
const deals = Number(values.deals);
const databaseUrl = values['database-url'] ?? `postgres://postgres@127.0.0.1:5432/voronka_bench_${deals}`;
const bar = 50;

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const marker = await readMarker(client).catch(() => null);
if (!marker) {
  await client.end();
  throw new Error(
    `No benchmark dataset in ${databaseUrl}: generate it first (npm run bench -- --deals ${deals})`,
  );
}
// Records with the most behind them: the deal with the most activities among the first 20,000 and the
// company with the most deals. A manager or head who cannot see them gets a 404, also timed.
const { rows: picked } = await client.query<{ deal: string; company: string; pipeline: string }>(
  `select
     (select id from pipelines where kind = 'sales' order by position, id limit 1) as pipeline,
     (select record_id from activities where entity = 'deal'
        and record_id in (select id from deals where deleted_at is null order by id limit 20000)
      group by 1 order by count(*) desc, 1 limit 1) as deal,
     (select company_id from deals where company_id is not null and deleted_at is null
      group by 1 order by count(*) desc, 1 limit 1) as company`,
);
await client.end();
const { deal, company, pipeline } = picked[0] ?? { deal: '', company: '', pipeline: '' };

const allPaths = [
  '/api/dashboard/attention',
  // The records behind a start-page number, as the drawer opens them (its default limit).
  '/api/dashboard/attention/drill?item=dealsWithoutNextStep',
  '/api/dashboard/attention/drill?item=dealsStuck',
  '/api/tasks?scope=today',
  '/api/tasks?scope=overdue',
  '/api/tasks?scope=upcoming',
  '/api/tasks?limit=50',
  `/api/timeline/deal/${deal}`,
  `/api/timeline/company/${company}`,
  `/api/reviews/company/${company}`,
  `/api/history/deal/${deal}`,
  `/api/deals/${deal}/stages`,
  `/api/deals?companyId=${company}`,
  '/api/deals?noNextStep=true&limit=50',
  '/api/deals?open=true&limit=50',
  // The web's deal table is a pipeline's, sortable by each of these (0031 added the title's index).
  `/api/deals?pipelineId=${pipeline}&sort=title&order=asc&limit=50`,
  `/api/deals?pipelineId=${pipeline}&sort=amount&order=desc&limit=50`,
  `/api/deals?pipelineId=${pipeline}&sort=createdAt&order=desc&limit=50`,
  // The API's list across every pipeline, in the orders that need their own index (0032).
  '/api/deals?sort=amount&order=desc&limit=50',
  '/api/deals?sort=title&order=asc&limit=50',
  '/api/companies?limit=50',
  '/api/contacts?limit=50',
  '/api/leads?limit=50',
  '/api/reports/filter-values',
  '/api/process-tasks',
  '/api/process-instances',
  '/api/pipelines',
  '/api/users',
  '/api/plans',
];
const paths = values.only ? allPaths.filter((p) => p.includes(values.only ?? '')) : allPaths;
if (values.only && !values['no-results'])
  throw new Error('--only runs a part of the sweep: add --no-results, so RESULTS.md keeps whole tables');

interface Row {
  path: string;
  byRole: Partial<Record<RoleName, Summary & { status: number }>>;
}

const started = Date.now();
const server = await startServer(databaseUrl);
const http = new HttpClient(server.url);
const actors: BenchActor[] = [];
const rows: Row[] = paths.map((p) => ({ path: p, byRole: {} }));
try {
  for (const role of ['owner', 'head', 'manager'] as const) {
    const actor = await signIn(http, role);
    actors.push(actor);
    for (const row of rows) {
      let status = 0;
      const call = async () => {
        status = (await http.request({ method: 'GET', path: row.path }, actor.headers)).status;
      };
      await drive(call, { concurrency: 1, maxRequests: 5, maxSeconds: 2 });
      const summary = summarize([await drive(call, { concurrency: 1, maxRequests: 60, maxSeconds: 4 })]);
      row.byRole[role] = { ...summary, status };
      console.log(
        `${role.padEnd(8)} ${status} ${row.path.slice(0, 64).padEnd(64)} p50 ${summary.p50.toFixed(1)} p95 ${summary.p95.toFixed(1)} ms`,
      );
    }
  }
} finally {
  for (const actor of actors) await revokeToken(http, actor).catch(() => undefined);
  http.close();
  await server.stop();
}

const cell = (result: (Summary & { status: number }) | undefined) =>
  result
    ? `${result.status} · ${result.p50.toFixed(1)} / ${result.p95.toFixed(1)} ${result.p95 < bar ? '✓' : '✗'}`
    : '';
const over = rows.flatMap((row) =>
  Object.values(row.byRole).filter((result) => result && result.p95 >= bar),
).length;
const label = (p: string) =>
  p.replace(deal, ':deal').replace(company, ':company').replace(pipeline, ':pipeline');
const root = path.resolve(import.meta.dirname, '../..');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
const section = [
  `## Everyday reads: ${deals.toLocaleString('en')} deals`,
  '',
  `Command: \`npm run bench:sweep${deals === 1_000_000 ? '' : ` -- --deals ${deals}`}\` (see [README.md](README.md#everyday-reads))`,
  '',
  `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, commit ${commit}`,
  `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at the end ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
  `- Each cell: HTTP status · p50 / p95 ms over up to 60 requests one at a time after 5 of warm-up; ✓ when p95 < ${bar} ms. :deal is the deal with the most activities among the first 20,000, :company the company with the most deals, :pipeline the first sales pipeline; a 404 means the role does not see it.`,
  `- p95 at or over ${bar} ms: ${over} of ${rows.length * 3}. Run in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  `| endpoint | ${roleLabels.owner} | ${roleLabels.head} | ${roleLabels.manager} |`,
  '|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| \`${label(row.path)}\` | ${cell(row.byRole.owner)} | ${cell(row.byRole.head)} | ${cell(row.byRole.manager)} |`,
  ),
].join('\n');
if (!values['no-results']) {
  writeMarkedSection(path.join(root, 'bench', 'RESULTS.md'), `bench:sweep deals=${deals}`, section);
  console.log('Wrote bench/RESULTS.md');
}
console.log(`${over} of ${rows.length * 3} at or over ${bar} ms at p95`);
