import { describe, expect, it } from 'vitest';
import { firstDay, lastDay, monthOf, monthsBetween } from './months';

describe('finance months', () => {
  it('steps months back and forward across a year end', () => {
    const today = new Date(2026, 10, 29);
    expect(monthOf(today, 0)).toBe('2026-11');
    expect(monthOf(today, -11)).toBe('2025-12');
    expect(monthOf(today, 2)).toBe('2027-01');
  });

  it('knows each month’s first and last day, leap years included', () => {
    expect(firstDay('2026-11')).toBe('2026-11-01');
    expect(lastDay('2026-11')).toBe('2026-11-30');
    expect(lastDay('2027-02')).toBe('2027-02-28');
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2026-12')).toBe('2026-12-31');
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11']);
    expect(monthsBetween('2027-01', '2026-12')).toEqual([]);
  });
});
