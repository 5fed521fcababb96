import type { CreateTaskBody, Task, UpdateTaskBody } from '@voronka/domain';
import { diffRecords, nextOccurrence } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireVisibleRecord } from '../access/records';
import { publish } from '../events/event-bus';
import { createdFields, writeHistory } from '../history/record-history';
import { recordTitleOf } from './record-titles';
import { findTask, listTasks, type TaskListOptions, toTask } from './tasks.queries';

type Trx = Kysely<DB>;

async function requireAssignee(trx: Trx, actor: Actor, userId: string): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select('active')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) throw invalid('body.assigneeId', 'No such active user in this workspace');
}

async function announce(
  trx: Trx,
  actor: Actor,
  task: Task,
  action: 'create' | 'update' | 'delete',
): Promise<void> {
  await publish(trx, {
    workspaceId: actor.workspaceId,
    responsibleId: task.assigneeId,
    event: { type: 'record.changed', entity: 'task', recordId: task.id, action, actorId: actor.userId },
  });
  // The card of the record shows its tasks and the "no next step" warning: let it refresh too.
  if (task.entity && task.recordId) {
    await publish(trx, {
      workspaceId: actor.workspaceId,
      event: {
        type: 'record.changed',
        entity: task.entity,
        recordId: task.recordId,
        action: 'update',
        actorId: actor.userId,
      },
    });
  }
  if (action === 'create' && task.assigneeId !== actor.userId) {
    await publish(trx, {
      workspaceId: actor.workspaceId,
      userIds: [task.assigneeId],
      event: {
        type: 'notification',
        title: `${actor.name}: ${task.title}`,
        body: task.dueAt ?? undefined,
        link: `/tasks?task=${task.id}`,
      },
    });
  }
}

export async function findTasks(db: Kysely<DB>, actor: Actor, options: TaskListOptions): Promise<Task[]> {
  const now = new Date();
  return (await listTasks(db, actor, options)).map((row) => toTask(row, now));
}

export async function getTask(db: Kysely<DB>, actor: Actor, id: string): Promise<Task> {
  const row = await findTask(db, actor, id);
  if (!row) throw notFound('Task');
  return toTask(row);
}

export async function createTask(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateTaskBody>,
): Promise<Task> {
  return db.transaction().execute((trx) => insertTask(trx, actor, input));
}

/** Creates a task inside the caller's transaction, with its history, events and the assignee's notification. */
export async function insertTask(
  trx: Trx,
  actor: Actor,
  input: z.output<typeof CreateTaskBody>,
): Promise<Task> {
  if ((input.entity === null) !== (input.recordId === null))
    throw invalid('body.recordId', 'Give both entity and recordId, or neither');
  const assigneeId = input.assigneeId ?? actor.userId;
  await requireAssignee(trx, actor, assigneeId);
  if (input.entity && input.recordId)
    await requireVisibleRecord(trx, actor, input.entity, input.recordId, 'body.recordId');
  const row = await trx
    .insertInto('tasks')
    .values({
      workspace_id: actor.workspaceId,
      title: input.title,
      description: input.description,
      assignee_id: assigneeId,
      due_at: input.dueAt,
      remind_at: input.remindAt,
      reminded_at: null,
      priority: input.priority,
      recurrence: input.recurrence ? JSON.stringify(input.recurrence) : null,
      done_at: null,
      entity: input.entity,
      record_id: input.recordId,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const recordTitle = await recordTitleOf(trx, actor, input.entity, input.recordId);
  const task = toTask({ ...row, record_title: recordTitle });
  const { overdue: _, createdAt: __, recordTitle: ___, ...fields } = task;
  await writeHistory(trx, {
    workspaceId: actor.workspaceId,
    entity: 'task',
    recordId: task.id,
    actorId: actor.userId,
    action: 'create',
    changes: createdFields(fields),
  });
  await announce(trx, actor, task, 'create');
  return task;
}

export async function updateTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateTaskBody>,
): Promise<Task> {
  return db.transaction().execute(async (trx) => {
    const current = await findTask(trx, actor, id, true);
    if (!current) throw notFound('Task');
    if (input.assigneeId) await requireAssignee(trx, actor, input.assigneeId);
    const row = await trx
      .updateTable('tasks')
      .set({
        title: input.title,
        description: input.description,
        assignee_id: input.assigneeId,
        due_at: input.dueAt,
        remind_at: input.remindAt,
        // A new reminder time is a new reminder.
        reminded_at: input.remindAt === undefined ? undefined : null,
        priority: input.priority,
        recurrence:
          input.recurrence === undefined
            ? undefined
            : input.recurrence
              ? JSON.stringify(input.recurrence)
              : null,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A task stays on its record, so the record's title is the one just read.
    const task = toTask({ ...row, record_title: current.record_title });
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'task',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: diffRecords(toTask(current), task, ['overdue', 'recordTitle']),
    });
    await announce(trx, actor, task, 'update');
    return task;
  });
}

/** Marks a task done; a recurring task schedules its next occurrence in the same transaction. */
export async function completeTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<{ task: Task; next: Task | null }> {
  return db.transaction().execute(async (trx) => {
    const current = await findTask(trx, actor, id, true);
    if (!current) throw notFound('Task');
    if (current.status === 'done') throw new AppError('conflict', 'The task is already done');
    const now = new Date();
    const row = await trx
      .updateTable('tasks')
      .set({ status: 'done', done_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const task = toTask({ ...row, record_title: current.record_title }, now);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'task',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: [{ field: 'status', oldValue: 'open', newValue: 'done' }],
    });
    await announce(trx, actor, task, 'update');
    let next: Task | null = null;
    if (task.recurrence) {
      const due = nextOccurrence(current.due_at ?? now, task.recurrence);
      const remind =
        current.remind_at && current.due_at
          ? new Date(due.getTime() - (current.due_at.getTime() - current.remind_at.getTime()))
          : null;
      const nextRow = await trx
        .insertInto('tasks')
        .values({
          workspace_id: actor.workspaceId,
          title: current.title,
          description: current.description,
          assignee_id: current.assignee_id,
          due_at: due,
          remind_at: remind,
          reminded_at: null,
          priority: current.priority,
          recurrence: JSON.stringify(task.recurrence),
          done_at: null,
          entity: current.entity,
          record_id: current.record_id,
          created_by: current.created_by,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      next = toTask({ ...nextRow, record_title: current.record_title }, now);
      await writeHistory(trx, {
        workspaceId: actor.workspaceId,
        entity: 'task',
        recordId: next.id,
        actorId: actor.userId,
        action: 'create',
        changes: [{ field: 'recurringFrom', oldValue: null, newValue: id }],
      });
    }
    return { task, next };
  });
}

export async function deleteTask(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findTask(trx, actor, id, true);
    if (!current) throw notFound('Task');
    await trx.updateTable('tasks').set({ deleted_at: new Date() }).where('id', '=', id).execute();
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'task',
      recordId: id,
      actorId: actor.userId,
      action: 'delete',
      changes: [],
    });
    await announce(trx, actor, toTask(current), 'delete');
  });
}
