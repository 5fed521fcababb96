import type { Plan } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { draftErrors, draftFromPlan, emptyDraft, monthsIn, planBody } from './plan-form-values';

const managers = ['a1', 'b2', 'c3', 'd4'];

describe('plan form values', () => {
  it('sends seed 004 as typed shares, with every manager at an even weight', () => {
    const draft = {
      ...emptyDraft({ from: '2026-11-01', to: '2026-11-30' }, managers),
      name: 'Ноябрь',
      targetAmount: 800_000,
      averageCheck: 40_000,
      indicators: [
        { source: 'activity:call', measured: false, conversionPercent: 20 },
        { source: 'stage:5f0c', measured: false, conversionPercent: 12.5 },
      ],
    };
    expect(draftErrors(draft)).toEqual({});
    expect(planBody(draft)).toEqual({
      name: 'Ноябрь',
      from: '2026-11-01',
      to: '2026-11-30',
      target: { kind: 'revenue', amount: 800_000 },
      marginRate: undefined,
      averageCheck: 40_000,
      measureFrom: undefined,
      measureTo: undefined,
      pipelineId: undefined,
      indicators: [
        { activity: 'call', conversion: 0.2 },
        { stageId: '5f0c', conversion: 0.125 },
      ],
      managers: managers.map((userId) => ({ userId, weight: 1 })),
    });
  });

  it('asks for the measurement window once anything is measured, and for the margin rate of a margin target', () => {
    const draft = {
      ...emptyDraft({ from: '2026-11-01', to: '2026-11-30' }, []),
      name: 'x',
      targetKind: 'margin' as const,
      targetAmount: 400_000,
      checkMeasured: true,
      indicators: [{ source: 'activity:call', measured: false, conversionPercent: 120 as const }],
    };
    expect(draftErrors(draft)).toEqual({
      marginRate: 'required',
      measureFrom: 'required',
      measureTo: 'required',
      'indicators.0.conversion': 'percent',
      managers: 'required',
    });
  });

  it('keeps weights only when splitting by weights', () => {
    const draft = {
      ...emptyDraft({ from: '2026-11-01', to: '2026-11-30' }, []),
      managers: [
        { userId: 'a1', weight: 3 },
        { userId: 'b2', weight: 1 },
      ],
    };
    expect(planBody({ ...draft, split: 'weights' }).managers).toEqual([
      { userId: 'a1', weight: 3 },
      { userId: 'b2', weight: 1 },
    ]);
    expect(planBody(draft).managers).toEqual([
      { userId: 'a1', weight: 1 },
      { userId: 'b2', weight: 1 },
    ]);
  });

  it('reads a saved plan back into the form, percent without float noise', () => {
    const plan = {
      id: 'p',
      name: 'Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      pipelineId: null,
      departmentId: null,
      target: { kind: 'margin', amount: 1_200_000 },
      marginRate: 0.29,
      averageCheck: { amount: 41_250.5, measured: true },
      measureFrom: '2026-09-01',
      measureTo: '2026-09-30',
      indicators: [
        {
          id: 'meeting',
          name: 'Встречи',
          stageId: null,
          activity: 'meeting',
          conversion: 0.29,
          measured: true,
        },
      ],
      managers: [
        { userId: 'a1', name: 'A', weight: 2 },
        { userId: 'b2', name: 'B', weight: 1 },
      ],
      decomposition: { revenue: 0, sales: 0, months: 3, indicators: [], perMonth: [], perManager: [] },
      createdAt: '2026-09-30T10:00:00.000Z',
    } satisfies Plan;
    const draft = draftFromPlan(plan);
    expect(draft.marginPercent).toBe(29);
    expect(draft.indicators).toEqual([{ source: 'activity:meeting', measured: true, conversionPercent: 29 }]);
    expect(draft.split).toBe('weights');
    expect(planBody(draft).averageCheck).toBeNull();
    expect(planBody(draft).indicators).toEqual([{ activity: 'meeting', conversion: undefined }]);
  });

  it('counts the calendar months a period touches', () => {
    expect(monthsIn('2026-11-01', '2026-11-30')).toBe(1);
    expect(monthsIn('2026-11-15', '2027-01-10')).toBe(3);
  });
});
