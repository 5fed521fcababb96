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

/** Income and expense per month in [from, to], and the balance of everything before `from`. */
export async function monthlyTotals(
  db: Kysely<DB>,
  workspaceId: string,
  options: { from: string; to: string; statuses: ('actual' | 'planned')[]; lineOfBusiness?: string },
) {
  const line = options.lineOfBusiness ? sql`and f.line_of_business = ${options.lineOfBusiness}` : sql``;
  const [months, before, lines, categories] = await Promise.all([
    sql<{ month: string; income: string; expense: string }>`
      select to_char(f.occurred_on, 'YYYY-MM') as month,
        coalesce(sum(f.amount) filter (where f.kind = 'income'), 0) as income,
        coalesce(sum(f.amount) filter (where f.kind = 'expense'), 0) as expense
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = any(${options.statuses}::text[])
        and f.occurred_on >= ${options.from}::date and f.occurred_on <= ${options.to}::date ${line}
      group by 1`.execute(db),
    sql<{ balance: string }>`
      select coalesce(sum(case when f.kind = 'income' then f.amount else -f.amount end), 0) as balance
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = any(${options.statuses}::text[])
        and f.occurred_on < ${options.from}::date ${line}`.execute(db),
    sql<{ line_of_business: string | null; income: string; expense: string }>`
      select f.line_of_business,
        coalesce(sum(f.amount) filter (where f.kind = 'income'), 0) as income,
        coalesce(sum(f.amount) filter (where f.kind = 'expense'), 0) as expense
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = any(${options.statuses}::text[])
        and f.occurred_on >= ${options.from}::date and f.occurred_on <= ${options.to}::date ${line}
      group by 1 order by 1 nulls last`.execute(db),
    sql<{ kind: 'income' | 'expense'; category: string; amount: string }>`
      select f.kind, f.category, sum(f.amount) as amount
      from finance_entries f
      where f.workspace_id = ${workspaceId} and f.status = any(${options.statuses}::text[])
        and f.occurred_on >= ${options.from}::date and f.occurred_on <= ${options.to}::date ${line}
      group by 1, 2 order by 1 desc, 3 desc, 2`.execute(db),
  ]);
  return {
    months: months.rows,
    before: Number(before.rows[0]?.balance ?? 0),
    lines: lines.rows,
    categories: categories.rows,
  };
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
