import { type Kysely, sql } from 'kysely';

// Indexes measured on the 1,000,000-deal benchmark workspace (bench/RESULTS.md):
// - a deals list filtered by pipeline (and responsible) and sorted by amount reads its page straight
//   from an index instead of sorting every matching deal (about 70 ms → under 1 ms);
// - name search reads the most recently touched visible records in date order (search.service.ts),
//   per workspace and per responsible person, for every searchable kind of record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index deals_pipeline_amount on deals (workspace_id, pipeline_id, amount desc, id desc) where deleted_at is null;
    create index deals_responsible_amount on deals (workspace_id, responsible_id, pipeline_id, amount desc, id desc) where deleted_at is null;
    create index deals_responsible_recent on deals (workspace_id, responsible_id, updated_at desc, id desc) where deleted_at is null;
    create index leads_recent on leads (workspace_id, updated_at desc, id desc) where deleted_at is null;
    create index leads_responsible_recent on leads (workspace_id, responsible_id, updated_at desc, id desc) where deleted_at is null;
    create index contacts_recent on contacts (workspace_id, updated_at desc, id desc) where deleted_at is null;
    create index contacts_responsible_recent on contacts (workspace_id, responsible_id, updated_at desc, id desc) where deleted_at is null;
    create index companies_recent on companies (workspace_id, updated_at desc, id desc) where deleted_at is null;
    create index companies_responsible_recent on companies (workspace_id, responsible_id, updated_at desc, id desc) where deleted_at is null;
  `.execute(db);
}
