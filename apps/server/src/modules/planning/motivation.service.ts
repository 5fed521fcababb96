import {
  computePay,
  forecastPay,
  type MotivationScheme,
  type MotivationSchemeBody,
  motivationActions,
  type PayReport,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, forbidden, invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { actionCounts, noActions } from '../reports/action-counts.queries';
import { proposalStages } from '../reports/proposal-stages';
import {
  addDays,
  dayStart,
  daysBetween,
  requirePeriod,
  requireTimezone,
  today,
} from '../reports/report-scope';
import { findScheme, saveScheme } from './motivation.queries';
import { canPlan } from './plans.service';

export async function getScheme(db: Kysely<DB>, actor: Actor): Promise<MotivationScheme | null> {
  return findScheme(db, actor.workspaceId);
}

export async function putScheme(
  db: Kysely<DB>,
  actor: Actor,
  scheme: MotivationSchemeBody,
): Promise<MotivationScheme> {
  if (!canPlan(actor))
    throw forbidden('Only an owner, an admin or a head of sales sets the motivation scheme');
  const fromSalary = scheme.salary.findIndex(
    (step, i) => scheme.salary.findIndex((other) => other.from === step.from) !== i,
  );
  if (fromSalary >= 0)
    throw invalid(`body.salary.${fromSalary}.from`, 'Two salary steps from the same points');
  const fromCommission = scheme.commission.findIndex(
    (step, i) => scheme.commission.findIndex((other) => other.from === step.from) !== i,
  );
  if (fromCommission >= 0)
    throw invalid(`body.commission.${fromCommission}.from`, 'Two commission steps from the same sum');
  const stored: MotivationScheme = {
    points: Object.fromEntries(
      Object.entries(scheme.points).filter(([, worth]) => worth !== undefined),
    ) as Record<string, number>,
    planPoints: scheme.planPoints,
    salary: [...scheme.salary].sort((a, b) => a.from - b.from),
    commission: [...scheme.commission].sort((a, b) => a.from - b.from),
  };
  await saveScheme(db, actor.workspaceId, actor.userId, stored);
  return stored;
}

const money = (value: number) => value.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

/** The scheme written out as the manager reads it. */
export function formulaOf(scheme: MotivationScheme): string {
  // jsonb keeps keys in its own order: write them in the order actions are listed.
  const points = motivationActions
    .filter((action) => scheme.points[action] !== undefined)
    .map((action) => `${scheme.points[action]} × ${action}`)
    .join(' + ');
  const salary = scheme.salary.map((step) => `from ${step.from} points: ${money(step.amount)} ₽`).join('; ');
  const commission = scheme.commission
    .map((step) => `from ${money(step.from)} ₽ of sales: ${Math.round(step.rate * 10_000) / 100} %`)
    .join('; ');
  return [
    `points = ${points || '0'} (plan: ${scheme.planPoints} points)`,
    `salary by points reached: ${salary || 'none'}`,
    `commission = sales × rate, the rate by the sales sum: ${commission || 'none'}`,
    'pay = salary + commission; forecast: counts and sales so far × days in period ÷ days elapsed',
  ].join('\n');
}

/**
 * Each person's points, salary step, commission and pay so far, and the forecast for the whole period
 * at the pace so far: a manager sees their own, a head of sales their department, the owner everyone.
 */
export async function payReport(
  db: Kysely<DB>,
  actor: Actor,
  query: { from: string; to: string; asOf?: string; timezone: string },
): Promise<PayReport> {
  requireTimezone(query.timezone);
  requirePeriod(query.from, query.to, 'querystring');
  const scheme = await findScheme(db, actor.workspaceId);
  if (!scheme) throw new AppError('conflict', 'The workspace has no motivation scheme yet');
  const asOf = query.asOf ?? today(query.timezone);
  const daysInPeriod = daysBetween(query.from, query.to);
  const daysElapsed = Math.max(0, Math.min(daysInPeriod, daysBetween(query.from, asOf)));
  const last = asOf < query.to ? asOf : query.to;
  const people = (column: string) => visibleTo(actor, column);
  const [{ rows: listed }, stages] = await Promise.all([
    sql<{ id: string; name: string }>`
      select id, name from users
      where workspace_id = ${actor.workspaceId} and active and role in ('manager', 'head_of_sales')
        and ${people('users.id')}
      order by name, id`.execute(db),
    proposalStages(db, actor.workspaceId),
  ]);
  const counts =
    daysElapsed === 0
      ? new Map()
      : await actionCounts(db, {
          workspaceId: actor.workspaceId,
          start: dayStart(query.from, query.timezone),
          end: dayStart(addDays(last, 1), query.timezone),
          people,
          stages,
        });
  return {
    from: query.from,
    to: query.to,
    asOf,
    daysElapsed,
    daysInPeriod,
    formula: formulaOf(scheme),
    items: listed.map((person) => {
      const { sales, ...actions } = counts.get(person.id) ?? noActions();
      return {
        userId: person.id,
        name: person.name,
        sales,
        pay: computePay(scheme, actions, sales),
        forecast: forecastPay(scheme, actions, sales, daysElapsed, daysInPeriod),
      };
    }),
  };
}
