import { describe, expect, it } from 'vitest';
import { breakEvenRevenue, whatIf } from './finance';

describe('finance', () => {
  it('finds the break-even revenue of seed 004', () => {
    // Costs with payroll 400,000 ₽; the plan's 800,000 ₽ of sales bring 400,000 ₽ of margin: 50 %.
    expect(breakEvenRevenue(400_000, 0.5)).toBe(800_000);
    expect(breakEvenRevenue(400_000, 0.4)).toBe(1_000_000);
    expect(breakEvenRevenue(400_000, 0)).toBeNull();
  });

  it('says what remains month by month', () => {
    const rows = whatIf(100_000, [
      { month: '2026-12', income: 800_000, expense: 650_000.5 },
      { month: '2027-01', income: 500_000, expense: 700_000 },
    ]);
    expect(rows.map((row) => [row.net, row.balance])).toEqual([
      [149_999.5, 249_999.5],
      [-200_000, 49_999.5],
    ]);
  });
});
