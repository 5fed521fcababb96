import { z } from 'zod';
import { recordLink } from './activities';

export const Recurrence = z.strictObject({
  frequency: z.enum(['daily', 'weekly', 'monthly']),
  interval: z.number().int().min(1).max(365).default(1),
  /** For weekly rules: the weekdays it falls on, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
});
export type Recurrence = z.infer<typeof Recurrence>;

export const taskEntities = ['lead', 'deal', 'contact', 'company'] as const;
export const TaskEntity = z.enum(taskEntities);

export const Task = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    assigneeId: z.uuid(),
    dueAt: z.string().nullable(),
    remindAt: z.string().nullable(),
    priority: z.enum(['low', 'normal', 'high']),
    recurrence: Recurrence.nullable(),
    status: z.enum(['open', 'done']),
    doneAt: z.string().nullable(),
    entity: TaskEntity.nullable(),
    recordId: z.uuid().nullable(),
    /** The record's title (a lead's or deal's title, a contact's or company's name); null when there is
     * no record, or it is deleted or not visible to the caller. */
    recordTitle: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

const taskFields = {
  title: z.string().trim().min(1).max(500),
  description: z.string().trim().max(5000).nullable(),
  assigneeId: z.uuid(),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  remindAt: z.iso.datetime({ offset: true }).nullable(),
  priority: z.enum(['low', 'normal', 'high']),
  recurrence: Recurrence.nullable(),
};
export const CreateTaskBody = z.strictObject({
  ...taskFields,
  description: taskFields.description.default(null),
  assigneeId: taskFields.assigneeId.optional(),
  dueAt: taskFields.dueAt.default(null),
  remindAt: taskFields.remindAt.default(null),
  priority: taskFields.priority.default('normal'),
  recurrence: taskFields.recurrence.default(null),
  entity: TaskEntity.nullable().default(null),
  recordId: z.uuid().nullable().default(null),
});
export const UpdateTaskBody = z.strictObject(taskFields).partial();

/** The longest range one calendar request may cover: a month view is six weeks. */
export const calendarMaxDays = 62;
const dayMs = 24 * 3600 * 1000;

export const CalendarQuery = z
  .strictObject({
    /** From (inclusive) and to (exclusive), ISO timestamps with an offset. */
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    /** Only this person's: the tasks assigned to them and the meetings they logged. */
    userId: z.uuid().optional(),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
    path: ['to'],
    message: 'Must be later than from',
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= calendarMaxDays * dayMs, {
    path: ['to'],
    message: `The range may cover at most ${calendarMaxDays} days`,
  });

const calendarFields = {
  id: z.uuid(),
  /** A task's title or a meeting's subject (null when the meeting has none). */
  title: z.string().nullable(),
  startsAt: z.string(),
  /** A meeting's end when its duration is known; null for tasks. */
  endsAt: z.string().nullable(),
  /** The task's assignee or the meeting's author. */
  personId: z.uuid().nullable(),
  entity: TaskEntity.nullable(),
  recordId: z.uuid().nullable(),
  recordTitle: z.string().nullable(),
  /** Where the item opens in the web app: the record's card, or the task list for a task on no record. */
  link: z.string(),
};

/** One entry of the calendar: a task by its deadline or a meeting by its time. */
export const CalendarItem = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('task'), ...calendarFields, task: Task }),
    z.object({ kind: z.literal('meeting'), ...calendarFields }),
  ])
  .meta({ id: 'CalendarItem' });
export type CalendarItem = z.infer<typeof CalendarItem>;

/**
 * Where a calendar item opens: its record's card, or for a task on no record the task itself.
 *
 * @example calendarLink('task', 'f1…', null, null) // "/tasks?task=f1…"
 */
export function calendarLink(
  kind: CalendarItem['kind'],
  id: string,
  entity: z.infer<typeof TaskEntity> | null,
  recordId: string | null,
): string {
  if (entity && recordId) return recordLink(entity, recordId);
  return kind === 'task' ? `/tasks?task=${id}` : '/tasks?tab=calendar';
}

/** ISO weekday of a UTC date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

/**
 * When a recurring task falls next after `from` (its last due time), keeping the time of day.
 * Weekly rules with weekdays step through the listed days; every `interval` weeks counts from the
 * week of `from`.
 *
 * @example nextOccurrence(new Date('2026-11-23T09:00:00Z'), { frequency: 'weekly', interval: 1, weekdays: [1] })
 * // 2026-11-30T09:00:00Z — "check calls every Monday"
 */
export function nextOccurrence(from: Date, rule: Recurrence): Date {
  const interval = rule.interval ?? 1;
  if (rule.frequency === 'daily') return new Date(from.getTime() + interval * dayMs);
  if (rule.frequency === 'monthly') {
    const next = new Date(from);
    const day = from.getUTCDate();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + interval);
    // The 31st of a month falls on the last day of shorter months.
    const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    next.setUTCDate(Math.min(day, lastDay));
    return next;
  }
  const weekdays = [...new Set(rule.weekdays?.length ? rule.weekdays : [isoWeekday(from)])].sort(
    (a, b) => a - b,
  );
  const today = isoWeekday(from);
  const laterThisWeek = weekdays.find((day) => day > today);
  if (laterThisWeek !== undefined) return new Date(from.getTime() + (laterThisWeek - today) * dayMs);
  const startOfWeek = from.getTime() - (today - 1) * dayMs;
  return new Date(startOfWeek + (interval * 7 + ((weekdays[0] ?? today) - 1)) * dayMs);
}
