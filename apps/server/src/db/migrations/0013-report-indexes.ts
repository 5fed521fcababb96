import { type Kysely, sql } from 'kysely';

// Covering indexes for the reports (bench/reports at 1,000,000 deals / 5,000,000 activities): each
// report query reads only an index, never the table, whose pages a loaded machine reads slowly.
// - deals_closed replaces deals_won and adds stage_id: "won in the period" no longer fetches every
//   closed deal of the period from the heap to look at its stage (won deals, revenue, plans, pay);
// - deals_company_first replaces deals_company_closed: the company's won deals in (closed_at, id)
//   order, so its first purchase is the first entry (new clients: one index pass instead of a probe
//   per won deal that fetched every earlier deal of the company);
// - deals_created_report replaces deals_created and adds the stage and the amount: funnel cohorts and
//   deal distribution;
// - deals_company_report: every live deal per company with its dates, stage and amount, in company
//   order, for the client base structure (first purchase, last touch, revenue) without a sort;
// - deals_open_stage: open deals by pipeline and time in stage with their stage and responsible
//   (stalled deals);
// - leads_created_report replaces leads_reports and adds the lead's id (first action per lead);
// - tasks_due_report: tasks by due time with status and completion (overdue tasks).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deals_closed on deals (workspace_id, closed_at)
      include (stage_id, responsible_id, amount, pipeline_id, company_id, contact_id)
      where deleted_at is null and closed_at is not null;
    drop index deals_won;
    create index deals_company_first on deals (workspace_id, company_id, closed_at, id)
      include (stage_id, pipeline_id, responsible_id)
      where deleted_at is null and closed_at is not null and company_id is not null;
    drop index deals_company_closed;
    create index deals_created_report on deals (workspace_id, created_at)
      include (id, pipeline_id, stage_id, responsible_id, amount)
      where deleted_at is null;
    drop index deals_created;
    create index deals_company_report on deals (workspace_id, company_id)
      include (created_at, closed_at, stage_id, pipeline_id, amount)
      where deleted_at is null and company_id is not null;
    create index deals_open_stage on deals (workspace_id, pipeline_id, stage_entered_at)
      include (stage_id, responsible_id)
      where deleted_at is null and closed_at is null;
    create index leads_created_report on leads (workspace_id, created_at)
      include (id, responsible_id, source, status, deal_id)
      where deleted_at is null;
    drop index leads_reports;
    create index tasks_due_report on tasks (workspace_id, due_at)
      include (assignee_id, status, done_at)
      where deleted_at is null;
  `.execute(db);
}
