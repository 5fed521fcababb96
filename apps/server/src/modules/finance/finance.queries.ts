import type { FinanceEntry } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { FinanceEntriesTable } from '../../db/schema-reports';

type EntryRow = Selectable<FinanceEntriesTable>;

const entryColumns = [
  'id',
  'workspace_id',
  'kind',
  'status',
  'amount',
  sql<string>`occurred_on::text`.as('occurred_on'),
  'category',
  'line_of_business',
  'counterparty',
  'deal_id',
  'comment',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export function toEntry(row: EntryRow): FinanceEntry {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    amount: Number(row.amount),
    occurredOn: row.occurred_on,
    category: row.category,
    lineOfBusiness: row.line_of_business,
    counterparty: row.counterparty,
    dealId: row.deal_id,
    comment: row.comment,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findEntry(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
): Promise<EntryRow | undefined> {
  return db
    .selectFrom('finance_entries')
    .select(entryColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface EntryFilter {
  from?: string;
  to?: string;
  kind?: 'income' | 'expense';
  status?: 'planned' | 'actual';
  lineOfBusiness?: string;
  category?: string;
  limit: number;
}

export async function listEntries(
  db: Kysely<DB>,
  workspaceId: string,
  filter: EntryFilter,
): Promise<EntryRow[]> {
  let query = db.selectFrom('finance_entries').select(entryColumns).where('workspace_id', '=', workspaceId);
  if (filter.from) query = query.where('occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('occurred_on', '<=', filter.to);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.lineOfBusiness) query = query.where('line_of_business', '=', filter.lineOfBusiness);
  if (filter.category) query = query.where('category', '=', filter.category);
  return query.orderBy('occurred_on', 'desc').orderBy('id').limit(filter.limit).execute();
}

interface Totals {
  months: { month: string; income: string; expense: string }[];
  before: number;
  lines: { line_of_business: string | null; income: string; expense: string }[];
  categories: { kind: 'income' | 'expense'; category: string; amount: string }[];
}

/**
 * Income and expense per month in [from, to], per line of business and per category over the period,
 * and the balance of everything before `from`: one statement. The balance adds the kept month totals
 * (migration 0030) before `from`'s month to the entries of that month before `from`, so it reads one
 * row per month however many entries the years before hold (110 → 16 ms for a month at 251,000
 * entries). Months are grouped by their first day and named after grouping: `to_char` on every entry
 * cost 18 ms of a month's 22,000. Sums come back as text, so no amount passes through a float.
 */
export async function monthlyTotals(
  db: Kysely<DB>,
  workspaceId: string,
  options: { from: string; to: string; statuses: ('actual' | 'planned')[]; lineOfBusiness?: string },
): Promise<Totals> {
  const line = (alias: string) =>
    options.lineOfBusiness
      ? sql`and ${sql.ref(`${alias}.line_of_business`)} = ${options.lineOfBusiness}`
      : sql``;
  const statuses = sql`${options.statuses}::text[]`;
  const monthStart = sql`date_trunc('month', ${options.from}::date::timestamp)::date`;
  const signed = (alias: string) =>
    sql`case when ${sql.ref(`${alias}.kind`)} = 'income' then ${sql.ref(`${alias}.amount`)} else -${sql.ref(`${alias}.amount`)} end`;
  const income = sql`coalesce(sum(p.amount) filter (where p.kind = 'income'), 0)::text`;
  const expense = sql`coalesce(sum(p.amount) filter (where p.kind = 'expense'), 0)::text`;
  const { rows } = await sql<Omit<Totals, 'before'> & { before: string }>`
    with period as (
      select f.occurred_on, f.kind, f.amount, f.line_of_business, f.category
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = any(${statuses})
        and f.occurred_on >= ${options.from}::date and f.occurred_on <= ${options.to}::date ${line('f')}
    )
    select
      ((select coalesce(sum(${signed('t')}), 0) from finance_month_totals t
        where t.workspace_id = ${workspaceId} and t.status = any(${statuses}) and t.month < ${monthStart} ${line('t')})
      + (select coalesce(sum(${signed('f')}), 0) from finance_entries f
        where f.workspace_id = ${workspaceId} and f.status = any(${statuses})
          and f.occurred_on >= ${monthStart} and f.occurred_on < ${options.from}::date ${line('f')}))::text as before,
      (select coalesce(json_agg(m), '[]') from (
        select to_char(g.month, 'YYYY-MM') as month, g.income, g.expense from (
          select date_trunc('month', p.occurred_on::timestamp) as month, ${income} as income, ${expense} as expense
          from period p group by 1) as g) as m) as months,
      (select coalesce(json_agg(l order by l.line_of_business nulls last), '[]') from (
        select p.line_of_business, ${income} as income, ${expense} as expense
        from period p group by 1) as l) as lines,
      (select coalesce(json_agg(c order by c.kind desc, c.amount::numeric desc, c.category), '[]') from (
        select p.kind, p.category, sum(p.amount)::text as amount
        from period p group by 1, 2) as c) as categories`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('The totals statement returned no row');
  return { ...row, before: Number(row.before) };
}

/**
 * Actual expenses booked from `from` to `to` that are not booked against a deal, for the break-even
 * point's fixed costs: a purchase for a deal is that sale's own cost, which the margin rate covers.
 */
export async function expensesBetween(db: Kysely<DB>, workspaceId: string, from: string, to: string) {
  const { rows } = await sql<{ spent: string }>`
    select coalesce(sum(f.amount), 0)::text as spent
    from finance_entries f
    where f.workspace_id = ${workspaceId} and f.status = 'actual' and f.kind = 'expense' and f.deal_id is null
      and f.occurred_on >= ${from}::date and f.occurred_on <= ${to}::date`.execute(db);
  return Number(rows[0]?.spent ?? 0);
}

/**
 * What the sales paid from `from` to `to` brought and what they cost: the actual income booked against
 * each deal in the period and the actual purchases booked against the same deals on any day (goods are
 * often bought the month before the client pays). Deals with no purchase booked are left out: their
 * costs are unknown, not nil, and counting them would raise the margin.
 */
export async function dealMargin(db: Kysely<DB>, workspaceId: string, from: string, to: string) {
  const { rows } = await sql<{ deals: string; income: string; costs: string }>`
    with sold as (
      select f.deal_id, sum(f.amount) as income
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = 'actual' and f.kind = 'income'
        and f.deal_id is not null and f.occurred_on >= ${from}::date and f.occurred_on <= ${to}::date
      group by f.deal_id
    ),
    bought as (
      select f.deal_id, sum(f.amount) as costs
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = 'actual' and f.kind = 'expense'
        and f.deal_id in (select deal_id from sold)
      group by f.deal_id
    )
    select count(*)::text as deals, coalesce(sum(s.income), 0)::text as income,
      coalesce(sum(b.costs), 0)::text as costs
    from sold s join bought b on b.deal_id = s.deal_id`.execute(db);
  const row = rows[0];
  return { deals: Number(row?.deals ?? 0), income: Number(row?.income ?? 0), costs: Number(row?.costs ?? 0) };
}

/** Planned expenses not yet paid, per counterparty: what the company owes. */
export async function owed(db: Kysely<DB>, workspaceId: string, asOf: string) {
  const { rows } = await sql<{
    counterparty: string | null;
    amount: string;
    overdue: string;
    entries: string;
    next_due: string | null;
  }>`
    select f.counterparty, sum(f.amount) as amount,
      coalesce(sum(f.amount) filter (where f.occurred_on < ${asOf}::date), 0) as overdue,
      count(*) as entries,
      (min(f.occurred_on) filter (where f.occurred_on >= ${asOf}::date))::text as next_due
    from finance_entries f
    where f.workspace_id = ${workspaceId} and f.kind = 'expense' and f.status = 'planned'
    group by 1 order by 2 desc, 1 nulls last`.execute(db);
  return rows;
}
