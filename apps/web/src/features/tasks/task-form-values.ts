import type { Recurrence, Task } from '@voronka/domain';

export type RecurrenceChoice = 'none' | Recurrence['frequency'];

/** What the task form edits; dates are the values of `datetime-local` inputs, in the browser's zone. */
export type TaskFormValues = {
  title: string;
  description: string;
  assigneeId: string | null;
  dueAt: string;
  remindAt: string;
  priority: Task['priority'];
  recurrence: RecurrenceChoice;
  interval: number;
  weekdays: number[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone, e.g. "2026-03-12T18:00". */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (browser time) as an ISO instant; blank stays null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A sensible default due time: today at 18:00, or tomorrow at 10:00 when the day is nearly over. */
export function defaultDue(now = new Date()): string {
  const due = new Date(now);
  if (now.getHours() < 17) due.setHours(18, 0, 0, 0);
  else {
    due.setDate(due.getDate() + 1);
    due.setHours(10, 0, 0, 0);
  }
  return toLocalInput(due.toISOString());
}

export function emptyTaskValues(assigneeId: string, now = new Date()): TaskFormValues {
  return {
    title: '',
    description: '',
    assigneeId,
    dueAt: defaultDue(now),
    remindAt: '',
    priority: 'normal',
    recurrence: 'none',
    interval: 1,
    weekdays: [],
  };
}

export function taskToValues(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description ?? '',
    assigneeId: task.assigneeId,
    dueAt: toLocalInput(task.dueAt),
    remindAt: toLocalInput(task.remindAt),
    priority: task.priority,
    recurrence: task.recurrence?.frequency ?? 'none',
    interval: task.recurrence?.interval ?? 1,
    weekdays: task.recurrence?.weekdays ?? [],
  };
}

/** The fields of a create or update body. */
export function valuesToBody(values: TaskFormValues) {
  const recurrence: Recurrence | null =
    values.recurrence === 'none'
      ? null
      : {
          frequency: values.recurrence,
          interval: values.interval,
          ...(values.recurrence === 'weekly' && values.weekdays.length > 0
            ? { weekdays: [...values.weekdays].sort((a, b) => a - b) }
            : {}),
        };
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    dueAt: fromLocalInput(values.dueAt),
    remindAt: fromLocalInput(values.remindAt),
    priority: values.priority,
    recurrence,
  };
}
