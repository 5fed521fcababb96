import { type Kysely, sql } from 'kysely';

// Stage visits by the moment they began, carrying what the funnel's days in stage reads: the visits of
// the deals created in a period are one range of it (funnel.queries.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deal_stage_history_entered on deal_stage_history (workspace_id, entered_at)
      include (deal_id, stage_id, exited_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index deal_stage_history_entered`.execute(db);
}
