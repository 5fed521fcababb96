import { type Kysely, sql } from 'kysely';

// Cash flow opens with the balance of every entry before the period. With a company's payments and
// purchases booked (251,000 entries over two years in the benchmark) summing them took 100 of the
// statement's 110 ms. `finance_month_totals` keeps that sum per month, status, kind and line of
// business, kept by statement triggers in the writing transaction; the balance then reads one row
// per month and only the entries of the period's first month before its first day.
//
// The period itself is read from `finance_entries_status_day`, which holds every column cash flow sums
// (a month at 1,000,000 deals: 28 → 16 ms) and the deal that tells a sale's purchase from a fixed cost
// for break-even. Debts read the planned expenses only: `finance_entries_owed` holds just those
// (28 → 3 ms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table finance_month_totals (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      month date not null,
      status text not null,
      kind text not null,
      line_of_business text,
      amount numeric(20, 2) not null,
      constraint finance_month_totals_key unique nulls not distinct
        (workspace_id, month, status, kind, line_of_business)
    );

    -- Adds each written entry's amount and takes back each replaced or deleted one's. Rows are summed
    -- per key and written in key order, so two statements touching the same months lock them in the
    -- same order. A branch names only the transition tables its event has (plpgsql plans a statement
    -- when it first runs it).
    create function finance_month_totals_track() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into finance_month_totals as t (workspace_id, month, status, kind, line_of_business, amount)
        select c.workspace_id, date_trunc('month', c.occurred_on::timestamp)::date, c.status, c.kind, c.line_of_business,
          sum(c.amount)
        from (select workspace_id, occurred_on, status, kind, line_of_business, amount from new_rows) c
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (workspace_id, month, status, kind, line_of_business)
          do update set amount = t.amount + excluded.amount;
      elsif tg_op = 'DELETE' then
        insert into finance_month_totals as t (workspace_id, month, status, kind, line_of_business, amount)
        select c.workspace_id, date_trunc('month', c.occurred_on::timestamp)::date, c.status, c.kind, c.line_of_business,
          sum(c.amount)
        from (select workspace_id, occurred_on, status, kind, line_of_business, -amount as amount from old_rows) c
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (workspace_id, month, status, kind, line_of_business)
          do update set amount = t.amount + excluded.amount;
      else
        insert into finance_month_totals as t (workspace_id, month, status, kind, line_of_business, amount)
        select c.workspace_id, date_trunc('month', c.occurred_on::timestamp)::date, c.status, c.kind, c.line_of_business,
          sum(c.amount)
        from (select workspace_id, occurred_on, status, kind, line_of_business, amount from new_rows union all select workspace_id, occurred_on, status, kind, line_of_business, -amount from old_rows) c
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (workspace_id, month, status, kind, line_of_business)
          do update set amount = t.amount + excluded.amount;
      end if;
      return null;
    end $$;
    create trigger finance_entries_totals_insert after insert on finance_entries
      referencing new table as new_rows for each statement execute function finance_month_totals_track();
    create trigger finance_entries_totals_update after update on finance_entries
      referencing old table as old_rows new table as new_rows
      for each statement execute function finance_month_totals_track();
    create trigger finance_entries_totals_delete after delete on finance_entries
      referencing old table as old_rows for each statement execute function finance_month_totals_track();

    insert into finance_month_totals (workspace_id, month, status, kind, line_of_business, amount)
    select workspace_id, date_trunc('month', occurred_on::timestamp)::date, status, kind, line_of_business, sum(amount)
    from finance_entries group by 1, 2, 3, 4, 5;

    create index finance_entries_owed on finance_entries (workspace_id, counterparty)
      include (amount, occurred_on) where kind = 'expense' and status = 'planned';
    create index finance_entries_status_day on finance_entries (workspace_id, status, occurred_on)
      include (kind, amount, line_of_business, category, deal_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index finance_entries_owed;
    drop index finance_entries_status_day;
    drop trigger finance_entries_totals_insert on finance_entries;
    drop trigger finance_entries_totals_update on finance_entries;
    drop trigger finance_entries_totals_delete on finance_entries;
    drop function finance_month_totals_track();
    drop table finance_month_totals;
  `.execute(db);
}
