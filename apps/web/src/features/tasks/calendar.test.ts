import { describe, expect, it } from 'vitest';
import { calendarDays, dayKey, itemsByDay, shiftAnchor } from './calendar';

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

  it('groups tasks and meetings by their local day in time order', () => {
    const item = (id: string, startsAt: string) => ({ id, startsAt });
    const late = new Date(2026, 2, 12, 18).toISOString();
    const early = new Date(2026, 2, 12, 9).toISOString();
    const nextDay = new Date(2026, 2, 13, 0, 30).toISOString();
    // The same instant written with an offset sorts by time, not as text.
    const noon = new Date(2026, 2, 12, 12);
    const offset = -noon.getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
    const local = `2026-03-12T12:00:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
    const byDay = itemsByDay([item('a', late), item('b', early), item('c', nextDay), item('d', local)]);
    expect(byDay.get('2026-03-12')?.map((entry) => entry.id)).toEqual(['b', 'd', 'a']);
    expect(byDay.get('2026-03-13')?.map((entry) => entry.id)).toEqual(['c']);
  });

  it('moves by a month or a week', () => {
    expect(dayKey(shiftAnchor(new Date(2026, 0, 31), 'month', 1))).toBe('2026-02-01');
    expect(dayKey(shiftAnchor(new Date(2026, 2, 12), 'week', -1))).toBe('2026-03-05');
  });
});
