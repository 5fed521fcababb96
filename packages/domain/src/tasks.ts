import { z } from 'zod';

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

const dayMs = 24 * 3600 * 1000;

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
