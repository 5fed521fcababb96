/**
 * Finance rules: the break-even point and "if we earn X and spend Y, what remains" over months.
 * Amounts in roubles.
 */

/**
 * The revenue at which margin covers the fixed costs (payroll included): fixed ÷ margin rate.
 *
 * @example breakEvenRevenue(400_000, 0.5) // 800_000 — seed 004: 400,000 ₽ of costs at a 50 % margin
 */
export function breakEvenRevenue(fixedCosts: number, marginRate: number): number | null {
  if (!(marginRate > 0 && marginRate <= 1) || fixedCosts < 0) return null;
  return Math.round((fixedCosts / marginRate) * 100) / 100;
}

export interface WhatIfMonth {
  month: string;
  income: number;
  expense: number;
}

export interface WhatIfRow extends WhatIfMonth {
  /** Income minus expense in the month. */
  net: number;
  /** What remains at the month's end: the opening balance plus every net so far. */
  balance: number;
}

/** Month by month: what each month leaves and what remains, from an opening balance. */
export function whatIf(openingBalance: number, months: readonly WhatIfMonth[]): WhatIfRow[] {
  let balance = openingBalance;
  return months.map((month) => {
    const net = Math.round((month.income - month.expense) * 100) / 100;
    balance = Math.round((balance + net) * 100) / 100;
    return { ...month, net, balance };
  });
}
