import type { Task } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { calendarDays, dayKey, shiftAnchor, tasksByDay } from './calendar';

describe('task calendar', () => {
  it('shows six whole weeks from the Monday before the 1st', () => {
    const { days, start, end } = calendarDays(new Date(2026, 2, 12), 'month');
    expect(days).toHaveLength(42);
    expect(dayKey(start)).toBe('2026-02-23');
    expect(dayKey(days[41] as Date)).toBe('2026-04-05');
    expect(dayKey(end)).toBe('2026-04-06');
  });

  it('shows a week from Monday to Sunday', () => {
    const { days } = calendarDays(new Date(2026, 2, 15), 'week');
    expect(days.map(dayKey)).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
  });

  it('groups tasks by their local due day in time order and skips undated ones', () => {
    const task = (id: string, dueAt: string | null) => ({ id, dueAt }) as Task;
    const late = new Date(2026, 2, 12, 18).toISOString();
    const early = new Date(2026, 2, 12, 9).toISOString();
    const byDay = tasksByDay([task('a', late), task('b', early), task('c', null)]);
    expect(byDay.get('2026-03-12')?.map((item) => item.id)).toEqual(['b', 'a']);
    expect(byDay.size).toBe(1);
  });

  it('moves by a month or a week', () => {
    expect(dayKey(shiftAnchor(new Date(2026, 0, 31), 'month', 1))).toBe('2026-02-01');
    expect(dayKey(shiftAnchor(new Date(2026, 2, 12), 'week', -1))).toBe('2026-03-05');
  });
});
