import {
  behindPace,
  conversionsFrom,
  decomposePlan,
  elapsedDays,
  type Plan,
  type PlanBody,
  PlanError,
  type PlanFact,
} from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { forbidden, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireRow } from '../access/require-row';
import { visibleTo } from '../access/visibility';
import { monthsOf } from '../reports/activity.queries';
import { hourAligned } from '../reports/activity-hours';
import {
  addDays,
  dayShare,
  dayStart,
  daysBetween,
  requirePeriod,
  requireTimezone,
  today,
} from '../reports/report-scope';
import {
  averageCheck,
  type Counted,
  findPlan,
  listPlans,
  type PlanRow,
  stepFacts,
  stepTotals,
} from './plans.queries';

const activityNames = { call: 'Звонки', meeting: 'Встречи', email: 'Письма' } as const;

/** The plan as stored: what was sent, and what was measured when it was saved. */
interface Settings {
  target: PlanBody['target'];
  marginRate: number | null;
  averageCheck: { amount: number; measured: boolean };
  measureFrom: string | null;
  measureTo: string | null;
  indicators: Plan['indicators'];
  managers: { userId: string; weight: number }[];
}

export function canPlan(actor: Actor): boolean {
  return ['owner', 'admin', 'head_of_sales'].includes(actor.role);
}

function requirePlanner(actor: Actor): void {
  if (!canPlan(actor)) throw forbidden('Only an owner, an admin or a head of sales sets plans');
}

/**
 * Checks a plan and fixes what it is computed from: the average check and every step's conversion,
 * typed or measured over the measurement window (seed 004: a month of the funnel's history), and the
 * managers (every active manager of the department or workspace unless named).
 */
async function settle(
  db: Kysely<DB>,
  actor: Actor,
  body: PlanBody,
): Promise<Settings & { pipelineId: string | null }> {
  const ws = actor.workspaceId;
  requirePeriod(body.from, body.to, 'body');
  if (body.target.kind === 'margin' && body.marginRate === undefined)
    throw invalid('body.marginRate', 'A margin target needs the margin rate');
  await requireRow(db, 'pipelines', ws, body.pipelineId, 'body.pipelineId', 'pipeline');
  await requireRow(db, 'departments', ws, body.departmentId, 'body.departmentId', 'department');
  const stageIds = body.indicators.flatMap((indicator) => (indicator.stageId ? [indicator.stageId] : []));
  const stages = stageIds.length
    ? await db
        .selectFrom('stages')
        .select(['id', 'name', 'kind'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', stageIds)
        .execute()
    : [];
  body.indicators.forEach((indicator, i) => {
    if (indicator.stageId && !stages.some((stage) => stage.id === indicator.stageId && stage.kind === 'open'))
      throw invalid(`body.indicators.${i}.stageId`, 'No such open stage');
  });

  const measuring =
    body.averageCheck === null || body.indicators.some((indicator) => indicator.conversion === undefined);
  if (measuring && !(body.measureFrom && body.measureTo)) {
    throw invalid(
      `body.${body.measureFrom ? 'measureTo' : 'measureFrom'}`,
      'A measured average check or conversion needs the window to measure over',
    );
  }
  if (body.measureFrom && body.measureTo)
    requirePeriod(body.measureFrom, body.measureTo, 'body', ['measureFrom', 'measureTo']);
  requireTimezone(body.timezone, 'body.timezone');
  const window = {
    workspaceId: ws,
    start: dayStart(body.measureFrom ?? body.from, body.timezone),
    end: dayStart(addDays(body.measureTo ?? body.to, 1), body.timezone),
    timezone: body.timezone,
    people: (column: string) => visibleTo(actor, column),
    pipelineId: body.pipelineId ?? null,
  };

  let check = body.averageCheck;
  if (check === null) {
    check = await averageCheck(db, window);
    if (check === null)
      throw invalid('body.averageCheck', 'No won deals in the window to measure it by; type it');
  }
  const steps: Counted[] = [
    ...body.indicators.map(
      (indicator): Counted =>
        indicator.stageId ? { stageId: indicator.stageId } : { activity: indicator.activity! },
    ),
    { sales: true },
  ];
  const measured =
    measuring && body.indicators.length > 0 ? conversionsFrom(await stepTotals(db, window, steps)) : [];
  const indicators = body.indicators.map((indicator, i) => {
    const conversion = indicator.conversion ?? measured[i] ?? null;
    if (conversion === null || conversion > 1)
      throw invalid(
        `body.indicators.${i}.conversion`,
        conversion === null
          ? 'Nothing happened at this step in the window; type the conversion'
          : `Measured ${Math.round(conversion * 100)} %, above 100 %; type the conversion`,
      );
    const stage = stages.find((candidate) => candidate.id === indicator.stageId);
    return {
      id: indicator.stageId ?? indicator.activity!,
      name: stage?.name ?? activityNames[indicator.activity!],
      stageId: indicator.stageId ?? null,
      activity: indicator.activity ?? null,
      conversion: Math.round(conversion * 10_000) / 10_000,
      measured: indicator.conversion === undefined,
    };
  });

  let managers = body.managers;
  if (managers) {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('active', '=', true)
      .where(
        'id',
        'in',
        managers.map((manager) => manager.userId),
      )
      .execute();
    managers.forEach((manager, i) => {
      if (!found.some((user) => user.id === manager.userId))
        throw invalid(`body.managers.${i}.userId`, 'No such active person in this workspace');
    });
  } else {
    const { rows } = await sql<{ id: string }>`
      select u.id from users u
      where u.workspace_id = ${ws} and u.active and u.role = 'manager'
        ${
          body.departmentId
            ? sql`and u.department_id in (
                with recursive tree as (
                  select id from departments where workspace_id = ${ws} and id = ${body.departmentId}
                  union
                  select c.id from departments c join tree on c.parent_id = tree.id where c.workspace_id = ${ws}
                )
                select id from tree)`
            : sql``
        }
      order by u.name, u.id`.execute(db);
    if (rows.length === 0)
      throw invalid('body.managers', 'No active managers to split the plan between; name them');
    managers = rows.map((row) => ({ userId: row.id, weight: 1 }));
  }

  const settings: Settings & { pipelineId: string | null } = {
    target: body.target,
    marginRate: body.marginRate ?? null,
    averageCheck: { amount: check, measured: body.averageCheck === null },
    measureFrom: body.measureFrom ?? null,
    measureTo: body.measureTo ?? null,
    indicators,
    managers,
    pipelineId: body.pipelineId ?? null,
  };
  decompose(settings, body.from, body.to);
  return settings;
}

/** seed 004's decomposition of a stored plan; a refusal names the body field it comes from. */
function decompose(settings: Settings, from: string, to: string) {
  const months = monthsOf(from, to).length;
  try {
    const result = decomposePlan({
      target: settings.target,
      averageCheck: settings.averageCheck.amount,
      marginRate: settings.marginRate ?? undefined,
      stages: settings.indicators.map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        conversion: indicator.conversion,
      })),
      months,
      managers: settings.managers.map((manager) => ({ id: manager.userId, weight: manager.weight })),
    });
    const named = (list: { id: string; name: string; count: number }[]) =>
      list.map((item) => (item.id === 'sales' ? { ...item, name: 'Продажи' } : item));
    return {
      revenue: result.revenue,
      sales: result.sales,
      months,
      indicators: named(result.indicators),
      perMonth: named(result.perMonth),
      perManager: result.perManager.map((manager) => ({
        userId: manager.id,
        share: manager.share,
        indicators: named(manager.indicators),
      })),
    };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    const field = error.field.replace(/^stages\./, 'indicators.');
    throw invalid(`body.${field}`, error.message);
  }
}

async function toPlan(db: Kysely<DB>, row: PlanRow): Promise<Plan> {
  const settings = row.settings as Settings;
  const people = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', row.workspace_id)
    .where(
      'id',
      'in',
      settings.managers.map((manager) => manager.userId),
    )
    .execute();
  return {
    id: row.id,
    name: row.name,
    from: row.period_from,
    to: row.period_to,
    pipelineId: row.pipeline_id,
    departmentId: row.department_id,
    target: settings.target,
    marginRate: settings.marginRate,
    averageCheck: settings.averageCheck,
    measureFrom: settings.measureFrom,
    measureTo: settings.measureTo,
    indicators: settings.indicators,
    managers: settings.managers.map((manager) => ({
      ...manager,
      name: people.find((person) => person.id === manager.userId)?.name ?? '',
    })),
    decomposition: decompose(settings, row.period_from, row.period_to),
    createdAt: row.created_at.toISOString(),
  };
}

export async function createPlan(db: Kysely<DB>, actor: Actor, body: PlanBody): Promise<Plan> {
  requirePlanner(actor);
  const { pipelineId, ...settings } = await settle(db, actor, body);
  const row = await db
    .insertInto('plans')
    .values({
      workspace_id: actor.workspaceId,
      name: body.name,
      period_from: body.from,
      period_to: body.to,
      pipeline_id: pipelineId,
      department_id: body.departmentId ?? null,
      settings: JSON.stringify(settings),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getPlan(db, actor, row.id);
}

export async function replacePlan(db: Kysely<DB>, actor: Actor, id: string, body: PlanBody): Promise<Plan> {
  if (!(await findPlan(db, actor.workspaceId, id))) throw notFound('Plan');
  requirePlanner(actor);
  const { pipelineId, ...settings } = await settle(db, actor, body);
  await db
    .updateTable('plans')
    .set({
      name: body.name,
      period_from: body.from,
      period_to: body.to,
      pipeline_id: pipelineId,
      department_id: body.departmentId ?? null,
      settings: JSON.stringify(settings),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  return getPlan(db, actor, id);
}

export async function deletePlan(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  if (!(await findPlan(db, actor.workspaceId, id))) throw notFound('Plan');
  requirePlanner(actor);
  await db.deleteFrom('plans').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
}

export async function getPlan(db: Kysely<DB>, actor: Actor, id: string): Promise<Plan> {
  const row = await findPlan(db, actor.workspaceId, id);
  if (!row) throw notFound('Plan');
  return toPlan(db, row);
}

export async function getPlans(db: Kysely<DB>, actor: Actor): Promise<Plan[]> {
  return Promise.all((await listPlans(db, actor.workspaceId)).map((row) => toPlan(db, row)));
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Plan against fact up to `asOf`: per indicator (every step, the sales and the revenue) and per manager
 * the caller sees, where the fact should be by now (the plan spread evenly over the time gone by), the
 * forecast to the period's end at the pace per day so far, and whether it is behind that pace in whole
 * things; and day by day.
 */
export async function planFact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  query: { asOf?: string; timezone: string },
): Promise<PlanFact> {
  const plan = await getPlan(db, actor, id);
  requireTimezone(query.timezone);
  const now = new Date();
  const todayDay = today(query.timezone, now);
  const asOf = query.asOf ?? todayDay;
  const daysInPeriod = daysBetween(plan.from, plan.to);
  const last = asOf < plan.to ? asOf : plan.to;
  const daysElapsed = Math.max(0, Math.min(daysInPeriod, daysBetween(plan.from, asOf)));
  // What is due by now spreads the plan over the time gone by: today only as far as it has gone, so
  // that at 09:00 on the 1st the department does not owe a whole day's calls and is not behind.
  const isToday = asOf === todayDay && asOf >= plan.from && asOf <= plan.to;
  const dueDays = elapsedDays(daysElapsed, isToday ? dayShare(query.timezone, now) : undefined);
  const { rows: visible } = await sql<{ id: string }>`
    select id from users where workspace_id = ${actor.workspaceId}
      and id = any(${plan.managers.map((manager) => manager.userId)}::uuid[]) and ${visibleTo(actor, 'users.id')}`.execute(
    db,
  );
  const seen = new Set(visible.map((row) => row.id));
  const managers = plan.managers.filter((manager) => seen.has(manager.userId));

  const facts =
    daysElapsed === 0 || managers.length === 0
      ? []
      : await stepFacts(
          db,
          {
            workspaceId: actor.workspaceId,
            start: dayStart(plan.from, query.timezone),
            end: dayStart(addDays(last, 1), query.timezone),
            timezone: query.timezone,
            people: (column) => sql`${sql.ref(column)} = any(${[...seen]}::uuid[])`,
            pipelineId: plan.pipelineId,
            byHour: await hourAligned(db, query.timezone, plan.from, last),
          },
          plan.indicators.flatMap((indicator) => (indicator.activity ? [indicator.activity] : [])),
          plan.indicators.flatMap((indicator) => (indicator.stageId ? [indicator.stageId] : [])),
        );

  const keys = [
    ...plan.indicators.map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      key: indicator.stageId ? `stage:${indicator.stageId}` : `activity:${indicator.activity}`,
    })),
    { id: 'sales', name: 'Продажи', key: 'sales' },
    { id: 'revenue', name: 'Выручка', key: 'revenue' },
  ];
  const wholePlan = (id: string) =>
    id === 'revenue'
      ? plan.decomposition.revenue
      : (plan.decomposition.indicators.find((indicator) => indicator.id === id)?.count ?? 0);
  // A person's part of the whole period: their share of it, rounded up as the decomposition rounds.
  const personPlan = (userId: string, id: string) => {
    const share = plan.decomposition.perManager.find((manager) => manager.userId === userId)?.share ?? 0;
    return id === 'revenue' ? round2(wholePlan(id) * share) : Math.ceil(wholePlan(id) * share - 1e-9);
  };
  const averageCheckAmount = plan.averageCheck.amount;
  const indicator = (id: string, name: string, target: number, fact: number) => {
    const expectedByNow = round2((target * dueDays) / daysInPeriod);
    return {
      id,
      name,
      plan: target,
      fact: round2(fact),
      expectedByNow,
      forecast: daysElapsed > 0 ? round2((fact * daysInPeriod) / daysElapsed) : 0,
      behindPace:
        daysElapsed > 0 && behindPace(fact, expectedByNow, id === 'revenue' ? averageCheckAmount : 1),
    };
  };
  // Sums by step and day and by step and person, added up once: a quarter holds tens of thousands of
  // (day, person, step) facts, and filtering them for every day and person took longer than the SQL.
  const sums = new Map<string, number>();
  const add = (key: string, value: number) => sums.set(key, (sums.get(key) ?? 0) + value);
  for (const fact of facts) {
    if (!seen.has(fact.person)) continue;
    add(`${fact.key}|`, fact.value);
    add(`${fact.key}|day|${fact.day}`, fact.value);
    add(`${fact.key}|person|${fact.person}`, fact.value);
  }
  const factOf = (key: string, scope?: { day?: string; person?: string }) =>
    sums.get(
      scope?.day ? `${key}|day|${scope.day}` : scope?.person ? `${key}|person|${scope.person}` : `${key}|`,
    ) ?? 0;
  const seesEveryone = managers.length === plan.managers.length;
  const teamPlan = (id: string) =>
    seesEveryone ? wholePlan(id) : managers.reduce((sum, manager) => sum + personPlan(manager.userId, id), 0);

  const days: PlanFact['days'] = [];
  const running: Record<string, number> = {};
  for (let i = 0; i < daysElapsed; i++) {
    const day = addDays(plan.from, i);
    const fact: Record<string, number> = {};
    const cumulativeFact: Record<string, number> = {};
    const cumulativePlan: Record<string, number> = {};
    for (const { id: key, key: factKey } of keys) {
      fact[key] = round2(factOf(factKey, { day }));
      running[key] = round2((running[key] ?? 0) + fact[key]);
      cumulativeFact[key] = running[key];
      cumulativePlan[key] = round2((teamPlan(key) * (i + 1)) / daysInPeriod);
    }
    days.push({ day, fact, cumulativeFact, cumulativePlan });
  }

  return {
    planId: plan.id,
    asOf,
    daysInPeriod,
    daysElapsed,
    indicators: keys.map(({ id: key, name, key: factKey }) =>
      indicator(key, name, teamPlan(key), factOf(factKey)),
    ),
    managers: managers.map((manager) => ({
      userId: manager.userId,
      name: manager.name,
      indicators: keys.map(({ id: key, name, key: factKey }) =>
        indicator(key, name, personPlan(manager.userId, key), factOf(factKey, { person: manager.userId })),
      ),
    })),
    days,
  };
}
