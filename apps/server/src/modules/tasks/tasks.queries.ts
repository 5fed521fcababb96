import type { Recurrence, Task } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, TasksTable } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { withRecordTitles } from './record-titles';

export type TaskRow = Selectable<TasksTable> & { record_title: string | null };

export function toTask(row: TaskRow, now = new Date()): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    assigneeId: row.assignee_id,
    dueAt: row.due_at?.toISOString() ?? null,
    remindAt: row.remind_at?.toISOString() ?? null,
    priority: row.priority,
    recurrence: (row.recurrence ?? null) as Recurrence | null,
    status: row.status,
    doneAt: row.done_at?.toISOString() ?? null,
    entity: row.entity as Task['entity'],
    recordId: row.record_id,
    recordTitle: row.record_title,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    overdue: row.status === 'open' && row.due_at !== null && row.due_at < now,
  };
}

/** Tasks the actor may see: their own, the ones they set, and those of people whose records they see. */
export function visibleTasks(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('tasks')
    .where('tasks.workspace_id', '=', actor.workspaceId)
    .where('tasks.deleted_at', 'is', null)
    .where((eb) => eb.or([visibleTo(actor, 'tasks.assignee_id'), eb('tasks.created_by', '=', actor.userId)]));
}

export async function findTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  lock = false,
): Promise<TaskRow | undefined> {
  const query = visibleTasks(db, actor).selectAll('tasks').where('tasks.id', '=', id);
  const { rows } = await withRecordTitles(actor, lock ? query.forUpdate() : query).execute(db);
  return rows[0];
}

export type TaskScope = 'today' | 'overdue' | 'upcoming' | 'done' | 'all';

export interface TaskListOptions {
  scope: TaskScope;
  assigneeId?: string;
  entity?: string;
  recordId?: string;
  from?: string;
  to?: string;
  timezone: string;
  limit: number;
}

/** "Today" is the caller's calendar day in their time zone, computed by PostgreSQL. */
export async function listTasks(db: Kysely<DB>, actor: Actor, options: TaskListOptions): Promise<TaskRow[]> {
  const startOfTomorrow = sql<Date>`((date_trunc('day', now() at time zone ${options.timezone}) + interval '1 day') at time zone ${options.timezone})`;
  let query = visibleTasks(db, actor).selectAll('tasks');
  if (options.assigneeId) query = query.where('tasks.assignee_id', '=', options.assigneeId);
  if (options.entity && options.recordId)
    query = query.where('tasks.entity', '=', options.entity).where('tasks.record_id', '=', options.recordId);
  if (options.from) query = query.where('tasks.due_at', '>=', new Date(options.from));
  if (options.to) query = query.where('tasks.due_at', '<', new Date(options.to));
  if (options.scope === 'done') query = query.where('tasks.status', '=', 'done');
  else if (options.scope !== 'all') query = query.where('tasks.status', '=', 'open');
  if (options.scope === 'overdue') query = query.where(sql<boolean>`tasks.due_at < now()`);
  if (options.scope === 'today')
    query = query.where(sql<boolean>`tasks.due_at >= now() and tasks.due_at < ${startOfTomorrow}`);
  if (options.scope === 'upcoming') query = query.where(sql<boolean>`tasks.due_at >= ${startOfTomorrow}`);
  const order = sql.raw(options.scope === 'done' ? 'desc' : 'asc');
  const chosen = query
    .orderBy(sql`tasks.due_at ${order} nulls last`)
    .orderBy('tasks.id')
    .limit(options.limit);
  const { rows } = await withRecordTitles(
    actor,
    chosen,
    sql`chosen.due_at ${order} nulls last, chosen.id`,
  ).execute(db);
  return rows;
}
