import { describe, expect, it } from 'vitest';
import { feelProblem, isIsoTimer, timerProblem } from './feel-problems';

describe('FEEL problems shown while typing', () => {
  it('accepts valid and empty expressions', () => {
    expect(feelProblem('')).toBeNull();
    expect(feelProblem('deal.amount > 100000 and deal.stage = "won"')).toBeNull();
    expect(feelProblem('=duration("P2D")')).toBeNull();
  });

  it('names the syntax error of a broken one', () => {
    expect(feelProblem('deal.amount >')).toEqual(expect.any(String));
    expect(feelProblem('(1 + 2')).toEqual(expect.any(String));
  });
});

describe('timer values', () => {
  it('recognises ISO-8601 literals by kind', () => {
    expect(isIsoTimer('duration', 'PT4H')).toBe(true);
    expect(isIsoTimer('duration', 'P1DT2H30M')).toBe(true);
    expect(isIsoTimer('duration', 'P')).toBe(false);
    expect(isIsoTimer('date', '2025-05-01T09:00:00Z')).toBe(true);
    expect(isIsoTimer('date', '2025-05-01T09:00:00+03:00')).toBe(true);
    expect(isIsoTimer('date', '2025-05-01')).toBe(false);
    expect(isIsoTimer('cycle', 'R3/PT1H')).toBe(true);
  });

  it('checks anything else as FEEL', () => {
    expect(timerProblem('duration', 'PT4H')).toBeNull();
    expect(timerProblem('date', '=date and time(deal.closeDate) - duration("P1D")')).toBeNull();
    expect(timerProblem('duration', '=duration(')).toEqual(expect.any(String));
  });
});
