import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../modules/access/actor';
import { saveScheme } from '../../modules/planning/motivation.queries';
import { createPlan } from '../../modules/planning/plans.service';
import { addDays, today } from '../../modules/reports/report-scope';
import type { DB } from '../schema';
import type { DemoPeople } from './crm-history';

const zone = 'Europe/Moscow';

/** The first day of the month `offset` months from the one `day` is in. */
function monthStart(day: string, offset: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + offset, 1));
  return date.toISOString().slice(0, 10);
}
const dayOf = (month: string, day: number) => `${month.slice(0, 8)}${String(day).padStart(2, '0')}`;

/**
 * Seed 004's money and plan: costs of 400,000 ₽ a month with payroll (break-even 800,000 ₽ at 50 %),
 * an income entry for every won deal, a planned purchase and an overdue supplier invoice (debts), the
 * month's plan of 800,000 ₽ at 40,000 ₽ over the four managers, and the points-based motivation.
 */
export async function seedPlanning(
  db: Kysely<DB>,
  workspaceId: string,
  people: DemoPeople,
  now = Date.now(),
): Promise<void> {
  const todayDay = today(zone, new Date(now));
  const current = monthStart(todayDay, 0);
  const months = [monthStart(current, -2), monthStart(current, -1), current];
  const next = monthStart(current, 1);
  const entry = (
    values: Pick<Insertable<DB['finance_entries']>, 'kind' | 'amount' | 'occurred_on' | 'category'> &
      Partial<Insertable<DB['finance_entries']>>,
  ): Insertable<DB['finance_entries']> => ({
    workspace_id: workspaceId,
    status: 'actual',
    line_of_business: null,
    counterparty: null,
    deal_id: null,
    comment: null,
    created_by: people.owner,
    ...values,
  });
  const costs = [
    ['ФОТ', 280_000, 5, 'Сотрудники'],
    ['Аренда', 70_000, 1, 'БЦ «Сокол»'],
    ['Маркетинг', 50_000, 10, 'Яндекс Директ'],
  ] as const;
  // This month's costs are booked up to today: money not yet paid is not spent.
  const entries = months.flatMap((month) =>
    costs
      .filter(([, , day]) => dayOf(month, day) <= todayDay)
      .map(([category, amount, day, counterparty]) =>
        entry({ kind: 'expense', amount, occurred_on: dayOf(month, day), category, counterparty }),
      ),
  );
  const won = await db
    .selectFrom('deals as d')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .select(['d.id', 'd.amount', 'd.closed_at'])
    .where('d.workspace_id', '=', workspaceId)
    .where('s.kind', '=', 'won')
    .where('d.source_deal_id', 'is', null)
    .where('d.closed_at', 'is not', null)
    .execute();
  // Each sale's goods are bought from the supplier a few days before the client pays, booked against
  // the deal: about half the price, so the margin the owner's page measures is near seed 004's 50 %.
  const costShares = [0.5, 0.47, 0.53, 0.55, 0.45];
  won.forEach((deal, i) => {
    const paidOn = today(zone, deal.closed_at!);
    entries.push(
      entry({
        kind: 'expense',
        amount: Math.round(Number(deal.amount) * costShares[i % costShares.length]!),
        occurred_on: addDays(paidOn, -3),
        category: 'Закупка',
        line_of_business: 'Упаковка',
        counterparty: 'ООО «Профиль»',
        deal_id: deal.id,
      }),
      entry({
        kind: 'income',
        amount: deal.amount,
        occurred_on: paidOn,
        category: 'Продажи',
        line_of_business: 'Упаковка',
        deal_id: deal.id,
      }),
    );
  });
  // The company traded before its books moved here: the money on its account when they begin, and the
  // weekly sales of the weeks before its first deal in the CRM. Without them the demo's cash read
  // -526,000 ₽, two months of costs against one month of sales. The balance is dated the day before
  // the books' first month: it opens their cash flow, it is not that month's income.
  entries.push(
    entry({
      kind: 'income',
      amount: 600_000,
      occurred_on: addDays(months[0]!, -1),
      category: 'Остаток на начало',
      comment: 'Деньги на счёте до начала учёта в Voronka',
    }),
  );
  const crmStart = addDays(todayDay, -30);
  const weekly = [96_000, 104_500, 88_000, 112_000];
  for (let day = addDays(months[0]!, 2), week = 0; day < crmStart; day = addDays(day, 7), week++) {
    entries.push(
      entry({
        kind: 'income',
        amount: weekly[week % weekly.length]!,
        occurred_on: day,
        category: 'Продажи',
        line_of_business: 'Упаковка',
        comment: 'Оплаты клиентов до начала работы в CRM',
      }),
    );
  }
  entries.push(
    entry({
      kind: 'expense',
      status: 'planned',
      amount: 120_000,
      occurred_on: dayOf(next, 10),
      category: 'Закупка',
      counterparty: 'ООО «Профиль»',
    }),
    entry({
      kind: 'expense',
      status: 'planned',
      amount: 35_000,
      // Due a week ago, so it is overdue whatever the day (on the 1st, the month's first day is not yet).
      occurred_on: addDays(todayDay, -7),
      category: 'Закупка',
      counterparty: 'ООО «Стекло»',
      comment: 'Счёт поставщика, срок оплаты прошёл',
    }),
  );
  await db.insertInto('finance_entries').values(entries).execute();

  await saveScheme(db, workspaceId, people.head, {
    points: { call: 1, meeting: 10, proposal: 15, negotiation: 20, dealWon: 50 },
    planPoints: 890,
    salary: [
      { from: 0, amount: 10_000 },
      { from: 445, amount: 15_000 },
      { from: 890, amount: 20_000 },
    ],
    commission: [
      { from: 0, rate: 0.1 },
      { from: 200_000, rate: 0.15 },
    ],
  });

  const head: Actor = {
    userId: people.head,
    workspaceId,
    name: 'demo',
    role: 'head_of_sales',
    function: null,
    departmentId: null,
    visibility: 'all',
    via: 'session',
    sessionId: null,
    scopes: ['read', 'write'],
  };
  await createPlan(db, head, {
    name: 'План месяца',
    from: current,
    to: addDays(next, -1),
    target: { kind: 'revenue', amount: 800_000 },
    averageCheck: 40_000,
    timezone: zone,
    indicators: [
      { activity: 'call', conversion: 0.2 },
      { activity: 'meeting', conversion: 0.25 },
    ],
    managers: [people.hunter, ...people.closers, people.farmer].map((userId) => ({ userId, weight: 1 })),
  });
}
