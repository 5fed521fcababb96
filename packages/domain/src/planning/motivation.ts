/**
 * Points-based motivation (seed 004): every action is worth points, points add up against thresholds
 * that set the salary part (e.g. 890 points = plan), plus a share of sales whose rate steps up with
 * thresholds on the sales sum. Everything a manager sees is computed here, so the formula can be shown.
 */
export interface MotivationScheme {
  /** Points per action, e.g. { call: 1, meeting: 10, proposal: 15, invoice: 20, dealWon: 50 }. */
  points: Record<string, number>;
  /** Points needed for the plan. */
  planPoints: number;
  /** Salary by points reached: the highest threshold at or below the points applies. */
  salary: { from: number; amount: number }[];
  /** Commission rate by the period's sales sum: the highest threshold at or below the sum applies. */
  commission: { from: number; rate: number }[];
}

export interface PayBreakdown {
  points: number;
  byAction: { action: string; count: number; points: number }[];
  planShare: number;
  salary: number;
  /** The next salary step and the points still missing; null at the top. */
  nextSalary: { from: number; amount: number; missing: number } | null;
  commissionRate: number;
  commission: number;
  total: number;
}

function step<T extends { from: number }>(thresholds: readonly T[], value: number): T | undefined {
  return [...thresholds].sort((a, b) => a.from - b.from).findLast((threshold) => threshold.from <= value);
}

const roundMoney = (value: number) => Math.round(value * 100) / 100;

/** The pay for counts of actions and a sales sum (roubles). Actions the scheme does not price earn nothing. */
export function computePay(
  scheme: MotivationScheme,
  counts: Record<string, number>,
  sales: number,
): PayBreakdown {
  const byAction = Object.entries(scheme.points).map(([action, worth]) => ({
    action,
    count: counts[action] ?? 0,
    points: (counts[action] ?? 0) * worth,
  }));
  const points = byAction.reduce((sum, item) => sum + item.points, 0);
  const salary = step(scheme.salary, points)?.amount ?? 0;
  const next = [...scheme.salary]
    .sort((a, b) => a.from - b.from)
    .find((threshold) => threshold.from > points);
  const commissionRate = step(scheme.commission, sales)?.rate ?? 0;
  const commission = roundMoney(sales * commissionRate);
  return {
    points,
    byAction,
    planShare: scheme.planPoints > 0 ? points / scheme.planPoints : 0,
    salary,
    nextSalary: next ? { ...next, missing: next.from - points } : null,
    commissionRate,
    commission,
    total: roundMoney(salary + commission),
  };
}

/**
 * The pay forecast for the whole period at the pace so far: counts and sales extrapolated linearly
 * from the days elapsed to the period's length.
 */
export function forecastPay(
  scheme: MotivationScheme,
  counts: Record<string, number>,
  sales: number,
  daysElapsed: number,
  daysInPeriod: number,
): PayBreakdown {
  const pace = daysElapsed > 0 ? daysInPeriod / daysElapsed : 0;
  const projected = Object.fromEntries(
    Object.entries(counts).map(([action, count]) => [action, Math.round(count * pace)]),
  );
  return computePay(scheme, projected, roundMoney(sales * pace));
}
