import { describe, expect, it } from 'vitest';
import { computePay, forecastPay, type MotivationScheme } from './motivation';

// A scheme in the spirit of seed 004: 890 points is the plan; salary steps by points; 15 % of sales
// from 200,000 ₽ (the per-manager plan), less below it.
const scheme: MotivationScheme = {
  points: { call: 1, meeting: 10, proposal: 15, dealWon: 50 },
  planPoints: 890,
  salary: [
    { from: 0, amount: 15_000 },
    { from: 600, amount: 20_000 },
    { from: 890, amount: 25_000 },
  ],
  commission: [
    { from: 0, rate: 0.05 },
    { from: 200_000, rate: 0.15 },
  ],
};

describe('motivation', () => {
  it('adds points per action and picks the salary step and the commission rate', () => {
    // 100 calls + 20 meetings + 8 proposals + 5 deals = 100 + 200 + 120 + 250 = 670 points.
    const pay = computePay(scheme, { call: 100, meeting: 20, proposal: 8, dealWon: 5, email: 40 }, 200_000);
    expect(pay.points).toBe(670);
    expect(pay.byAction).toEqual([
      { action: 'call', count: 100, points: 100 },
      { action: 'meeting', count: 20, points: 200 },
      { action: 'proposal', count: 8, points: 120 },
      { action: 'dealWon', count: 5, points: 250 },
    ]);
    expect(pay.salary).toBe(20_000);
    expect(pay.nextSalary).toEqual({ from: 890, amount: 25_000, missing: 220 });
    expect(pay.commissionRate).toBe(0.15);
    expect(pay.commission).toBe(30_000);
    expect(pay.total).toBe(50_000);
    expect(pay.planShare).toBeCloseTo(670 / 890);
  });

  it('pays the lower rate below the sales threshold and the base salary with no points', () => {
    const pay = computePay(scheme, {}, 199_999.99);
    expect(pay.salary).toBe(15_000);
    expect(pay.commission).toBe(10_000);
    expect(pay.total).toBe(25_000);
  });

  it('forecasts the month at the pace so far', () => {
    // After 10 of 30 days: 230 points' worth of actions and 80,000 ₽ → ×3: 690 points, 240,000 ₽.
    const forecast = forecastPay(scheme, { call: 50, meeting: 10, proposal: 2, dealWon: 1 }, 80_000, 10, 30);
    expect(forecast.points).toBe(150 + 300 + 90 + 150);
    expect(forecast.salary).toBe(20_000);
    expect(forecast.commission).toBe(36_000);
    expect(forecast.nextSalary?.missing).toBe(200);
  });
});
