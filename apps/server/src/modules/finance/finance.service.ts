import {
  breakEvenRevenue,
  type FinanceEntry,
  type FinanceEntryBody,
  type UpdateFinanceEntryBody,
  type WhatIfBody,
  whatIf,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { forbidden, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { findVisibleRecord } from '../access/records';
import { monthsOf } from '../reports/activity.queries';
import { addDays, requirePeriod, today } from '../reports/report-scope';
import {
  dealMargin,
  type EntryFilter,
  expensesBetween,
  findEntry,
  listEntries,
  monthlyTotals,
  owed,
  toEntry,
} from './finance.queries';

/** Money is the owner's, the admin's and the accountant's business. */
function requireFinance(actor: Actor): void {
  if (!['owner', 'admin', 'accountant'].includes(actor.role))
    throw forbidden('Only an owner, an admin or an accountant works with finance');
}

const round2 = (value: number) => Math.round(value * 100) / 100;

async function requireDeal(db: Kysely<DB>, actor: Actor, dealId: string | null | undefined): Promise<void> {
  if (dealId && !(await findVisibleRecord(db, actor, 'deal', dealId)))
    throw invalid('body.dealId', 'No such deal');
}

export async function getEntries(db: Kysely<DB>, actor: Actor, filter: EntryFilter): Promise<FinanceEntry[]> {
  requireFinance(actor);
  if (filter.from && filter.to) requirePeriod(filter.from, filter.to, 'querystring');
  return (await listEntries(db, actor.workspaceId, filter)).map(toEntry);
}

export async function getEntry(db: Kysely<DB>, actor: Actor, id: string): Promise<FinanceEntry> {
  requireFinance(actor);
  const row = await findEntry(db, actor.workspaceId, id);
  if (!row) throw notFound('Finance entry');
  return toEntry(row);
}

export async function createEntry(
  db: Kysely<DB>,
  actor: Actor,
  body: z.output<typeof FinanceEntryBody>,
): Promise<FinanceEntry> {
  requireFinance(actor);
  await requireDeal(db, actor, body.dealId);
  const row = await db
    .insertInto('finance_entries')
    .values({
      workspace_id: actor.workspaceId,
      kind: body.kind,
      status: body.status,
      amount: body.amount,
      occurred_on: body.occurredOn,
      category: body.category,
      line_of_business: body.lineOfBusiness,
      counterparty: body.counterparty,
      deal_id: body.dealId,
      comment: body.comment,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getEntry(db, actor, row.id);
}

export async function updateEntry(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: z.output<typeof UpdateFinanceEntryBody>,
): Promise<FinanceEntry> {
  requireFinance(actor);
  if (!(await findEntry(db, actor.workspaceId, id))) throw notFound('Finance entry');
  await requireDeal(db, actor, body.dealId);
  await db
    .updateTable('finance_entries')
    .set({
      kind: body.kind,
      status: body.status,
      amount: body.amount,
      occurred_on: body.occurredOn,
      category: body.category,
      line_of_business: body.lineOfBusiness,
      counterparty: body.counterparty,
      deal_id: body.dealId,
      comment: body.comment,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  return getEntry(db, actor, id);
}

export async function deleteEntry(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireFinance(actor);
  const result = await db
    .deleteFrom('finance_entries')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Finance entry');
}

/**
 * Cash flow by month: income, expense, what the month leaves, and what remains at its end from the
 * balance of every entry before the period; with the period's totals per line of business and category.
 */
export async function cashFlow(
  db: Kysely<DB>,
  actor: Actor,
  query: { from: string; to: string; status: 'actual' | 'planned' | 'all'; lineOfBusiness?: string },
) {
  requireFinance(actor);
  requirePeriod(query.from, query.to, 'querystring');
  const statuses: ('actual' | 'planned')[] = query.status === 'all' ? ['actual', 'planned'] : [query.status];
  const totals = await monthlyTotals(db, actor.workspaceId, { ...query, statuses });
  const rows = whatIf(
    totals.before,
    monthsOf(query.from, query.to).map((month) => {
      const found = totals.months.find((row) => row.month === month);
      return { month, income: Number(found?.income ?? 0), expense: Number(found?.expense ?? 0) };
    }),
  );
  return {
    openingBalance: round2(totals.before),
    months: rows,
    byLineOfBusiness: totals.lines.map((line) => ({
      lineOfBusiness: line.line_of_business,
      income: Number(line.income),
      expense: Number(line.expense),
      net: round2(Number(line.income) - Number(line.expense)),
    })),
    byCategory: totals.categories.map((category) => ({
      kind: category.kind,
      category: category.category,
      amount: Number(category.amount),
    })),
  };
}

export async function debts(db: Kysely<DB>, actor: Actor, query: { asOf?: string }) {
  requireFinance(actor);
  const asOf = query.asOf ?? today('Europe/Moscow');
  const rows = await owed(db, actor.workspaceId, asOf);
  const items = rows.map((row) => ({
    counterparty: row.counterparty,
    amount: Number(row.amount),
    overdue: Number(row.overdue),
    entries: Number(row.entries),
    nextDue: row.next_due,
  }));
  return {
    asOf,
    total: round2(items.reduce((sum, item) => sum + item.amount, 0)),
    overdue: round2(items.reduce((sum, item) => sum + item.overdue, 0)),
    items,
  };
}

const lastDayOf = (month: string) =>
  addDays(`${monthsOf(`${month}-01`, addDays(`${month}-01`, 31))[1]}-01`, -1);

/**
 * "If we earn X and spend Y": the chosen months with income and expense as booked (actual and planned
 * entries) unless typed, and what remains month by month from the opening balance (by default every
 * actual entry before the first month).
 */
export async function whatIfMonths(db: Kysely<DB>, actor: Actor, body: z.output<typeof WhatIfBody>) {
  requireFinance(actor);
  const seen = new Set<string>();
  body.months.forEach((month, i) => {
    if (seen.has(month.month)) throw invalid(`body.months.${i}.month`, 'This month is already in the list');
    seen.add(month.month);
  });
  const chosen = [...body.months].sort((a, b) => a.month.localeCompare(b.month));
  const first = chosen[0]!.month;
  const last = chosen.at(-1)!.month;
  const [booked, actual] = await Promise.all([
    monthlyTotals(db, actor.workspaceId, {
      from: `${first}-01`,
      to: lastDayOf(last),
      statuses: ['actual', 'planned'],
    }),
    monthlyTotals(db, actor.workspaceId, { from: `${first}-01`, to: `${first}-01`, statuses: ['actual'] }),
  ]);
  const openingBalance = body.openingBalance ?? round2(actual.before);
  const months = chosen.map((month) => {
    const found = booked.months.find((row) => row.month === month.month);
    return {
      month: month.month,
      income: month.income ?? Number(found?.income ?? 0),
      expense: month.expense ?? Number(found?.expense ?? 0),
    };
  });
  return {
    openingBalance,
    months: whatIf(openingBalance, months).map((row, i) => ({
      ...row,
      typed: { income: chosen[i]!.income !== undefined, expense: chosen[i]!.expense !== undefined },
    })),
  };
}

/**
 * The revenue at which margin covers the fixed costs: typed costs, or the average month of actual
 * expenses from `from` to `to` (payroll included, as booked; an expense booked against a deal is that
 * sale's cost, covered by the margin, and is left out). The margin rate is typed, or measured over the
 * same months from the sales paid and the purchases booked against them.
 */
export async function breakEven(
  db: Kysely<DB>,
  actor: Actor,
  query: { fixedCosts?: number; marginRate?: number; from?: string; to?: string },
) {
  requireFinance(actor);
  // What is not typed is measured over the period, which then must be given.
  const period = () => {
    const missing = query.fixedCosts === undefined ? 'fixedCosts' : 'marginRate';
    if (!query.from || !query.to)
      throw invalid(
        `querystring.${missing}`,
        missing === 'fixedCosts'
          ? 'Type the fixed costs, or give from and to to average the expenses over'
          : 'Type the margin rate, or give from and to to measure it over',
      );
    requirePeriod(query.from, query.to, 'querystring');
    return { from: query.from, to: query.to };
  };
  let fixedCosts = query.fixedCosts;
  if (fixedCosts === undefined) {
    const { from, to } = period();
    fixedCosts = round2((await expensesBetween(db, actor.workspaceId, from, to)) / monthsOf(from, to).length);
  }
  let marginRate = query.marginRate ?? null;
  let marginMeasuredOn: Awaited<ReturnType<typeof dealMargin>> | null = null;
  if (query.marginRate === undefined) {
    const { from, to } = period();
    marginMeasuredOn = await dealMargin(db, actor.workspaceId, from, to);
    const { income, costs } = marginMeasuredOn;
    marginRate = income > 0 ? Math.round(((income - costs) / income) * 10_000) / 10_000 : null;
  }
  // A margin of nothing or less covers no costs: there is no break-even to show.
  const revenue = marginRate === null ? null : breakEvenRevenue(fixedCosts, marginRate);
  if (revenue === null && query.marginRate !== undefined)
    throw invalid('querystring.marginRate', 'The margin rate must be above 0 and at most 1');
  return {
    fixedCosts,
    fixedCostsMeasured: query.fixedCosts === undefined,
    marginRate,
    marginMeasuredOn,
    revenue,
  };
}
