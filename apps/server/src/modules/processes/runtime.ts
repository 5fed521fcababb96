import { randomUUID } from 'node:crypto';
import {
  type Effect,
  type InstanceState,
  type ProcessEvent,
  type ProcessGraph,
  ProcessStepError,
  step,
  type Variables,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { EventEnvelope } from '../events/event-bus';
import { isInlineAction, runInlineAction } from './actions';
import {
  graphOf,
  type InstanceRow,
  type LoadedInstance,
  lockInstance,
  type StepLog,
  saveStep,
} from './instances.queries';
import type { Jobs } from './jobs';
import { createProcessTask } from './process-tasks';

type Trx = Kysely<DB>;

export const queues = {
  timer: 'process-timer',
  action: 'process-action',
  resume: 'process-resume',
  start: 'process-start',
} as const;

/** Steps need the job queue; a server started without one refuses them once the target exists. */
export function requireRuntime(runtime: Runtime | null): Runtime {
  if (!runtime) throw new AppError('conflict', 'Business processes are not running on this server');
  return runtime;
}

/** What running a process needs from the outside world. */
export interface Runtime {
  jobs: Jobs;
  now(): Date;
  /** Live hints to browsers, sent after the fact (see notifier.ts). */
  notify(envelope: EventEnvelope): void;
}

/** One line of an instance's step log (the monitor's history). */
export type StepLogEntry = StepLog;

export interface StartOptions {
  workspaceId: string;
  versionId: string;
  definitionId: string;
  variables?: Variables;
  initiatorId?: string | null;
  entity?: string | null;
  recordId?: string | null;
  startEventId?: string;
  parent?: { instanceId: string; tokenId: string };
  /** The start is the transaction's last work: its write commits it, in the same round trip. */
  commit?: boolean;
}

/**
 * Creates an instance and runs it to its first wait states, in the caller's transaction. A new
 * instance has nobody to race with, so it is not locked and re-read: the row is written, the start
 * step runs in memory, and its tokens, state and step log go out in one statement.
 */
export async function startInstance(trx: Trx, runtime: Runtime, options: StartOptions): Promise<string> {
  const graph = await graphOf(trx, options.workspaceId, options.versionId);
  // Often the transaction's first statement: its BEGIN travels with it (db/named-statements.ts).
  const inserted = await insertInstance.runFused(
    trx,
    {
      id: randomUUID(),
      workspaceId: options.workspaceId,
      definitionId: options.definitionId,
      versionId: options.versionId,
      entity: options.entity ?? null,
      recordId: options.recordId ?? null,
      initiatorId: options.initiatorId ?? null,
      parentInstanceId: options.parent?.instanceId ?? null,
      parentTokenId: options.parent?.tokenId ?? null,
    },
    'begin',
  );
  const row = inserted.rows[0]!;
  const empty: InstanceState = { status: 'running', variables: {}, tokens: [] };
  await runSteps(
    trx,
    runtime,
    row,
    graph,
    empty,
    options.initiatorId ?? null,
    {
      type: 'start',
      ...(options.startEventId && { startEventId: options.startEventId }),
      // Expressions can name whoever started the process (a notification back to them, say).
      variables: { ...(options.initiatorId && { initiatorId: options.initiatorId }), ...options.variables },
      ...(options.initiatorId && { initiator: options.initiatorId }),
    },
    options.commit,
  );
  return row.id;
}

// A new instance's row, as startInstance writes it: planned once per connection.
const insertInstance = prepared(
  (_db, param) => sql<InstanceRow>`
    insert into process_instances (id, workspace_id, definition_id, version_id, status, variables, entity,
      record_id, initiator_id, parent_instance_id, parent_token_id)
    values (${param('id')}::uuid, ${param('workspaceId')}::uuid, ${param('definitionId')}::uuid,
      ${param('versionId')}::uuid, 'running', '{}'::jsonb, ${param('entity')}, ${param('recordId')}::uuid,
      ${param('initiatorId')}::uuid, ${param('parentInstanceId')}::uuid, ${param('parentTokenId')}::uuid)
    returning *`,
);

/**
 * One step of one instance: lock it, let the engine move its tokens, carry out the effects (user
 * tasks, timers, actions, child processes), write the new state, all in the caller's transaction.
 * Actions on the CRM run inline, so their changes commit or roll back with the step; the engine's
 * answer to them is fed back until the instance waits again. An event that no longer fits (a timer
 * for a token that moved on) throws ProcessStepError and changes nothing.
 */
export async function advance(
  trx: Trx,
  runtime: Runtime,
  workspaceId: string,
  instanceId: string,
  actorId: string | null,
  event: ProcessEvent,
  guard?: (state: InstanceState) => boolean,
): Promise<InstanceState> {
  const loaded = await lockInstance(trx, workspaceId, instanceId);
  if (!loaded) throw new AppError('not_found', 'Process instance not found');
  if (guard && !guard(loaded.state)) throw new ProcessStepError('wrong_state', 'The event no longer fits');
  return advanceLoaded(trx, runtime, loaded, actorId, event);
}

/**
 * The same step for an instance this transaction has already locked and read (see lockInstance).
 * With `commit`, the step's last write also commits the transaction: nothing may follow it in there.
 */
export function advanceLoaded(
  trx: Trx,
  runtime: Runtime,
  loaded: LoadedInstance,
  actorId: string | null,
  event: ProcessEvent,
  commit = false,
): Promise<InstanceState> {
  return runSteps(trx, runtime, loaded.row, loaded.graph, loaded.state, actorId, event, commit);
}

async function runSteps(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  graph: ProcessGraph,
  before: InstanceState,
  actorId: string | null,
  event: ProcessEvent,
  commit = false,
): Promise<InstanceState> {
  const context = { now: runtime.now(), newId: randomUUID };
  const log: StepLogEntry[] = [];
  logEvent(log, event, before);
  let state = before;
  const path: string[] = [];
  const pending: ProcessEvent[] = [event];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const result = step(graph, state, next, context);
    state = result.instance;
    path.push(...result.visited);
    for (const effect of result.effects) {
      const followUp = await applyEffect(trx, runtime, row, state, effect, log);
      if (followUp) pending.push(followUp);
    }
  }
  if (path.length > 0)
    log.push({ elementId: path.at(-1) ?? '', tokenId: null, event: 'passed', detail: { path } });
  await saveStep(trx, row, before.tokens, state, log, actorId, commit);
  return state;
}

function logEvent(log: StepLogEntry[], event: ProcessEvent, before: InstanceState): void {
  const at = (tokenId: string) => before.tokens.find((token) => token.id === tokenId)?.elementId ?? '';
  switch (event.type) {
    case 'start':
      log.push({ elementId: event.startEventId ?? '', tokenId: null, event: 'started' });
      return;
    case 'completeTask':
      log.push({
        elementId: at(event.tokenId),
        tokenId: event.tokenId,
        event: 'completed',
        detail: { variables: event.variables },
      });
      return;
    case 'failTask':
      log.push({
        elementId: at(event.tokenId),
        tokenId: event.tokenId,
        event: 'failed',
        detail: { errorCode: event.errorCode, message: event.message },
      });
      return;
    case 'timerFired':
      log.push({ elementId: at(event.tokenId), tokenId: event.tokenId, event: 'timer fired' });
      return;
    case 'childCompleted':
      log.push({ elementId: at(event.tokenId), tokenId: event.tokenId, event: 'child completed' });
      return;
    case 'message':
      log.push({
        elementId: '',
        tokenId: null,
        event: 'message',
        detail: { name: event.name, correlationKey: event.correlationKey },
      });
      return;
    case 'cancel':
      log.push({ elementId: '', tokenId: null, event: 'cancel requested' });
      return;
    case 'retryIncident':
      log.push({ elementId: at(event.tokenId), tokenId: event.tokenId, event: 'retried' });
      return;
  }
}

async function applyEffect(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  state: InstanceState,
  effect: Effect,
  log: StepLogEntry[],
): Promise<ProcessEvent | null> {
  const workspaceId = row.workspace_id;
  switch (effect.type) {
    case 'createUserTask': {
      const task = await createProcessTask(trx, runtime, row, effect);
      log.push({ elementId: effect.elementId, tokenId: effect.tokenId, event: 'task created', detail: task });
      return null;
    }
    case 'runAction': {
      log.push({
        elementId: effect.elementId,
        tokenId: effect.tokenId,
        event: 'action',
        detail: { action: effect.action },
      });
      if (isInlineAction(effect.action)) return runInlineAction(trx, row, effect);
      await runtime.jobs.enqueue(trx, [
        {
          queue: queues.action,
          data: {
            workspaceId,
            instanceId: row.id,
            tokenId: effect.tokenId,
            action: effect.action,
            params: effect.params,
          },
        },
      ]);
      return null;
    }
    case 'scheduleTimer':
      log.push({
        elementId: effect.elementId,
        tokenId: effect.tokenId,
        event: 'timer set',
        detail: { dueAt: effect.dueAt },
      });
      // A token keeps its id as it moves on, so the job also names the element and due time: a timer
      // that was cancelled (or outlived its element) finds them changed and does nothing.
      await runtime.jobs.enqueue(trx, [
        {
          queue: queues.timer,
          data: {
            workspaceId,
            instanceId: row.id,
            tokenId: effect.tokenId,
            elementId: effect.elementId,
            dueAt: effect.dueAt,
          },
          startAfter: new Date(effect.dueAt),
        },
      ]);
      return null;
    case 'subscribeMessage':
      // The waiting token's row carries the message name and key; correlation looks there.
      return null;
    case 'cancelWork':
      await cancelWork(trx, runtime, row, effect.tokenId, effect.work);
      return null;
    case 'startChild':
      return startChild(trx, runtime, row, effect);
    case 'incident':
      log.push({
        elementId: effect.elementId,
        tokenId: effect.tokenId,
        event: 'incident',
        detail: { message: effect.message },
      });
      await trx
        .insertInto('process_incidents')
        .values({
          workspace_id: workspaceId,
          instance_id: row.id,
          token_id: effect.tokenId,
          element_id: effect.elementId,
          message: effect.message,
        })
        .execute();
      await trx
        .updateTable('process_instances')
        .set({ incidents: sql`incidents + 1` })
        .where('id', '=', row.id)
        .execute();
      return null;
    case 'instanceCompleted':
    case 'instanceTerminated':
    case 'instanceFailed':
    case 'instanceCancelled':
      log.push({
        elementId: '',
        tokenId: null,
        event: effect.type.replace('instance', '').toLowerCase(),
        ...(effect.type === 'instanceFailed' && {
          detail: { errorCode: effect.errorCode, message: effect.message },
        }),
      });
      await resumeParent(trx, runtime, row, state, effect);
      return null;
  }
}

async function cancelWork(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  tokenId: string,
  work: string,
): Promise<void> {
  if (work === 'userTask') {
    await trx
      .updateTable('process_tasks')
      .set({ status: 'cancelled' })
      .where('token_id', '=', tokenId)
      .where('status', '=', 'open')
      .execute();
  } else if (work === 'child') {
    const children = await trx
      .selectFrom('process_instances')
      .select('id')
      .where('workspace_id', '=', row.workspace_id)
      .where('parent_instance_id', '=', row.id)
      .where('parent_token_id', '=', tokenId)
      .where('status', '=', 'running')
      .execute();
    for (const child of children)
      await advance(trx, runtime, row.workspace_id, child.id, null, { type: 'cancel' });
  }
}

async function startChild(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  effect: Extract<Effect, { type: 'startChild' }>,
): Promise<ProcessEvent | null> {
  const version = await trx
    .selectFrom('process_versions as v')
    .innerJoin('process_definitions as d', 'd.id', 'v.definition_id')
    .select(['v.id', 'v.definition_id'])
    .where('v.workspace_id', '=', row.workspace_id)
    .where('d.key', '=', effect.calledElement)
    .where('d.deleted_at', 'is', null)
    .where('v.status', '=', 'published')
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!version) {
    return {
      type: 'failTask',
      tokenId: effect.tokenId,
      errorCode: 'no_process',
      message: `No published process with the key ${effect.calledElement}`,
    };
  }
  await startInstance(trx, runtime, {
    workspaceId: row.workspace_id,
    versionId: version.id,
    definitionId: version.definition_id,
    variables: effect.variables,
    initiatorId: row.initiator_id,
    entity: row.entity,
    recordId: row.record_id,
    parent: { instanceId: row.id, tokenId: effect.tokenId },
  });
  return null;
}

/**
 * A finished child process answers its parent's call activity through a job rather than inline, so
 * locks are always taken parent first (at start and cancel) and never child first.
 */
async function resumeParent(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  state: InstanceState,
  effect: Effect,
): Promise<void> {
  if (!row.parent_instance_id || !row.parent_token_id || effect.type === 'instanceCancelled') return;
  const event: ProcessEvent =
    effect.type === 'instanceFailed'
      ? {
          type: 'failTask',
          tokenId: row.parent_token_id,
          errorCode: effect.errorCode,
          message: effect.message ?? '',
        }
      : { type: 'childCompleted', tokenId: row.parent_token_id, variables: state.variables };
  await runtime.jobs.enqueue(trx, [
    {
      queue: queues.resume,
      data: { workspaceId: row.workspace_id, instanceId: row.parent_instance_id, event },
    },
  ]);
}

/** A stale event (the token moved on, the instance ended) is expected after retries and races. */
export function isStale(error: unknown): boolean {
  return error instanceof ProcessStepError;
}
