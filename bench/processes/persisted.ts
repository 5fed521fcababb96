import { type Kysely, sql } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema';
import type { Actor } from '../../apps/server/src/modules/access/actor';
import { completeProcessTask } from '../../apps/server/src/modules/processes/inbox.service';
import type { Runtime } from '../../apps/server/src/modules/processes/runtime';
import { startInstance } from '../../apps/server/src/modules/processes/runtime';
import { startProcessRuntime } from '../../apps/server/src/modules/processes/worker';
import { captureStatements } from '../runner/sql-capture';
import type { ProcessCase } from './cases';
import { type BenchStore, createBenchWorkspace, type Published, publishCase } from './persisted-setup';
import { backendCpu, backendPids, cpuBetween } from './postgres-cpu';

export interface Phase {
  instances: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this Node process (user + system) per instance: the server's share of the work. */
  nodeCpuMs: number;
  /** CPU time of the pool's PostgreSQL backends per instance (PostgreSQL on this machine only). */
  databaseCpuMs?: number;
}

/** Bytes of the rows one waiting instance holds (pg_column_size of each row, averaged). */
export interface WaitingBytes {
  instanceRow: number;
  tokenRows: number;
  tokensPerInstance: number;
  /** Written alongside, for reference: the open inbox task(s) and the step log so far. */
  taskRows: number;
  stepRows: number;
}

export interface PersistedResult {
  started: Phase;
  completed: Phase;
  bytes: WaitingBytes;
  /** Statements one start and one completion send (PostgreSQL only; captured after the timed phases). */
  statements?: { start: number; complete: number };
}

export interface PersistedOptions {
  clients: number;
  seconds: number;
  maxInstances: number;
  warmUp: number;
}

/** Runs `work` from `clients` concurrent loops until `count` items are done or `seconds` have passed. */
async function withClients(
  clients: number,
  seconds: number,
  count: number,
  work: (index: number) => Promise<void>,
  /** PostgreSQL backends whose CPU time to count (none for PGlite, which runs in this process). */
  pids: readonly number[] = [],
): Promise<Phase> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const databaseCpu = backendCpu(pids);
  const until = started + seconds * 1000;
  let next = 0;
  let done = 0;
  const loop = async () => {
    while (next < count && performance.now() < until) {
      await work(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const databaseCpuUsed = cpuBetween(databaseCpu, backendCpu(pids));
  const per = (ms: number) => ms / Math.max(done, 1);
  return {
    instances: done,
    seconds: elapsed,
    perSecond: done / elapsed,
    nodeCpuMs: per((used.user + used.system) / 1000),
    ...(databaseCpuUsed !== null && { databaseCpuMs: per(databaseCpuUsed) }),
  };
}

interface Target extends Published {
  process: ProcessCase;
  actor: Actor;
}

function startOne(db: Kysely<DB>, runtime: Runtime, target: Target, index: number): Promise<string> {
  return db.transaction().execute((trx) =>
    startInstance(trx, runtime, {
      workspaceId: target.actor.workspaceId,
      definitionId: target.definitionId,
      versionId: target.versionId,
      variables: target.process.startVariables(index),
      initiatorId: target.actor.userId,
      // As a start by hand or by a trigger's job does: the instance's write is the transaction's last.
      commit: true,
    }),
  );
}

/** Open inbox tasks of the given instances, in the order they were created. */
async function openTasks(db: Kysely<DB>, instanceIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('process_tasks')
    .select(['id', 'instance_id'])
    .where(sql<boolean>`instance_id = any(${instanceIds}::uuid[])`)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const tasks = new Map<string, string[]>(instanceIds.map((id) => [id, []]));
  for (const row of rows) tasks.get(row.instance_id)?.push(row.id);
  return tasks;
}

/** A person completes every task of the instance in the inbox, one after the other (plain tasks: no decision). */
async function completeAll(db: Kysely<DB>, runtime: Runtime, target: Target, taskIds: readonly string[]) {
  for (const taskId of taskIds) {
    await completeProcessTask(db, runtime, target.actor, taskId, { values: target.process.completion });
  }
}

async function waitingBytes(db: Kysely<DB>, definitionId: string): Promise<WaitingBytes> {
  const { rows } = await sql<{
    instances: number;
    instance_bytes: number;
    tokens: number;
    token_bytes: number;
    task_bytes: number;
    step_bytes: number;
  }>`
    with waiting as (
      select i.id, pg_column_size(i.*) as size from process_instances i
      where i.definition_id = ${definitionId} and i.status = 'running'
    )
    select
      (select count(*) from waiting)::int as instances,
      (select coalesce(sum(size), 0) from waiting)::float8 as instance_bytes,
      (select count(*) from process_tokens t where t.instance_id in (select id from waiting))::int as tokens,
      (select coalesce(sum(pg_column_size(t.*)), 0) from process_tokens t
        where t.instance_id in (select id from waiting))::float8 as token_bytes,
      (select coalesce(sum(pg_column_size(k.*)), 0) from process_tasks k
        where k.instance_id in (select id from waiting))::float8 as task_bytes,
      (select coalesce(sum(pg_column_size(s.*)), 0) from process_steps s
        where s.instance_id in (select id from waiting))::float8 as step_bytes
  `.execute(db);
  const row = rows[0]!;
  const per = (value: number) => value / Math.max(row.instances, 1);
  return {
    instanceRow: per(row.instance_bytes),
    tokenRows: per(row.token_bytes),
    tokensPerInstance: per(row.tokens),
    taskRows: per(row.task_bytes),
    stepRows: per(row.step_bytes),
  };
}

async function measureCase(
  db: Kysely<DB>,
  runtime: Runtime,
  target: Target,
  options: PersistedOptions,
  kind: BenchStore['kind'],
): Promise<PersistedResult> {
  // Warm-up: JIT, the version's graph cache, the pool's connections and prepared plans.
  const warm: string[] = [];
  await withClients(options.clients, 60, options.warmUp, async (index) => {
    warm.push(await startOne(db, runtime, target, 1_000_000 + index));
  });
  const warmTasks = await openTasks(db, warm);
  const warmIds = [...warmTasks.values()];
  await withClients(options.clients, 60, warmIds.length, (index) =>
    completeAll(db, runtime, target, warmIds[index]!),
  );

  // Statistics as autovacuum gathers them within a minute of the warm-up's writes on a default server
  // (this machine's PostgreSQL runs with autovacuum off). Until then the foreign-key checks keep plans
  // made on empty tables, which scan every instance of the workspace (see apps/server/src/db/maintenance.ts).
  await sql`analyze process_instances, process_tokens, process_tasks, process_steps`.execute(db);
  // The warm-up opened every pooled connection; these are the backends behind them.
  const pids = kind === 'postgres' ? await backendPids(db) : [];
  const ids: string[] = [];
  const started = await withClients(
    options.clients,
    options.seconds,
    options.maxInstances,
    async (index) => {
      ids.push(await startOne(db, runtime, target, index));
    },
    pids,
  );
  const bytes = await waitingBytes(db, target.definitionId);
  const tasks = [...(await openTasks(db, ids)).values()];
  for (const list of tasks) {
    if (list.length !== target.process.userTasks)
      throw new Error(`${target.process.key}: ${list.length} open tasks`);
  }
  const completed = await withClients(
    options.clients,
    options.seconds,
    tasks.length,
    (index) => completeAll(db, runtime, target, tasks[index]!),
    pids,
  );
  const finished = await db
    .selectFrom('process_instances')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(sql<boolean>`id = any(${ids}::uuid[])`)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  if (Number(finished.n) !== completed.instances) {
    throw new Error(`${target.process.key}: ${finished.n} completed, expected ${completed.instances}`);
  }
  return { started, completed, bytes };
}

/** Counts the statements of one start and one completion, outside any timed phase. */
async function countStatements(db: Kysely<DB>, runtime: Runtime, target: Target) {
  let id = '';
  const start = await captureStatements(async () => {
    id = await startOne(db, runtime, target, 2_000_000);
  });
  const tasks = (await openTasks(db, [id])).get(id) ?? [];
  const complete = await captureStatements(() => completeAll(db, runtime, target, tasks));
  return { start: start.length, complete: complete.length / Math.max(tasks.length, 1) };
}

/**
 * The server's own path on a fresh database: publish each process, then ten clients start instances
 * (each in its own transaction, through `startInstance`) until they wait in the inbox, then ten clients
 * complete those tasks through `completeProcessTask`, the inbox's service.
 */
export async function measurePersisted(
  store: BenchStore,
  processes: readonly ProcessCase[],
  options: PersistedOptions,
): Promise<PersistedResult[]> {
  const db = store.database.db;
  const actor = await createBenchWorkspace(db);
  const targets: Target[] = [];
  for (const process of processes)
    targets.push({ process, actor, ...(await publishCase(db, actor, process)) });
  const runtime = await startProcessRuntime(db, { workers: false });
  try {
    const results: PersistedResult[] = [];
    for (const target of targets) results.push(await measureCase(db, runtime, target, options, store.kind));
    if (store.kind === 'postgres') {
      for (const [index, target] of targets.entries()) {
        results[index]!.statements = await countStatements(db, runtime, target);
      }
    }
    return results;
  } finally {
    await runtime.stop();
  }
}
