import { describe, expect, it } from 'vitest';
import { behindPace, elapsedDays } from './pace';

describe('behind pace', () => {
  it('is not behind for a fraction of a thing that is due', () => {
    // Day 1 of 31, a manager's month of 5 sales and 100 calls.
    expect(behindPace(0, 5 / 31)).toBe(false);
    expect(behindPace(3, 100 / 31)).toBe(false);
    expect(behindPace(2, 100 / 31)).toBe(true);
  });

  it('counts what is due to the nearest whole thing', () => {
    expect(behindPace(1, 1.94)).toBe(true);
    expect(behindPace(2, 1.94)).toBe(false);
    expect(behindPace(1, 1.49)).toBe(false);
    expect(behindPace(1, 1.5)).toBe(true);
    expect(behindPace(0, 0)).toBe(false);
  });

  it('counts money in whole average checks', () => {
    // 200,000 ₽ over 31 days with a 40,000 ₽ check: 6,451.61 due on day 1, not one check.
    expect(behindPace(0, 6_451.61, 40_000)).toBe(false);
    // Day 15: 96,774.19 due, two checks (80,000).
    expect(behindPace(79_999, 96_774.19, 40_000)).toBe(true);
    expect(behindPace(80_000, 96_774.19, 40_000)).toBe(false);
    // A check of zero (no sales planned) counts in roubles.
    expect(behindPace(10, 10.4, 0)).toBe(false);
    expect(behindPace(9, 10.4, 0)).toBe(true);
  });
});

describe('the part of a period gone by', () => {
  it('counts days that are over whole, and today as far as it has gone', () => {
    expect(elapsedDays(15)).toBe(15);
    expect(elapsedDays(1, 0.375)).toBe(0.375);
    expect(elapsedDays(10, 0.5)).toBe(9.5);
    expect(elapsedDays(1, 0)).toBe(0);
    expect(elapsedDays(0, 0.5)).toBe(0);
    expect(elapsedDays(3, 1.2)).toBe(3);
  });
});
