import { type CalendarItem, type CalendarQuery, calendarLink, type TaskEntity } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { calendarMeetings, calendarTasks } from './calendar.queries';
import { toTask } from './tasks.queries';

/** Of each kind at most this many; a range holding more says it was cut short. */
const perKind = 1000;

/** Tasks by deadline and meetings by time in a range, visible to the actor, in order of time. */
export async function findCalendar(
  db: Kysely<DB>,
  actor: Actor,
  query: z.output<typeof CalendarQuery>,
): Promise<{ items: CalendarItem[]; truncated: boolean }> {
  const range = {
    from: new Date(query.from),
    to: new Date(query.to),
    userId: query.userId,
    limit: perKind + 1,
  };
  const [tasks, meetings] = await Promise.all([
    calendarTasks(db, actor, range),
    calendarMeetings(db, actor, range),
  ]);
  const now = new Date();
  const items: CalendarItem[] = [
    ...tasks.slice(0, perKind).map((row): CalendarItem => {
      const task = toTask(row, now);
      return {
        kind: 'task',
        id: task.id,
        title: task.title,
        startsAt: task.dueAt ?? query.from,
        endsAt: null,
        personId: task.assigneeId,
        entity: task.entity,
        recordId: task.recordId,
        recordTitle: task.recordTitle,
        link: calendarLink('task', task.id, task.entity, task.recordId),
        task,
      };
    }),
    ...meetings.slice(0, perKind).map((row): CalendarItem => {
      const entity = row.entity as z.infer<typeof TaskEntity>;
      return {
        kind: 'meeting',
        id: row.id,
        title: row.subject,
        startsAt: row.occurred_at.toISOString(),
        endsAt:
          row.duration_seconds === null
            ? null
            : new Date(row.occurred_at.getTime() + row.duration_seconds * 1000).toISOString(),
        personId: row.author_id,
        entity,
        recordId: row.record_id,
        recordTitle: row.record_title,
        link: calendarLink('meeting', row.id, entity, row.record_id),
      };
    }),
  ];
  items.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return { items, truncated: tasks.length > perKind || meetings.length > perKind };
}
