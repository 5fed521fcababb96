import { type Kysely, sql } from 'kysely';

// The API's deal list sorted by amount or by title across every pipeline (no pipelineId) had no index
// in that order: at 1,000,000 deals each page sorted all the visible live deals, 340–520 ms for the
// owner and a head of sales and 77 ms for a manager. With these, 4–7 ms for each of them.
// Measured cost: a deal create's raw SQL managed about a tenth fewer per second at 100,000 deals
// (302–410 against 346–441, alternating runs); bench/RESULTS.md has the runs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deals_amount on deals (workspace_id, amount desc, id desc) where deleted_at is null;
    create index deals_title on deals (workspace_id, title, id) where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index deals_amount; drop index deals_title`.execute(db);
}
