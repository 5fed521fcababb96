import type { BenchActor } from '../runner/actors';
import { type CaseRole, type Period, type ReportCase, timezone } from './cases';
import { differences, sqlRows } from './compare';
import {
  breakEvenShape,
  cashFlowShape,
  debtsShape,
  payShape,
  planFactShape,
  type Shape,
} from './endpoint-rows';
import type { Viewer } from './expected';
import { breakEven, breakEvenMeasured, cashFlow, debts } from './expected-finance';
import { pay } from './expected-pay';
import { planFact } from './expected-plan-fact';
import { type Fragment, statement } from './statement';

/** Seed 004's worked case: 400,000 ₽ of fixed costs at a 50 % margin break even at 800,000 ₽. */
const marginRate = 0.5;

function shapedCase<Body>(
  name: string,
  period: Period,
  actor: BenchActor,
  path: string,
  sql: Fragment,
  shape: Shape<Body>,
): ReportCase {
  return {
    name,
    period,
    actor,
    request: { method: 'GET', path },
    sql: statement(sql),
    compare(body, result) {
      const types = new Map(Object.entries(shape.columns));
      const endpoint = shape.rows(JSON.parse(body.toString()) as Body);
      return differences({ rows: endpoint, totals: {} }, { rows: sqlRows(result.rows), totals: {} }, types);
    },
  };
}

/**
 * Plan against fact and pay over every period as the owner and the head of sales (each as of the
 * period's last day, so the whole period has elapsed); cash flow and break-even over every period and
 * debts as of the last day, as the owner only: finance is closed to a head of sales.
 */
export function endpointCases(
  actors: BenchActor[],
  periods: Period[],
  plans: Map<string, string>,
): ReportCase[] {
  const cases: ReportCase[] = [];
  const viewerOf = (actor: BenchActor): Viewer => ({
    role: actor.role as CaseRole,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    departmentId: actor.departmentId,
  });
  const owner = actors.find((actor) => actor.role === 'owner');
  for (const period of periods) {
    const planId = plans.get(period.label);
    if (!planId) throw new Error(`No plan for ${period.label}`);
    for (const actor of actors)
      cases.push(
        shapedCase(
          'plan-fact',
          period,
          actor,
          `/api/plans/${planId}/fact?asOf=${period.to}`,
          planFact(viewerOf(actor), planId, period.to, timezone),
          planFactShape,
        ),
      );
  }
  for (const period of periods)
    for (const actor of actors)
      cases.push(
        shapedCase(
          'motivation-pay',
          period,
          actor,
          `/api/motivation/pay?from=${period.from}&to=${period.to}&asOf=${period.to}`,
          pay(viewerOf(actor), { from: period.from, to: period.to, timezone }, period.to),
          payShape,
        ),
      );
  if (!owner) return cases;
  const ws = owner.workspaceId;
  for (const period of periods)
    cases.push(
      shapedCase(
        'cash-flow',
        period,
        owner,
        `/api/finance/cash-flow?from=${period.from}&to=${period.to}`,
        cashFlow(ws, period.from, period.to),
        cashFlowShape,
      ),
    );
  for (const period of periods)
    cases.push(
      shapedCase(
        'break-even',
        period,
        owner,
        `/api/finance/break-even?marginRate=${marginRate}&from=${period.from}&to=${period.to}`,
        breakEven(ws, period.from, period.to, marginRate),
        breakEvenShape,
      ),
    );
  // With no rate typed, the margin is measured from the period's sales and their purchases as well.
  for (const period of periods)
    cases.push(
      shapedCase(
        'break-even, margin measured',
        period,
        owner,
        `/api/finance/break-even?from=${period.from}&to=${period.to}`,
        breakEvenMeasured(ws, period.from, period.to),
        breakEvenShape,
      ),
    );
  // Debts have no period, only a day: the periods' common last day.
  const last = periods[0]?.to;
  if (last)
    cases.push(
      shapedCase(
        'debts',
        { label: `as of ${last}`, from: last, to: last },
        owner,
        `/api/finance/debts?asOf=${last}`,
        debts(ws, last),
        debtsShape,
      ),
    );
  return cases;
}
