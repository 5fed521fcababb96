import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectionOptions } from '../../apps/server/src/db/database';
import { generateDataset, sizeFor } from '../dataset/generate-dataset';
import { type DatasetMarker, readMarker } from '../dataset/marker';
import { type BenchActor, revokeToken, signIn } from '../runner/actors';
import { HttpClient } from '../runner/http';
import { drive, type Sample, summarize } from '../runner/measure';
import { startServer } from '../runner/server';
import { caseName, periodsOf, type ReportCase, reportCases } from './cases';
import { endpointCases } from './endpoint-cases';
import { parseReportsOptions, type ReportsOptions } from './options';
import { ensurePlanning } from './planning-setup';
import { meetsTargets, type ReportResult, ratioOf, resultsMarkdown, writeReportsResults } from './results';

// npm run bench:reports -- --deals 100000   (see bench/README.md, "Reports")
const options = parseReportsOptions(process.argv.slice(2));
/** A case that could not run (an error, or the server gone): no figures, and it counts as failed. */
const failedSummary = { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, rate: 0 };
const started = performance.now();
const marker = await ensureDataset(options);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const loadBefore = load();
const commit = describeCommit();

console.log('Starting the server…');
const server = await startServer(options.databaseUrl);
const http = new HttpClient(server.url);
// The server's connections run with JIT off and no parallel workers (db/database.ts); the hand-written
// SQL's too, so the ratio compares the queries and the endpoint's own cost, not those settings.
const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, options: connectionOptions(0) });
const actors: BenchActor[] = [];
let failed = false;
try {
  for (const role of ['owner', 'head'] as const) actors.push(await signIn(http, role));
  const periods = periodsOf(marker.anchor);
  const owner = actors.find((actor) => actor.role === 'owner')!;
  const plans = await ensurePlanning(server.url, owner, periods);
  const cases = [...reportCases(actors, periods), ...endpointCases(actors, periods, plans)].filter(
    (item) => !options.only || caseName(item).includes(options.only),
  );
  console.log(`${cases.length} cases on ${marker.counts.deals?.toLocaleString('en')} deals`);
  const floor = await measureFloor(owner);
  console.log(
    `Floor (a deal by id over HTTP): p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms`,
  );
  const results: ReportResult[] = [];
  for (const item of cases) {
    const result = await measure(item).catch(
      (error: unknown): ReportResult => ({
        item,
        http: failedSummary,
        sql: failedSummary,
        mismatches: [`the case failed: ${String(error)}`],
        rows: 0,
      }),
    );
    results.push(result);
    console.log(
      `${caseName(item).padEnd(72)} ${result.mismatches.length ? 'DIFFERENT' : 'same'} ` +
        `p50 ${result.http.p50.toFixed(0)} ms (sql ${result.sql.p50.toFixed(0)}) ` +
        `p95 ${result.http.p95.toFixed(0)} ms (sql ${result.sql.p95.toFixed(0)}) ` +
        `ratio ${ratioOf(result, 'p50').toFixed(2)}/${ratioOf(result, 'p95').toFixed(2)}`,
    );
    for (const line of result.mismatches.slice(0, 10)) console.error(`    ✗ ${line}`);
    if (result.mismatches.length > 10) console.error(`    … and ${result.mismatches.length - 10} more`);
  }
  const different = results.filter((result) => result.mismatches.length > 0);
  failed = different.length > 0;
  console.log(
    `\n${results.filter(meetsTargets).length} of ${results.length} cases meet every target; ` +
      `${different.length} give different numbers from the hand-written SQL`,
  );
  if (options.writeResults && (!options.only || options.label)) {
    const file = path.join(import.meta.dirname, '..', 'RESULTS.md');
    const section = resultsMarkdown(
      options.deals,
      options.label,
      await runInfo(marker, options, loadBefore, load(), floor),
      results,
    );
    writeReportsResults(file, options.deals, options.label, section);
    console.log(`Wrote ${file}`);
  }
  console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  for (const actor of actors) await revokeToken(http, actor).catch(() => undefined);
  http.close();
  await pool.end();
  await server.stop();
}
if (failed) {
  console.error('FAILED: some reports give numbers different from the hand-written SQL (listed above).');
  process.exitCode = 1;
}

/**
 * What any endpoint costs before its own SQL: a deal by id checks the token (one statement) and reads
 * one row by primary key (a second, of about 0.1 ms). A report whose SQL takes less than about twice
 * this cannot come within 1.5× of it, whatever the report does.
 */
async function measureFloor(actor: BenchActor) {
  const { rows } = await pool.query<{ id: string }>(
    'select id from deals where workspace_id = $1 and deleted_at is null order by id limit 1',
    [actor.workspaceId],
  );
  const request = { method: 'GET', path: `/api/deals/${rows[0]?.id}` } as const;
  const call = async () => {
    const response = await http.request(request, actor.headers);
    if (response.status !== 200) throw new Error(`${request.path} answered ${response.status}`);
  };
  // The server has just started: its code warms up first (see `measure`).
  await drive(call, { concurrency: 1, maxRequests: 3000, maxSeconds: 3 });
  return summarize([await drive(call, { concurrency: 1, maxRequests: 400, maxSeconds: 3 })]);
}

/**
 * One case: the endpoint and the hand-written SQL once each, compared; then each side one request at
 * a time, alternating in two rounds, so a change of background load touches both alike.
 */
async function measure(item: ReportCase): Promise<ReportResult> {
  const endpoint = async () => {
    const response = await http.request(item.request, item.actor.headers);
    if (response.status !== 200)
      throw new Error(`${item.request.path} answered ${response.status}: ${response.body.toString()}`);
    return response.body;
  };
  const sql = () => pool.query(item.sql.text, item.sql.values);
  const body = await endpoint();
  const result = await sql();
  const mismatches = item.compare(body, result);
  // V8 optimises a route's code as it runs: a deal by id used 0.75 ms of the server's CPU per request
  // in its first thousands and 0.34 ms after (npm run bench:floor). A running server has long passed
  // that; so each side first runs unmeasured, the hand-written SQL as much as the endpoint.
  const warm = { concurrency: 1, maxRequests: options.warmup, maxSeconds: 2 };
  if (options.warmup > 0) {
    await drive(async () => void (await endpoint()), warm);
    await drive(async () => void (await sql()), warm);
  }
  const budget = {
    concurrency: 1,
    maxRequests: Math.ceil(options.requests / 2),
    maxSeconds: options.seconds / 2,
  };
  const httpSamples: Sample[] = [];
  const sqlSamples: Sample[] = [];
  for (let round = 0; round < 2; round++) {
    httpSamples.push(await drive(async () => void (await endpoint()), budget));
    sqlSamples.push(await drive(async () => void (await sql()), budget));
  }
  return {
    item,
    http: summarize(httpSamples),
    sql: summarize(sqlSamples),
    mismatches,
    rows: result.rows.length,
  };
}

async function ensureDataset(options: ReportsOptions): Promise<DatasetMarker> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  const existing = await client
    .connect()
    .then(() => readMarker(client))
    .catch(() => null)
    .finally(() => client.end().catch(() => undefined));
  if (
    existing &&
    existing.seed === options.seed &&
    existing.anchor === options.anchor &&
    existing.counts.deals === sizeFor(options.deals).deals
  ) {
    console.log(`Reusing the dataset generated ${existing.generatedAt} in ${existing.seconds.total} s`);
    return existing;
  }
  console.log(`Generating ${options.deals.toLocaleString('en')} deals into ${options.databaseUrl}`);
  return generateDataset(options);
}

async function runInfo(
  marker: DatasetMarker,
  options: ReportsOptions,
  loadBefore: string,
  loadAfter: string,
  floor: { p50: number; p95: number },
) {
  const settings = await pool.query<{
    version: string;
    shared_buffers: string;
    work_mem: string;
    jit: string;
  }>(
    `select split_part(version(), ' ', 2) as version, current_setting('shared_buffers') as shared_buffers,
       current_setting('work_mem') as work_mem, current_setting('jit') as jit`,
  );
  const pgInfo = settings.rows[0];
  const counts = Object.entries(marker.counts)
    .map(([table, count]) => `${count.toLocaleString('en')} ${table}`)
    .join(', ');
  const argv = process.argv.slice(2).join(' ');
  return {
    command: `npm run bench:reports${argv ? ` -- ${argv}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    software: `Node ${process.version}; PostgreSQL ${pgInfo?.version} on the same machine with its defaults (shared_buffers ${pgInfo?.shared_buffers}, work_mem ${pgInfo?.work_mem}; jit on and two parallel workers by default, neither for the report statements on either side); the server's pool holds 10 connections; the hand-written SQL runs from this process over pg`,
    dataset: `${counts} in one workspace of 50 users (seed ${marker.seed}, history up to ${marker.anchor})`,
    budget: `per case and side: up to ${options.requests} requests or ${options.seconds} s, one at a time, in two alternating rounds after one request each that is compared${options.warmup > 0 ? ` and up to ${options.warmup} unmeasured (at most 2 s)` : ''}`,
    loadBefore,
    loadAfter,
    floor: `an authenticated request whose own SQL is one primary-key read (\`GET /api/deals/:id\` with the owner's API token) takes p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms over HTTP here; that much comes on top of any report's SQL`,
    notMeasured: [],
  };
}

function describeCommit(): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const git = (args: string[]) => execFileSync('git', args, { cwd: root }).toString().trim();
  const changed = git(['status', '--porcelain', '--', 'apps', 'packages', 'bench/reports']).length > 0;
  return `${git(['rev-parse', '--short', 'HEAD'])}${changed ? ' with uncommitted changes' : ''}`;
}
