import { type Kysely, sql } from 'kysely';

// Measured on the 1,000,000-deal benchmark workspace:
// - name search and the default lists walk the recency indexes; for department visibility most rows
//   belong to other departments, and each had to be fetched from the table only to be skipped. With
//   the responsible person in the index they are skipped in the index;
// - the calendar for everyone (tasks by due date, meetings by time) scanned whole tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index deals_recent;
    create index deals_recent on deals (workspace_id, updated_at desc, id desc) include (responsible_id) where deleted_at is null;
    drop index leads_recent;
    create index leads_recent on leads (workspace_id, updated_at desc, id desc) include (responsible_id) where deleted_at is null;
    drop index contacts_recent;
    create index contacts_recent on contacts (workspace_id, updated_at desc, id desc) include (responsible_id) where deleted_at is null;
    drop index companies_recent;
    create index companies_recent on companies (workspace_id, updated_at desc, id desc) include (responsible_id) where deleted_at is null;
    create index tasks_due on tasks (workspace_id, due_at) where deleted_at is null;
    create index activities_meetings on activities (workspace_id, occurred_at) where kind = 'meeting';
  `.execute(db);
}
