import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './tasks';

const at = (iso: string) => new Date(iso);

describe('nextOccurrence', () => {
  it('"check calls every Monday" falls on the next Monday at the same time', () => {
    // 2026-11-23 is a Monday
    expect(
      nextOccurrence(at('2026-11-23T09:00:00Z'), {
        frequency: 'weekly',
        interval: 1,
        weekdays: [1],
      }).toISOString(),
    ).toBe('2026-11-30T09:00:00.000Z');
    expect(
      nextOccurrence(at('2026-11-25T09:00:00Z'), {
        frequency: 'weekly',
        interval: 1,
        weekdays: [1],
      }).toISOString(),
    ).toBe('2026-11-30T09:00:00.000Z');
  });

  it('steps through several weekdays, then skips to the week the interval names', () => {
    const rule = { frequency: 'weekly' as const, interval: 2, weekdays: [5, 2] };
    expect(nextOccurrence(at('2026-11-24T10:00:00Z'), rule).toISOString()).toBe('2026-11-27T10:00:00.000Z'); // Tue → Fri
    expect(nextOccurrence(at('2026-11-27T10:00:00Z'), rule).toISOString()).toBe('2026-12-08T10:00:00.000Z'); // Fri → Tue two weeks on
  });

  it('repeats a weekly rule without weekdays on the same weekday', () => {
    expect(
      nextOccurrence(at('2026-11-26T08:30:00Z'), { frequency: 'weekly', interval: 1 }).toISOString(),
    ).toBe('2026-12-03T08:30:00.000Z');
  });

  it('adds days, and months keeping the day or the month’s last day', () => {
    expect(
      nextOccurrence(at('2026-12-31T12:00:00Z'), { frequency: 'daily', interval: 1 }).toISOString(),
    ).toBe('2027-01-01T12:00:00.000Z');
    expect(
      nextOccurrence(at('2026-01-31T12:00:00Z'), { frequency: 'monthly', interval: 1 }).toISOString(),
    ).toBe('2026-02-28T12:00:00.000Z');
    expect(
      nextOccurrence(at('2026-11-15T12:00:00Z'), { frequency: 'monthly', interval: 3 }).toISOString(),
    ).toBe('2027-02-15T12:00:00.000Z');
  });
});
