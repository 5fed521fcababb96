import { describe, expect, it } from 'vitest';
import { conversionsFrom, decomposePlan, type PlanError } from './decompose-plan';

const four = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

describe('plan decomposition', () => {
  it('reproduces seed 004: 800,000 ₽ at 40,000 ₽ average is 20 sales, split over four managers', () => {
    // Conversions as a month's funnel might show them: 400 calls → 80 meetings → 32 proposals → 20 sales.
    const plan = decomposePlan({
      target: { kind: 'revenue', amount: 800_000 },
      averageCheck: 40_000,
      months: 1,
      stages: [
        { id: 'calls', name: 'Звонки', conversion: 0.2 },
        { id: 'meetings', name: 'Встречи', conversion: 0.4 },
        { id: 'proposals', name: 'КП', conversion: 0.625 },
      ],
      managers: four,
    });
    expect(plan.sales).toBe(20);
    expect(plan.indicators.map((i) => [i.id, i.count])).toEqual([
      ['calls', 400],
      ['meetings', 80],
      ['proposals', 32],
      ['sales', 20],
    ]);
    expect(plan.perManager.map((m) => m.indicators.map((i) => i.count))).toEqual(
      Array(4).fill([100, 20, 8, 5]),
    );
  });

  it('rounds every indicator up, stage by stage, as the seed says ("округляем в +")', () => {
    // 810,000 / 40,000 = 20.25 → 21 sales; 21 / 0.3 = 70 proposals; 70 / 0.45 = 155.6 → 156 meetings.
    const plan = decomposePlan({
      target: { kind: 'revenue', amount: 810_000 },
      averageCheck: 40_000,
      months: 2,
      stages: [
        { id: 'meetings', name: 'Встречи', conversion: 0.45 },
        { id: 'proposals', name: 'КП', conversion: 0.3 },
      ],
      managers: [
        { id: 'a', weight: 2 },
        { id: 'b', weight: 1 },
      ],
    });
    expect(plan.indicators.map((i) => i.count)).toEqual([156, 70, 21]);
    // Per month: 78, 35, 10.5 → 11; per manager by weight 2:1: 52 / 23.3 → 24 / 7.33 → 8 and 26 / 11.7 → 12 / 3.67 → 4.
    expect(plan.perMonth.map((i) => i.count)).toEqual([78, 35, 11]);
    expect(plan.perManager.map((m) => m.indicators.map((i) => i.count))).toEqual([
      [52, 24, 8],
      [26, 12, 4],
    ]);
  });

  it('turns a margin target into revenue by the margin rate', () => {
    // Seed 004: 400,000 ₽ of margin at 50 % margin is the same 800,000 ₽ of revenue.
    const plan = decomposePlan({
      target: { kind: 'margin', amount: 400_000 },
      marginRate: 0.5,
      averageCheck: 40_000,
      months: 1,
      stages: [],
      managers: four,
    });
    expect(plan.revenue).toBe(800_000);
    expect(plan.sales).toBe(20);
  });

  it('names the field at fault', () => {
    const base = {
      target: { kind: 'revenue' as const, amount: 1 },
      averageCheck: 1,
      months: 1,
      stages: [],
      managers: four,
    };
    const field = (input: Parameters<typeof decomposePlan>[0]) => {
      try {
        decomposePlan(input);
        return null;
      } catch (error) {
        return (error as PlanError).field;
      }
    };
    expect(field({ ...base, averageCheck: 0 })).toBe('averageCheck');
    expect(field({ ...base, stages: [{ id: 'x', name: 'X', conversion: 0 }] })).toBe('stages.0.conversion');
    expect(field({ ...base, target: { kind: 'margin', amount: 5 } })).toBe('marginRate');
    expect(field({ ...base, managers: [] })).toBe('managers');
    expect(field({ ...base, months: 0 })).toBe('months');
  });

  it('measures conversions from how many deals reached each stage', () => {
    expect(conversionsFrom([400, 80, 32, 20])).toEqual([0.2, 0.4, 0.625]);
    expect(conversionsFrom([0, 0, 1])).toEqual([null, null]);
    expect(conversionsFrom([10, 0])).toEqual([0]);
  });
});
