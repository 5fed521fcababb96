import type { InstanceState, ProcessEvent, Variables } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { describeFailure } from './actions';
import { runExternalAction } from './external-actions';
import { type Jobs, type JobsOptions, startJobs } from './jobs';
import { createNotifier } from './notifier';
import { advance, isStale, queues, type Runtime, startInstance } from './runtime';
import { startTriggerLoop } from './triggers';

interface TokenJob {
  workspaceId: string;
  instanceId: string;
  tokenId: string;
}
interface TimerJob extends TokenJob {
  elementId: string;
  dueAt: string;
}
interface ActionJob extends TokenJob {
  action: string;
  params: Variables;
}
interface ResumeJob {
  workspaceId: string;
  instanceId: string;
  event: ProcessEvent;
}
export interface StartJob {
  workspaceId: string;
  definitionId: string;
  versionId: string;
  variables: Variables;
  entity: string | null;
  recordId: string | null;
  initiatorId: string | null;
  /** Set by triggers: a second delivery of the same trigger starts nothing. */
  idempotencyKey?: string;
}

export interface ProcessRuntime extends Runtime {
  stop(): Promise<void>;
}

/** Advances one instance in its own transaction; a stale event (already handled) is dropped. */
async function advanceInOwnTransaction(
  db: Kysely<DB>,
  runtime: Runtime,
  data: ResumeJob,
  guard?: (state: InstanceState) => boolean,
): Promise<void> {
  try {
    await db
      .transaction()
      .execute((trx) => advance(trx, runtime, data.workspaceId, data.instanceId, null, data.event, guard));
  } catch (error) {
    if (!isStale(error)) throw error;
  }
}

/**
 * Starts the job queue and the workers that carry processes on: timers firing, actions that talk to
 * the outside world, child processes answering their parents, and trigger-started instances. Any
 * server process may run any job; the instance row lock keeps two from advancing one instance at once.
 */
export async function startProcessRuntime(
  db: Kysely<DB>,
  options: JobsOptions & { now?: () => Date; workers?: boolean; triggerIntervalMs?: number } = {},
): Promise<ProcessRuntime> {
  const jobs: Jobs = await startJobs(db, Object.values(queues), options);
  const notifier = createNotifier(db);
  const runtime: Runtime = { jobs, now: options.now ?? (() => new Date()), notify: notifier.notify };
  if (options.workers !== false) {
    await jobs.work(queues.timer, async (batch) => {
      for (const job of batch as TimerJob[]) {
        const stillWaiting = (state: InstanceState) =>
          state.tokens.some(
            (token) =>
              token.id === job.tokenId && token.elementId === job.elementId && token.dueAt === job.dueAt,
          );
        await advanceInOwnTransaction(
          db,
          runtime,
          { ...job, event: { type: 'timerFired', tokenId: job.tokenId } },
          stillWaiting,
        );
      }
    });
    await jobs.work(queues.resume, async (batch) => {
      for (const job of batch as ResumeJob[]) await advanceInOwnTransaction(db, runtime, job);
    });
    await jobs.work(
      queues.action,
      async (batch) => {
        for (const job of batch as ActionJob[]) {
          let event: ProcessEvent;
          try {
            const variables = await runExternalAction(job.action, job.params, job.tokenId, {
              db,
              workspaceId: job.workspaceId,
              instanceId: job.instanceId,
            });
            event = { type: 'completeTask', tokenId: job.tokenId, variables };
          } catch (error) {
            const { code, message } = describeFailure(error);
            event = {
              type: 'failTask',
              tokenId: job.tokenId,
              errorCode: code,
              message: `${job.action}: ${message}`,
            };
          }
          await advanceInOwnTransaction(db, runtime, { ...job, event });
        }
      },
      { batchSize: 5 },
    );
    await jobs.work(queues.start, async (batch) => {
      for (const job of batch as StartJob[]) {
        await db.transaction().execute(async (trx) => {
          if (job.idempotencyKey) {
            const fresh = await trx
              .insertInto('process_effects')
              .values({
                workspace_id: job.workspaceId,
                key: job.idempotencyKey,
                instance_id: null,
                result: null,
              })
              .onConflict((oc) => oc.doNothing())
              .returning('key')
              .executeTakeFirst();
            if (!fresh) return;
          }
          await startInstance(trx, runtime, { ...job, commit: true });
        });
      }
    });
  }
  const stopTriggers =
    options.workers === false
      ? async () => {}
      : startTriggerLoop(db, runtime, options.triggerIntervalMs ?? 1000);
  return {
    ...runtime,
    stop: async () => {
      await stopTriggers();
      await jobs.stop();
      await notifier.flush();
    },
  };
}
