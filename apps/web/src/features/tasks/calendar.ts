export type CalendarMode = 'month' | 'week';

const dayMs = 24 * 3600 * 1000;

/** Local midnight of the Monday on or before a date. */
export function startOfWeek(date: Date): Date {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - weekday);
  return start;
}

/**
 * The days a calendar shows around a date, in the browser's time zone: six whole weeks for a month
 * (so that every month fits), seven days for a week. `end` is the midnight after the last day.
 *
 * @example calendarDays(new Date(2026, 2, 12), 'week').days.length // 7, Monday 9 March … Sunday 15 March
 */
export function calendarDays(anchor: Date, mode: CalendarMode): { days: Date[]; start: Date; end: Date } {
  const start = startOfWeek(mode === 'month' ? new Date(anchor.getFullYear(), anchor.getMonth(), 1) : anchor);
  const count = mode === 'month' ? 42 : 7;
  const days = Array.from(
    { length: count },
    (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i),
  );
  const last = days.at(-1) ?? start;
  return { days, start, end: new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1) };
}

/** "2026-03-12" for a local date. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Calendar items (tasks by deadline, meetings by time) by the local day they fall on, in order of time. */
export function itemsByDay<Item extends { startsAt: string }>(items: readonly Item[]): Map<string, Item[]> {
  const byDay = new Map<string, Item[]>();
  const inOrder = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const item of inOrder) {
    const key = dayKey(new Date(item.startsAt));
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  return byDay;
}

/** The anchor moved by one month or one week. */
export function shiftAnchor(anchor: Date, mode: CalendarMode, step: 1 | -1): Date {
  if (mode === 'month') return new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
  return new Date(anchor.getTime() + step * 7 * dayMs);
}
