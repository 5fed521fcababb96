import type { PlanFact } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { daysOf, planFactSeries } from './plan-fact-series';

const day = (date: string, calls: number) => ({
  day: date,
  fact: { call: calls },
  cumulativeFact: { call: calls },
  cumulativePlan: {},
});

describe('plan against fact series', () => {
  it('lists every day of a period, both ends included, across a month end', () => {
    expect(daysOf('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('accumulates the plan evenly and extends the pace so far to the period end', () => {
    // A 4-day period with a plan of 40 calls; 6 calls after day 1, 10 by day 2 (behind the 20 expected).
    const fact: PlanFact = {
      planId: '00000000-0000-4000-8000-000000000000',
      asOf: '2026-11-02',
      daysInPeriod: 4,
      daysElapsed: 2,
      indicators: [
        { id: 'call', name: 'Звонки', plan: 40, fact: 10, expectedByNow: 20, forecast: 20, behindPace: true },
      ],
      managers: [],
      days: [day('2026-11-01', 6), { ...day('2026-11-02', 4), cumulativeFact: { call: 10 } }],
    };
    const series = planFactSeries('2026-11-01', '2026-11-04', fact, 'call');
    expect(series.days).toHaveLength(4);
    expect(series.plan).toEqual([10, 20, 30, 40]);
    expect(series.fact).toEqual([6, 10, null, null]);
    // 10 in 2 days: 15 by day 3, 20 by day 4 — the server's forecast.
    expect(series.forecast).toEqual([null, 10, 15, 20]);
  });

  it('draws no forecast before the period starts', () => {
    const fact: PlanFact = {
      planId: '00000000-0000-4000-8000-000000000000',
      asOf: '2026-10-31',
      daysInPeriod: 2,
      daysElapsed: 0,
      indicators: [
        { id: 'sales', name: 'Продажи', plan: 3, fact: 0, expectedByNow: 0, forecast: 0, behindPace: false },
      ],
      managers: [],
      days: [],
    };
    const series = planFactSeries('2026-11-01', '2026-11-02', fact, 'sales');
    expect(series).toEqual({
      days: ['2026-11-01', '2026-11-02'],
      fact: [null, null],
      plan: [1.5, 3],
      forecast: [null, null],
    });
  });
});
