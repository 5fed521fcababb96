import { type Kysely, type Selectable, sql } from 'kysely';
import type { ActivitiesTable, DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { withRecordTitles } from './record-titles';
import { type TaskRow, visibleTasks } from './tasks.queries';

export interface CalendarRange {
  from: Date;
  to: Date;
  /** Only this person's: tasks assigned to them, meetings they logged. */
  userId?: string;
  limit: number;
}

/** Visible tasks due in the range, by deadline, with their record's title. */
export async function calendarTasks(db: Kysely<DB>, actor: Actor, range: CalendarRange): Promise<TaskRow[]> {
  let query = visibleTasks(db, actor)
    .selectAll('tasks')
    .where('tasks.due_at', '>=', range.from)
    .where('tasks.due_at', '<', range.to);
  if (range.userId) query = query.where('tasks.assignee_id', '=', range.userId);
  const chosen = query.orderBy('tasks.due_at').orderBy('tasks.id').limit(range.limit);
  const { rows } = await withRecordTitles(actor, chosen, sql`chosen.due_at, chosen.id`).execute(db);
  return rows;
}

export type MeetingRow = Selectable<ActivitiesTable> & { record_title: string | null };

/**
 * Meetings held in the range, by time, with their record's title. Like tasks, a meeting is seen by
 * the people who see its author's records; its record's title only by those who see the record.
 */
export async function calendarMeetings(
  db: Kysely<DB>,
  actor: Actor,
  range: CalendarRange,
): Promise<MeetingRow[]> {
  let query = db
    .selectFrom('activities')
    .selectAll('activities')
    .where('activities.workspace_id', '=', actor.workspaceId)
    .where('activities.kind', '=', 'meeting')
    .where('activities.occurred_at', '>=', range.from)
    .where('activities.occurred_at', '<', range.to)
    .where(visibleTo(actor, 'activities.author_id'));
  if (range.userId) query = query.where('activities.author_id', '=', range.userId);
  const chosen = query.orderBy('activities.occurred_at').orderBy('activities.id').limit(range.limit);
  const { rows } = await withRecordTitles(actor, chosen, sql`chosen.occurred_at, chosen.id`).execute(db);
  return rows;
}
