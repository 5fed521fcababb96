import { type Kysely, sql } from 'kysely';

// The start page's attention counts (modules/dashboard) at 1,000,000 deals with 700,000 of them open:
// 1.35 s for the owner, 1.09 s for a head. Both deal counts read every open deal from the table (a
// sequential scan of the whole deals table each), and the stuck count looked for recent activity on
// deals through the author index, every author's range of it. These give each its own range.
//
// The task list's overdue, today and upcoming scopes walked tasks_due from the oldest due date and
// skipped every done task on the way: 248,000 of them before the first open one, 150–190 ms a page
// for anyone. Open tasks get their own index in the list's order (0.2 ms for the owner, 4 ms for a
// manager, whose visibility is checked from the included columns).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deals_open_people on deals (workspace_id, responsible_id, stage_entered_at)
      include (id) where deleted_at is null and closed_at is null;
    create index activities_deal_movement on activities (workspace_id, occurred_at)
      include (record_id)
      where entity = 'deal' and kind in ('call', 'meeting', 'email', 'note', 'comment');
    create index tasks_open_due on tasks (workspace_id, due_at, id)
      include (assignee_id, created_by) where deleted_at is null and status = 'open';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index tasks_open_due;
    drop index activities_deal_movement;
    drop index deals_open_people;
  `.execute(db);
}
