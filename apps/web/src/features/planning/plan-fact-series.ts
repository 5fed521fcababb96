import type { PlanFact } from '@voronka/domain';

export type PlanFactSeries = {
  /** Every day of the plan's period. */
  days: string[];
  /** The fact accumulated by each day so far; null after `asOf`. */
  fact: (number | null)[];
  /** The plan spread evenly over the days, accumulated. */
  plan: number[];
  /** From the last day with a fact to the period's end at the pace so far; null before it. */
  forecast: (number | null)[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The days from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= end; at += 24 * 3600 * 1000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/**
 * One indicator's cumulative fact against its plan day by day, and the forecast line to the period's
 * end (fact so far × day ÷ days elapsed, reaching the server's forecast on the last day).
 *
 * @example planFactSeries('2026-11-01', '2026-11-30', fact, 'sales').forecast.at(-1) // fact.indicators[sales].forecast
 */
export function planFactSeries(
  from: string,
  to: string,
  fact: PlanFact,
  indicatorId: string,
): PlanFactSeries {
  const days = daysOf(from, to);
  const target = fact.indicators.find((indicator) => indicator.id === indicatorId)?.plan ?? 0;
  const total = days.length;
  const elapsed = Math.min(fact.days.length, total);
  const last = elapsed > 0 ? (fact.days[elapsed - 1]?.cumulativeFact[indicatorId] ?? 0) : 0;
  return {
    days,
    fact: days.map((_, i) => (i < elapsed ? (fact.days[i]?.cumulativeFact[indicatorId] ?? 0) : null)),
    plan: days.map((_, i) => round2((target * (i + 1)) / total)),
    forecast: days.map((_, i) =>
      elapsed > 0 && i >= elapsed - 1 ? round2((last * (i + 1)) / elapsed) : null,
    ),
  };
}
