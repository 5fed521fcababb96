import { type Kysely, sql } from 'kysely';

// A record's timeline lists its tasks, done ones too, newest first; the only index by record covered
// open tasks (0002, for the "no next step" warning), so each timeline read every task of the
// workspace: 130–140 ms at 667,000 tasks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index tasks_record_all on tasks (workspace_id, entity, record_id, created_at desc)
      where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_record_all;`.execute(db);
}
