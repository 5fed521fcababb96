import type { Plan, PlanBody } from '@voronka/domain';
import type { z } from 'zod';

/** A step before the sale as the form holds it: `activity:call` or `stage:<id>`, its conversion in percent. */
export type IndicatorDraft = {
  source: string;
  measured: boolean;
  conversionPercent: number | '';
};

export type PlanDraft = {
  name: string;
  from: string;
  to: string;
  targetKind: 'revenue' | 'margin';
  targetAmount: number | '';
  marginPercent: number | '';
  checkMeasured: boolean;
  averageCheck: number | '';
  measureFrom: string;
  measureTo: string;
  pipelineId: string | null;
  split: 'even' | 'weights';
  managers: { userId: string; weight: number | '' }[];
  indicators: IndicatorDraft[];
};

/** Fields of the form (named as the API names them) with what is wrong with each. */
export type DraftErrors = Record<string, 'required' | 'percent'>;

const percentOf = (share: number) => Math.round(share * 10_000) / 100;
const shareOf = (percent: number) => Math.round(percent * 100) / 10_000;

/**
 * A new plan for a period: seed 004's funnel (calls → meetings → sale) with nothing typed yet, split
 * evenly between the given managers.
 */
export function emptyDraft(period: { from: string; to: string }, managerIds: string[]): PlanDraft {
  return {
    name: '',
    from: period.from,
    to: period.to,
    targetKind: 'revenue',
    targetAmount: '',
    marginPercent: '',
    checkMeasured: false,
    averageCheck: '',
    measureFrom: '',
    measureTo: '',
    pipelineId: null,
    split: 'even',
    managers: managerIds.map((userId) => ({ userId, weight: 1 })),
    indicators: [
      { source: 'activity:call', measured: false, conversionPercent: '' },
      { source: 'activity:meeting', measured: false, conversionPercent: '' },
    ],
  };
}

/** The form for editing a saved plan; measured values stay measured (the server measures them again). */
export function draftFromPlan(plan: Plan): PlanDraft {
  const weighted = plan.managers.some((manager) => manager.weight !== plan.managers[0]?.weight);
  return {
    name: plan.name,
    from: plan.from,
    to: plan.to,
    targetKind: plan.target.kind,
    targetAmount: plan.target.amount,
    marginPercent: plan.marginRate === null ? '' : percentOf(plan.marginRate),
    checkMeasured: plan.averageCheck.measured,
    averageCheck: plan.averageCheck.amount,
    measureFrom: plan.measureFrom ?? '',
    measureTo: plan.measureTo ?? '',
    pipelineId: plan.pipelineId,
    split: weighted ? 'weights' : 'even',
    managers: plan.managers.map((manager) => ({ userId: manager.userId, weight: manager.weight })),
    indicators: plan.indicators.map((indicator) => ({
      source: indicator.stageId ? `stage:${indicator.stageId}` : `activity:${indicator.activity}`,
      measured: indicator.measured,
      conversionPercent: percentOf(indicator.conversion),
    })),
  };
}

/** Whether anything is left for the server to measure, so that the measurement window is needed. */
export function needsWindow(draft: PlanDraft): boolean {
  return draft.checkMeasured || draft.indicators.some((indicator) => indicator.measured);
}

/** What must be filled in before the form is sent; the server checks the rest and names the field. */
export function draftErrors(draft: PlanDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = 'required';
  if (!draft.from) errors.from = 'required';
  if (!draft.to) errors.to = 'required';
  if (draft.targetAmount === '' || draft.targetAmount <= 0) errors['target.amount'] = 'required';
  if (draft.targetKind === 'margin' && (draft.marginPercent === '' || draft.marginPercent <= 0))
    errors.marginRate = 'required';
  else if (draft.targetKind === 'margin' && Number(draft.marginPercent) > 100) errors.marginRate = 'percent';
  if (!draft.checkMeasured && (draft.averageCheck === '' || draft.averageCheck <= 0))
    errors.averageCheck = 'required';
  if (needsWindow(draft)) {
    if (!draft.measureFrom) errors.measureFrom = 'required';
    if (!draft.measureTo) errors.measureTo = 'required';
  }
  draft.indicators.forEach((indicator, i) => {
    if (indicator.measured) return;
    if (indicator.conversionPercent === '' || indicator.conversionPercent <= 0)
      errors[`indicators.${i}.conversion`] = 'required';
    else if (indicator.conversionPercent > 100) errors[`indicators.${i}.conversion`] = 'percent';
  });
  if (draft.managers.length === 0) errors.managers = 'required';
  return errors;
}

/**
 * The request body of a complete draft (check `draftErrors` first).
 *
 * @example planBody({ ...draft, indicators: [{ source: 'activity:call', measured: false, conversionPercent: 20 }] })
 * // { …, indicators: [{ activity: 'call', conversion: 0.2 }] }
 */
export function planBody(draft: PlanDraft): z.input<typeof PlanBody> {
  const windowNeeded = needsWindow(draft);
  return {
    name: draft.name.trim(),
    from: draft.from,
    to: draft.to,
    target: { kind: draft.targetKind, amount: Number(draft.targetAmount) },
    marginRate: draft.targetKind === 'margin' ? shareOf(Number(draft.marginPercent)) : undefined,
    averageCheck: draft.checkMeasured ? null : Number(draft.averageCheck),
    measureFrom: windowNeeded && draft.measureFrom ? draft.measureFrom : undefined,
    measureTo: windowNeeded && draft.measureTo ? draft.measureTo : undefined,
    pipelineId: draft.pipelineId ?? undefined,
    indicators: draft.indicators.map((indicator) => {
      const [kind, id] = splitSource(indicator.source);
      const conversion = indicator.measured ? undefined : shareOf(Number(indicator.conversionPercent));
      return kind === 'stage'
        ? { stageId: id, conversion }
        : { activity: id as 'call' | 'meeting' | 'email', conversion };
    }),
    managers: draft.managers.map((manager) => ({
      userId: manager.userId,
      weight: draft.split === 'even' ? 1 : Number(manager.weight) || 1,
    })),
  };
}

function splitSource(source: string): ['stage' | 'activity', string] {
  const [kind, ...rest] = source.split(':');
  return [kind === 'stage' ? 'stage' : 'activity', rest.join(':')];
}

/**
 * The calendar months a period touches, as the server counts them for "per month".
 *
 * @example monthsIn('2026-11-01', '2027-01-31') // 3
 */
export function monthsIn(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return Math.max(0, (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1);
}
