import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../../db/schema';

/** A durable job: runs once its `startAfter` has passed, retried if the process running it dies. */
export interface JobSpec {
  queue: string;
  data: object;
  id?: string;
  startAfter?: Date;
}

export type JobHandler = (data: unknown[]) => Promise<void>;

/**
 * Durable jobs and timers on pg-boss, over the application's own connection (so PGlite works too).
 * `enqueue` writes through the caller's transaction: a job exists exactly when the step that
 * scheduled it committed. Handlers must be idempotent; a job whose process died while running it is
 * run again after `expireInSeconds`.
 */
export interface Jobs {
  enqueue(trx: Kysely<DB>, jobs: readonly JobSpec[]): Promise<void>;
  cancel(trx: Kysely<DB>, queue: string, ids: readonly string[]): Promise<void>;
  work(queue: string, handler: JobHandler, options?: { batchSize?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  /** How often idle workers look for due jobs. */
  pollingIntervalSeconds?: number;
  /** After this long a running job counts as lost (its process died) and is retried. */
  expireInSeconds?: number;
  /** How often lost jobs are looked for (pg-boss maintenance). */
  maintenanceIntervalSeconds?: number;
}

const executor = (db: Kysely<DB>) => ({
  executeSql: async (text: string, values: unknown[]) =>
    db.executeQuery(CompiledQuery.raw(text, values ?? [])) as Promise<{ rows: unknown[] }>,
});

export async function startJobs(
  db: Kysely<DB>,
  queues: readonly string[],
  options: JobsOptions = {},
): Promise<Jobs> {
  const expireInSeconds = options.expireInSeconds ?? 60;
  const boss = new PgBoss({
    db: executor(db),
    schema: 'pgboss',
    schedule: false,
    expireInSeconds,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', (error) => console.error('Job queue error:', error.message));
  await boss.start();
  for (const queue of queues) {
    if (!(await boss.getQueue(queue)))
      await boss.createQueue(queue, { name: queue, retryLimit: 20, retryDelay: 5, expireInSeconds });
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  return {
    async enqueue(trx, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((job) => ({ id: job.id, name: job.queue, data: job.data, startAfter: job.startAfter })),
        { db: executor(trx) },
      );
    },
    async cancel(trx, queue, ids) {
      if (ids.length > 0) await boss.cancel(queue, [...ids], { db: executor(trx) });
    },
    async work(queue, handler, workOptions = {}) {
      await boss.work(queue, { pollingIntervalSeconds, batchSize: workOptions.batchSize ?? 20 }, (jobs) =>
        handler(jobs.map((job) => job.data)),
      );
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false });
    },
  };
}
