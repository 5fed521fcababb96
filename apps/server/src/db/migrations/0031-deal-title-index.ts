import { type Kysely, sql } from 'kysely';

// The deal list of a pipeline (the web's table) can be sorted by title, and no index had that order:
// at 1,000,000 deals each page sorted the pipeline's 200,000 live deals, 370–550 ms for the owner and
// the head. Sorting by amount, by creation and by last change within a pipeline already had one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deals_pipeline_title on deals (workspace_id, pipeline_id, title, id)
      where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index deals_pipeline_title`.execute(db);
}
