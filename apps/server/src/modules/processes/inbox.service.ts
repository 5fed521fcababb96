import {
  type CompleteProcessTaskBody,
  type ProcessTask,
  type TaskDecision,
  validateTaskOutput,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import type { RecordEntity } from '../access/records';
import { attachFiles, resolveFileValues } from '../files/files.service';
import { recordTitleOf, withRecordTitles } from '../tasks/record-titles';
import { type LockedRow, loadedFrom, seenRevision, tokensOfInstance } from './instances.queries';
import { advanceLoaded, type Runtime, requireRuntime } from './runtime';

function taskQuery(db: Kysely<DB>, actor: Pick<Actor, 'workspaceId'>) {
  return db
    .selectFrom('process_tasks as t')
    .innerJoin('process_instances as i', 'i.id', 't.instance_id')
    .innerJoin('process_definitions as d', 'd.id', 'i.definition_id')
    .selectAll('t')
    .select(['d.name as process_name', 'i.entity', 'i.record_id', 'i.version_id'])
    .where('t.workspace_id', '=', actor.workspaceId);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>> & {
  record_title: string | null;
};

type ClaimedRow = Omit<TaskRow, 'record_title'> &
  Omit<LockedRow, 'id' | 'workspace_id' | 'status'> & { instance_status: string };

/**
 * Completing a task is the inbox's hot path, so one statement marks the task completed (if it is still
 * open), locks its instance and reads the instance's tokens; the checks that follow throw, and so roll
 * it back, when the task may not be completed this way. Planned once per connection.
 */
const claimTask = prepared(
  (_db, param) => sql<ClaimedRow>`
    with done as (
      update process_tasks set status = 'completed', outcome = ${param('outcome')}, comment = ${param('comment')},
        values = values || ${param('values')}::jsonb, completed_by = ${param('completedBy')}::uuid, completed_at = now()
      -- 'open' goes as a parameter: written in the text, it lets a generic plan pick the partial inbox
      -- index (where status = 'open') and walk every open task of the workspace instead of the key.
      where workspace_id = ${param('workspaceId')}::uuid and id = ${param('id')}::uuid and status = ${'open'}
      returning *
    ), i as (
      select i.*, ${tokensOfInstance} as tokens, ${seenRevision} as seen_revision
      from process_instances i
      where i.workspace_id = ${param('workspaceId')}::uuid and i.id = (select instance_id from done)
      for update
    )
    select done.*, d.name as process_name, i.definition_id, i.version_id, i.status as instance_status,
      i.variables, i.entity, i.record_id, i.initiator_id, i.parent_instance_id, i.parent_token_id,
      i.revision, i.incidents, i.started_at, i.updated_at, i.ended_at, i.tokens, i.seen_revision
    from done
    join i on i.id = done.instance_id
    join process_definitions d on d.id = i.definition_id`,
);

/** Why a task could not be claimed: it is not there (404), someone else's (403) or no longer open (409). */
async function refuseClaim(db: Kysely<DB>, actor: Actor, id: string): Promise<never> {
  const row = await taskQuery(db, actor).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Task');
  if (!mayComplete(actor, row)) throw forbidden('This task is assigned to someone else');
  throw new AppError('conflict', `The task is already ${row.status}`);
}

/** The claimed task as the inbox shows it, and its instance as the engine takes it. */
async function splitClaimed(trx: Kysely<DB>, claimed: ClaimedRow) {
  const { definition_id, instance_status, variables, initiator_id, parent_instance_id, parent_token_id } =
    claimed;
  const { revision, incidents, started_at, updated_at, ended_at, tokens, seen_revision, ...task } = claimed;
  const loaded = await loadedFrom(trx, {
    id: task.instance_id,
    workspace_id: task.workspace_id,
    definition_id,
    version_id: task.version_id,
    status: instance_status,
    variables,
    entity: task.entity,
    record_id: task.record_id,
    initiator_id,
    parent_instance_id,
    parent_token_id,
    revision,
    incidents,
    started_at,
    updated_at,
    ended_at,
    tokens,
    seen_revision,
  });
  return { task, loaded };
}

function toProcessTask(row: TaskRow, now: Date): ProcessTask {
  return {
    id: row.id,
    instanceId: row.instance_id,
    processName: row.process_name,
    elementId: row.element_id,
    name: row.name,
    assigneeId: row.assignee_id,
    candidateRole: row.candidate_role,
    form: row.form as ProcessTask['form'],
    decisions: row.decisions as TaskDecision[],
    values: row.values,
    dueAt: row.due_at?.toISOString() ?? null,
    overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
    status: row.status,
    outcome: row.outcome,
    comment: row.comment,
    entity: row.entity,
    recordId: row.record_id,
    recordTitle: row.record_title,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

/** Who may act on a task: its assignee, anyone with its candidate role, or an admin. */
function mayComplete(actor: Actor, row: { assignee_id: string | null; candidate_role: string | null }) {
  return (
    row.assignee_id === actor.userId ||
    (row.assignee_id === null && row.candidate_role === actor.role) ||
    actor.role === 'owner' ||
    actor.role === 'admin'
  );
}

export interface InboxFilter {
  scope: 'mine' | 'all';
  status: 'open' | 'completed' | 'cancelled';
  instanceId?: string;
  limit: number;
}

/** "My tasks": open tasks assigned to me or offered to my role, the most urgent first. */
export async function listProcessTasks(
  db: Kysely<DB>,
  actor: Actor,
  filter: InboxFilter,
): Promise<ProcessTask[]> {
  let query = taskQuery(db, actor).where('t.status', '=', filter.status);
  if (filter.instanceId) query = query.where('t.instance_id', '=', filter.instanceId);
  const seesAll = filter.scope === 'all' && actor.visibility !== 'own';
  if (!seesAll || filter.scope === 'mine') {
    query = query.where((eb) =>
      eb.or([
        eb('t.assignee_id', '=', actor.userId),
        eb.and([eb('t.assignee_id', 'is', null), eb('t.candidate_role', '=', actor.role)]),
      ]),
    );
  }
  const chosen = query
    .orderBy(sql`t.due_at asc nulls last`)
    .orderBy('t.created_at', 'desc')
    .limit(filter.limit);
  const { rows } = await withRecordTitles(actor, chosen, sql`due_at asc nulls last, created_at desc`).execute(
    db,
  );
  const now = new Date();
  return rows.map((row) => toProcessTask(row, now));
}

export async function getProcessTask(db: Kysely<DB>, actor: Actor, id: string): Promise<ProcessTask> {
  const { rows } = await withRecordTitles(actor, taskQuery(db, actor).where('t.id', '=', id)).execute(db);
  const row = rows[0];
  if (!row) throw notFound('Task');
  if (!mayComplete(actor, row) && actor.visibility === 'own') throw notFound('Task');
  return toProcessTask(row, new Date());
}

/**
 * An approval task takes exactly one of its decisions; a plain task takes none. Anything else is refused
 * (422) rather than left for the process to stumble on at its next gateway.
 */
function checkDecision(decisions: readonly string[], outcome: string | undefined): void {
  if (outcome === undefined && decisions.length === 0) return;
  if (outcome !== undefined && decisions.includes(outcome)) return;
  const message =
    decisions.length === 0
      ? 'This task takes no decision: complete it without an outcome'
      : outcome === undefined
        ? `Choose a decision: ${decisions.join(', ')}`
        : `"${outcome}" is not a decision of this task: ${decisions.join(', ')}`;
  throw new AppError('process_invalid', message, [
    { path: 'body.outcome', message, code: 'decision_not_allowed', allowed: decisions },
  ]);
}

/**
 * Completes a user task: every required form field must be filled (each missing one is named) and an
 * approval task needs one of its decisions, then the process moves on in the same transaction. The
 * decision (as `decision` and `outcome`), the form values and the comment become process variables; a
 * task completed twice is refused.
 */
export async function completeProcessTask(
  db: Kysely<DB>,
  runtime: Runtime | null,
  actor: Actor,
  id: string,
  input: z.output<typeof CompleteProcessTaskBody>,
): Promise<ProcessTask> {
  // The inbox's hot path: BEGIN travels with the claim and COMMIT with the step's write, so a completion
  // is two round trips (db/named-statements.ts); nothing may run in the transaction after the step.
  const completed = await db.transaction().execute(async (trx) => {
    // Uploaded files are checked and described from what is stored; a form without files costs nothing.
    const values = await resolveFileValues(trx, actor, input.values, 'body.values', id);
    const claimTaskValues = {
      workspaceId: actor.workspaceId,
      id,
      outcome: input.outcome ?? null,
      // A form's own comment field counts as the task's comment.
      comment: input.comment ?? (typeof values.comment === 'string' ? values.comment : null),
      values: JSON.stringify(values),
      completedBy: actor.userId,
    };
    const [claimed] = (await claimTask.runFused(trx, claimTaskValues, 'begin')).rows;
    if (!claimed) return refuseClaim(trx, actor, id);
    const { task: row, loaded } = await splitClaimed(trx, claimed);
    if (!mayComplete(actor, row)) throw forbidden('This task is assigned to someone else');
    await attachFiles(trx, actor, values, row.instance_id);
    checkDecision(row.decisions, input.outcome);
    const graph = loaded.graph;
    const missing = validateTaskOutput(graph, row.element_id, values);
    if (missing.length > 0) {
      throw new AppError(
        'validation_failed',
        `Fill in: ${missing.map((field) => field.label).join(', ')}`,
        missing.map((field) => ({ path: `body.values.${field.id}`, message: `${field.label} is required` })),
      );
    }
    const vote = graph.elements[row.element_id]?.multiInstance?.approval?.vote;
    const variables: Record<string, unknown> = {
      ...values,
      ...(input.outcome !== undefined && { outcome: input.outcome, decision: input.outcome }),
      ...(input.comment !== undefined && { comment: input.comment }),
      ...(vote && input.outcome !== undefined && { [vote]: input.outcome === 'approve' }),
    };
    await advanceLoaded(
      trx,
      requireRuntime(runtime),
      loaded,
      actor.userId,
      { type: 'completeTask', tokenId: row.token_id, variables },
      true,
    );
    return row;
  });
  // Read after the commit (the step may have renamed the record); the rest comes from the rows in hand.
  const title = await recordTitleOf(db, actor, completed.entity as RecordEntity | null, completed.record_id);
  return toProcessTask({ ...completed, record_title: title }, new Date());
}
