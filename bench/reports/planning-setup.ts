import type { MotivationSchemeBody, Pipeline, Plan, PlanBody, ReportTable } from '@voronka/domain';
import type { BenchActor } from '../runner/actors';
import type { Period } from './cases';

/**
 * What plan-against-fact and pay read and the generated dataset lacks: a sales plan for each measured
 * period and the workspace's motivation scheme. Made at the start of a run when missing, as the owner,
 * through the product's own routes (so the plan's measured average check and conversions are the
 * product's), and reused by later runs: the dataset itself, and its marker, stay as generated.
 */

/**
 * Seed 004's scheme (890 points = plan), with salary and commission steps spread over orders of
 * magnitude, so that managers of a small dataset and of a million deals both land on different steps.
 */
export const benchScheme: MotivationSchemeBody = {
  points: { call: 1, meeting: 10, email: 1, proposal: 15, negotiation: 20, dealWon: 50, newContact: 2 },
  planPoints: 890,
  salary: [
    { from: 0, amount: 30_000 },
    { from: 300, amount: 40_000 },
    { from: 890, amount: 60_000 },
    { from: 3_000, amount: 80_000 },
    { from: 10_000, amount: 100_000 },
    { from: 30_000, amount: 120_000 },
  ],
  commission: [
    { from: 0, rate: 0.03 },
    { from: 1_000_000, rate: 0.04 },
    { from: 3_000_000, rate: 0.05 },
    { from: 10_000_000, rate: 0.07 },
    { from: 30_000_000, rate: 0.1 },
  ],
};

/** The plan's growth over the revenue of the same span just before it. */
const growth = 1.1;

const planName = (period: Period) => `Бенчмарк: план ${period.from}…${period.to}`;

/** Makes the scheme and a plan per period if missing; the plans' ids by period label. */
export async function ensurePlanning(
  baseUrl: string,
  owner: BenchActor,
  periods: Period[],
): Promise<Map<string, string>> {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: body === undefined ? owner.headers : { ...owner.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  if ((await call<MotivationSchemeBody | null>('GET', '/api/motivation-scheme')) === null) {
    await call('PUT', '/api/motivation-scheme', benchScheme);
    console.log('Set the motivation scheme');
  }

  const { items: plans } = await call<{ items: Plan[] }>('GET', '/api/plans');
  const ids = new Map<string, string>();
  for (const period of periods) {
    const existing = plans.find(
      (plan) => plan.name === planName(period) && plan.from === period.from && plan.to === period.to,
    );
    if (existing) {
      ids.set(period.label, existing.id);
      continue;
    }
    const { items: pipelines } = await call<{ items: Pipeline[] }>('GET', '/api/pipelines');
    const measure = spanBefore(period);
    const previous = await call<ReportTable>(
      'GET',
      `/api/reports/activity-monthly?from=${measure.from}&to=${measure.to}`,
    );
    const revenue = Number(previous.totals.revenue ?? 0);
    const body: PlanBody = {
      name: planName(period),
      from: period.from,
      to: period.to,
      target: { kind: 'revenue', amount: Math.max(1, Math.round(revenue * growth)) },
      averageCheck: null,
      measureFrom: measure.from,
      measureTo: measure.to,
      timezone: 'Europe/Moscow',
      indicators: [{ activity: 'call' }, ...funnelSteps(pipelines).map((stageId) => ({ stageId }))],
    };
    const plan = await call<Plan>('POST', '/api/plans', body);
    console.log(
      `Made the plan «${plan.name}»: ${plan.decomposition.revenue.toLocaleString('en')} ₽, ` +
        `${plan.decomposition.sales} sales, ${plan.managers.length} managers`,
    );
    ids.set(period.label, plan.id);
  }
  return ids;
}

/** The calendar months just before a period, as many as it has: where its plan is measured. */
function spanBefore(period: Period): { from: string; to: string } {
  const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  const start = new Date(Date.UTC(fromYear, fromMonth - 1 - months, 1));
  const end = new Date(Date.UTC(fromYear, fromMonth - 1, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/**
 * The funnel steps the plan counts, from the first sales pipeline: the stage before the proposal (the
 * presentation in the default funnel), the proposal and the negotiation after it. Entries into them
 * narrow, so each measured conversion stays under 100 %.
 */
function funnelSteps(pipelines: Pipeline[]): string[] {
  const pipeline = pipelines
    .filter((candidate) => candidate.kind === 'sales')
    .sort((a, b) => a.position - b.position)[0];
  const open = (pipeline?.stages ?? [])
    .filter((stage) => stage.kind === 'open')
    .sort((a, b) => a.position - b.position);
  const proposal = open.findIndex((stage) => /КП|коммерческ|предложени|proposal/i.test(stage.name));
  const steps = open.slice(proposal - 1, proposal + 2);
  if (proposal < 1 || steps.length < 3)
    throw new Error('The first sales pipeline has no open stages around a proposal stage to plan');
  return steps.map((stage) => stage.id);
}
