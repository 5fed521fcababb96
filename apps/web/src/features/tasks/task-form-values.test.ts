import { describe, expect, it } from 'vitest';
import { defaultDue, emptyTaskValues, fromLocalInput, toLocalInput, valuesToBody } from './task-form-values';

describe('task form values', () => {
  it('round-trips an instant through a datetime-local value', () => {
    const iso = new Date(2026, 2, 12, 18, 30).toISOString();
    expect(toLocalInput(iso)).toBe('2026-03-12T18:30');
    expect(fromLocalInput('2026-03-12T18:30')).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
  });

  it('defaults to this evening, or tomorrow morning late in the day', () => {
    expect(defaultDue(new Date(2026, 2, 12, 9, 0))).toBe('2026-03-12T18:00');
    expect(defaultDue(new Date(2026, 2, 12, 20, 0))).toBe('2026-03-13T10:00');
  });

  it('builds a weekly recurrence with sorted weekdays', () => {
    const values = {
      ...emptyTaskValues('u1'),
      title: ' Планёрка ',
      recurrence: 'weekly' as const,
      weekdays: [5, 1],
    };
    expect(valuesToBody(values)).toMatchObject({
      title: 'Планёрка',
      assigneeId: 'u1',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: [1, 5] },
    });
    expect(valuesToBody({ ...values, recurrence: 'none' }).recurrence).toBeNull();
  });
});
