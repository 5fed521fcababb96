import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { processCases } from './cases';
import { type InMemoryResult, measureInMemory } from './in-memory';
import { parseOptions } from './options';
import { measurePersisted, type PersistedResult } from './persisted';
import { openStore, type StoreKind } from './persisted-setup';
import {
  type CaseResult,
  detailLines,
  type RunResult,
  runTable,
  sectionMarkdown,
  writeSection,
} from './report';

// npm run bench:processes   (see bench/README.md)
const options = parseOptions(process.argv.slice(2));
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function persisted(kind: StoreKind): Promise<PersistedResult[]> {
  const store = await openStore(kind, options.databaseUrl);
  try {
    return await measurePersisted(store, processCases, {
      clients: options.clients,
      seconds: kind === 'postgres' ? options.pgSeconds : options.pgliteSeconds,
      maxInstances: options.pgMaxInstances,
      warmUp: kind === 'postgres' ? 200 : 50,
    });
  } finally {
    await store.dispose();
  }
}

async function oneRun(): Promise<RunResult> {
  const started = performance.now();
  const loadBefore = load();
  const inMemory: InMemoryResult[] = [];
  for (const process of processCases) {
    console.log(`In memory: ${process.name}…`);
    inMemory.push(await measureInMemory(process, options));
  }
  console.log('PostgreSQL…');
  const postgres = await persisted('postgres');
  console.log(options.pglite ? 'PGlite…' : 'PGlite skipped');
  const pglite = options.pglite ? await persisted('pglite') : null;
  const cases: CaseResult[] = processCases.map((process, index) => ({
    process,
    inMemory: inMemory[index]!,
    postgres: postgres[index]!,
    pglite: pglite?.[index] ?? null,
  }));
  return { loadBefore, loadAfter: load(), seconds: (performance.now() - started) / 1000, cases };
}

function describeCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function postgresVersion(): Promise<string> {
  const admin = new URL(options.databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; commit: string }>(
      `select current_setting('server_version') as version, current_setting('synchronous_commit') as commit`,
    );
    return `PostgreSQL ${rows[0]?.version} on the same machine with its defaults (synchronous_commit ${rows[0]?.commit})`;
  } finally {
    await client.end();
  }
}

const runs: RunResult[] = [];
for (let index = 0; index < options.runs; index++) {
  console.log(`Run ${index + 1} of ${options.runs} (load average ${load()})`);
  const run = await oneRun();
  runs.push(run);
  console.log(`\nRun ${index + 1}: load average ${run.loadBefore} before, ${run.loadAfter} after`);
  console.log([...runTable(run), '', ...detailLines(run)].join('\n'));
  console.log();
}

// A URL naming a directory as its host reaches PostgreSQL over its Unix socket instead of TCP.
const connection = /[?&]host=%2F|[?&]host=\//.test(options.databaseUrl) ? 'socket' : 'tcp';

if (options.writeResults) {
  const cpus = os.cpus();
  const section = sectionMarkdown(
    {
      command: ['npm run bench:processes', ...process.argv.slice(2)].join(' ').replace(/ -- $/, ''),
      date: `${new Date().toISOString().slice(0, 19)}Z`,
      commit: describeCommit(),
      machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
      software: `Node ${process.version}, bpmn-engine ${bpmnEngineVersion()}; ${await postgresVersion()}, reached over ${connection === 'socket' ? 'its Unix socket' : 'TCP on 127.0.0.1'}; PGlite in this process; pool of ${options.clients} connections and ${options.clients} concurrent clients`,
      budget:
        `in memory ${options.seconds} s per engine and process after ${options.warmUpSeconds} s of warm-up, ` +
        `in two alternating rounds, one instance at a time; heap held by ${options.waiting.toLocaleString('en-US')} ` +
        `waiting instances (bpmn-engine: ${options.waitingBpmnEngine.toLocaleString('en-US')}) after a forced GC; ` +
        `persisted phases up to ${options.pgSeconds} s or ${options.pgMaxInstances.toLocaleString('en-US')} instances ` +
        `on PostgreSQL (PGlite ${options.pgliteSeconds} s), each after a warm-up`,
      connection,
    },
    runs,
  );
  const file = path.join(import.meta.dirname, '..', 'RESULTS.md');
  writeSection(file, section, connection);
  console.log(`Wrote ${file}`);
}

function bpmnEngineVersion(): string {
  const manifest = new URL('../../node_modules/bpmn-engine/package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
