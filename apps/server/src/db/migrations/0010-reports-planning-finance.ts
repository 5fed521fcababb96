import { type Kysely, sql } from 'kysely';

// Plans (seed 004 decomposition inputs; the decomposition itself is computed on read), one motivation
// scheme per workspace, and finance entries (income and expense, planned or actual). Indexes serve the
// reports over the 1,000,000-deal / 5,000,000-activity benchmark workspace:
// - activity counts per day and manager read only an index (time, author, kind), never the table;
// - won deals by close date (revenue, average check, new clients, leaderboards), and per company by
//   close date, so "no earlier purchase" (new clients) is an index-only probe;
// - open deals by time in stage (stalled deals) and leads by creation time with their source and status;
// - tasks by completion and by due date per assignee.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plans (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      period_from date not null,
      period_to date not null,
      pipeline_id uuid,
      department_id uuid,
      settings jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, id),
      check (period_to >= period_from),
      foreign key (workspace_id, pipeline_id) references pipelines(workspace_id, id) on delete set null (pipeline_id),
      foreign key (workspace_id, department_id) references departments(workspace_id, id) on delete set null (department_id),
      foreign key (workspace_id, created_by) references users(workspace_id, id)
    );
    create index plans_period on plans (workspace_id, period_from desc);

    create table motivation_schemes (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      scheme jsonb not null,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      foreign key (workspace_id, updated_by) references users(workspace_id, id)
    );

    create table finance_entries (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null check (kind in ('income', 'expense')),
      status text not null check (status in ('planned', 'actual')),
      amount numeric(18, 2) not null check (amount > 0),
      occurred_on date not null,
      category text not null,
      line_of_business text,
      counterparty text,
      deal_id uuid,
      comment text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, deal_id) references deals(workspace_id, id) on delete set null (deal_id),
      foreign key (workspace_id, created_by) references users(workspace_id, id)
    );
    create index finance_entries_month on finance_entries (workspace_id, occurred_on) include (kind, status, amount);
    create index finance_entries_deal on finance_entries (workspace_id, deal_id) where deal_id is not null;

    create index activities_reports on activities (workspace_id, occurred_at) include (author_id, kind)
      where kind in ('call', 'meeting', 'email');
    create index deals_won on deals (workspace_id, closed_at) include (responsible_id, amount, pipeline_id, company_id, contact_id)
      where deleted_at is null and closed_at is not null;
    create index deals_company_closed on deals (workspace_id, company_id, closed_at) include (stage_id, pipeline_id)
      where deleted_at is null and closed_at is not null;
    create index deals_created on deals (workspace_id, created_at) include (responsible_id, pipeline_id)
      where deleted_at is null;
    create index deals_in_stage on deals (workspace_id, stage_id, stage_entered_at)
      where deleted_at is null and closed_at is null;
    create index leads_reports on leads (workspace_id, created_at) include (responsible_id, source, status, deal_id)
      where deleted_at is null;
    create index tasks_done on tasks (workspace_id, done_at) include (assignee_id) where deleted_at is null and done_at is not null;
    create index contacts_created on contacts (workspace_id, created_at) include (responsible_id) where deleted_at is null;
  `.execute(db);
}
