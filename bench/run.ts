import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectionOptions } from '../apps/server/src/db/database';
import { generateDataset, sizeFor } from './dataset/generate-dataset';
import { type DatasetMarker, readMarker } from './dataset/marker';
import { parseOptions, type RunOptions } from './options';
import { type BenchActor, type RoleName, revokeToken, signIn } from './runner/actors';
import { buildCases, caseName, createdTitlePrefix } from './runner/cases';
import { HttpClient } from './runner/http';
import { openInProcessApp } from './runner/in-process-app';
import { type CaseResult, measureCase } from './runner/measure-case';
import { printResults, type RunInfo, resultsMarkdown, writeResults } from './runner/report';
import { startServer } from './runner/server';
import { captureStatements } from './runner/sql-capture';
import { planReplay, type Replay } from './runner/sql-replay';

// npm run bench -- --deals 100000   (see bench/README.md)
const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const marker = await ensureDataset(options);
const load = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
// The server runs the code on disk when it starts: that is the commit the figures belong to.
const commit = describeCommit();

console.log('Starting the server…');
const server = await startServer(options.databaseUrl);
const http = new HttpClient(server.url);
// With the server's own connection settings (db/database.ts), so the raw SQL is planned as it is there.
const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, options: connectionOptions(0) });
const actors: Partial<Record<RoleName, BenchActor>> = {};
try {
  await removeCreatedDeals(pool);
  for (const role of ['owner', 'head', 'manager'] as const) actors[role] = await signIn(http, role);
  const cases = (await buildCases(pool, http, actors as Record<RoleName, BenchActor>)).filter(
    (item) => !options.only || caseName(item).includes(options.only),
  );

  console.log(`Capturing the SQL of ${cases.length} cases…`);
  const captureStarted = performance.now();
  const plans = new Map<(typeof cases)[number], Replay[]>();
  const app = await openInProcessApp(options.databaseUrl);
  try {
    for (const item of cases) {
      const replays: Replay[] = [];
      for (const variant of item.variants) {
        // Captured on a repeat, as the measured server runs it: the first call reads the token's row,
        // later ones find it kept (http/actor-cache.ts), so the replay leaves that statement out too.
        await app.call(variant, item.actor.headers);
        const statements = await captureStatements(() => app.call(variant, item.actor.headers));
        // No statements means the capture missed the server's client: the raw side would time nothing.
        if (statements.length === 0)
          throw new Error(`${caseName(item)}: no SQL captured for ${variant.path}`);
        // The token's last-use stamp is written at most every five minutes, not per request.
        replays.push(planReplay(statements.filter((s) => !/^update "api_tokens"/.test(s.text))));
      }
      plans.set(item, replays);
    }
  } finally {
    await app.close();
  }
  console.log(`Captured in ${((performance.now() - captureStarted) / 1000).toFixed(1)} s`);

  const results: CaseResult[] = [];
  for (const item of cases) {
    const result = await measureCase(item, plans.get(item) ?? [], { http, pool, server }, options);
    results.push(result);
    console.log(
      `${caseName(item).padEnd(56)} p50 ${result.http1.p50.toFixed(2)} ms (sql ${result.sql1.p50.toFixed(2)}), ` +
        `c10 ${result.http10.rate.toFixed(0)} req/s (sql ${result.sql10.rate.toFixed(0)})`,
    );
  }
  printResults(results);
  if (options.writeResults) {
    const file = path.join(import.meta.dirname, 'RESULTS.md');
    writeResults(file, options.deals, resultsMarkdown(options.deals, await runInfo(marker, load), results));
    console.log(`Wrote ${file}`);
  }
  console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await removeCreatedDeals(pool).catch(() => undefined);
  for (const actor of Object.values(actors)) await revokeToken(http, actor).catch(() => undefined);
  http.close();
  await pool.end();
  await server.stop();
}

/** Reuses the database when it holds exactly the requested dataset; otherwise generates it. */
async function ensureDataset(options: RunOptions): Promise<DatasetMarker> {
  if (!options.regenerate) {
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
  }
  console.log(`Generating ${options.deals.toLocaleString('en')} deals into ${options.databaseUrl}`);
  return generateDataset(options);
}

/**
 * Deals made by the "create deal" cases, with their stage visits and history, so every run starts
 * from the same data. The final delete skips triggers (replica mode): nothing else points at these
 * deals, and the foreign-key check for leads.deal_id, which has no index, would scan every lead per
 * deal.
 */
async function removeCreatedDeals(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `create temporary table created_deals on commit drop as select id from deals where title like $1`,
      [`${createdTitlePrefix}%`],
    );
    // Into the recycle bin first, with triggers on, so what they keep (the board's totals) forgets them.
    await client.query(
      `update deals set deleted_at = now() where id in (select id from created_deals) and deleted_at is null`,
    );
    await client.query('set local session_replication_role = replica');
    await client.query(
      `delete from record_history where entity = 'deal' and record_id in (select id from created_deals)`,
    );
    await client.query(`delete from deal_stage_history where deal_id in (select id from created_deals)`);
    await client.query(`delete from deal_products where deal_id in (select id from created_deals)`);
    await client.query(`delete from deals where id in (select id from created_deals)`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function runInfo(marker: DatasetMarker, load: string): Promise<RunInfo> {
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
    command: `npm run bench${argv ? ` -- ${argv}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    software: `Node ${process.version}; PostgreSQL ${pgInfo?.version} on the same machine with its defaults (shared_buffers ${pgInfo?.shared_buffers}, work_mem ${pgInfo?.work_mem}, jit ${pgInfo?.jit}); the server's pool holds 10 connections, as does the raw SQL side`,
    dataset: `${counts} in one workspace of 50 users (seed ${marker.seed}, history up to ${marker.anchor}); generated in ${marker.seconds.total} s (${Object.entries(
      marker.seconds,
    )
      .filter(([step]) => step !== 'total')
      .map(([step, seconds]) => `${step} ${seconds} s`)
      .join(', ')})`,
    budget: `per case and side: up to ${options.requests} requests or ${options.seconds} s at concurrency 1, up to ${options.requests * 10} requests or ${options.seconds} s at concurrency 10, in two alternating rounds after up to ${options.warmup} unmeasured (ten at a time, at most 2 s)`,
    load,
  };
}

function describeCommit(): string {
  const root = path.resolve(import.meta.dirname, '..');
  const git = (args: string[]) => execFileSync('git', args, { cwd: root }).toString().trim();
  const changed = git(['status', '--porcelain', '--', '.', ':(exclude)bench/RESULTS.md']).length > 0;
  return `${git(['rev-parse', '--short', 'HEAD'])}${changed ? ' with uncommitted changes' : ''}`;
}
