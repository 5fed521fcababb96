/**
 * Plan decomposition (seed 004): from a revenue or margin target and the average check, the number
 * of sales needed; from each stage's conversion into the next, the count needed at every earlier
 * stage — "indicator ÷ conversion of the previous indicator", rounded up —; then per month and per
 * manager. Money is in whole roubles here; conversions are shares (0.25 for 25 %).
 */
export interface PlanStage {
  id: string;
  name: string;
  /** The share of this stage's count that reaches the next stage (the last one: reaches a sale). */
  conversion: number;
}

export interface PlanInput {
  target: { kind: 'revenue' | 'margin'; amount: number };
  averageCheck: number;
  /** Margin as a share of revenue; needed for a margin target. */
  marginRate?: number;
  /** Funnel stages before the sale, first to last. */
  stages: PlanStage[];
  months: number;
  /** Managers the plan is split between; equal shares unless weights are given. */
  managers: { id: string; weight?: number }[];
}

export interface PlanIndicator {
  id: string;
  name: string;
  count: number;
}

export interface PlanResult {
  revenue: number;
  sales: number;
  /** Every stage's count for the whole period, first stage to sales. */
  indicators: PlanIndicator[];
  perMonth: PlanIndicator[];
  perManager: { id: string; share: number; indicators: PlanIndicator[] }[];
}

export class PlanError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

// Rounding up must not turn 20.000000000000004 into 21.
const ceil = (value: number) => Math.ceil(value - 1e-9);

/**
 * @example decomposePlan({ target: { kind: 'revenue', amount: 800_000 }, averageCheck: 40_000, months: 1,
 *   stages: [{ id: 'call', name: 'Звонок', conversion: 0.2 }, { id: 'meeting', name: 'Встреча', conversion: 0.25 }],
 *   managers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] })
 * // sales 20, meetings 80, calls 400; each manager 5 / 20 / 100
 */
export function decomposePlan(input: PlanInput): PlanResult {
  if (!(input.averageCheck > 0)) throw new PlanError('averageCheck', 'The average check must be above zero');
  if (!(input.target.amount > 0)) throw new PlanError('target.amount', 'The target must be above zero');
  if (!Number.isInteger(input.months) || input.months < 1)
    throw new PlanError('months', 'At least one month');
  if (input.managers.length === 0) throw new PlanError('managers', 'Choose at least one manager');
  input.stages.forEach((stage, i) => {
    if (!(stage.conversion > 0 && stage.conversion <= 1))
      throw new PlanError(
        `stages.${i}.conversion`,
        `${stage.name}: conversion must be above 0 % and at most 100 %`,
      );
  });
  let revenue = input.target.amount;
  if (input.target.kind === 'margin') {
    const rate = input.marginRate ?? 0;
    if (!(rate > 0 && rate <= 1)) throw new PlanError('marginRate', 'A margin target needs the margin rate');
    revenue = input.target.amount / rate;
  }
  const sales = ceil(revenue / input.averageCheck);
  // Walk back from the sale: each stage needs the next stage's count divided by its conversion.
  const counts: PlanIndicator[] = [{ id: 'sales', name: 'sales', count: sales }];
  for (let i = input.stages.length - 1; i >= 0; i--) {
    const stage = input.stages[i]!;
    counts.unshift({ id: stage.id, name: stage.name, count: ceil(counts[0]!.count / stage.conversion) });
  }
  const split = (indicators: PlanIndicator[], share: number) =>
    indicators.map((indicator) => ({ ...indicator, count: ceil(indicator.count * share) }));
  const weights = input.managers.map((manager) => manager.weight ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new PlanError('managers', 'Weights must add up to more than zero');
  const perMonth = split(counts, 1 / input.months);
  return {
    revenue,
    sales,
    indicators: counts,
    perMonth,
    perManager: input.managers.map((manager, i) => {
      const share = weights[i]! / total;
      return { id: manager.id, share, indicators: split(perMonth, share) };
    }),
  };
}

/**
 * Each stage's conversion into the next from counts of deals that reached each stage (measured over
 * a window), first stage to sales: reached[i + 1] ÷ reached[i]. A stage nobody reached has none.
 */
export function conversionsFrom(reached: readonly number[]): (number | null)[] {
  return reached.slice(0, -1).map((count, i) => (count > 0 ? reached[i + 1]! / count : null));
}
