import { type Kysely, sql } from 'kysely';

// A client's region (a company's, or a lead's before it becomes one), for the reports' region filter.
// The reports page offers the regions and sources in use; these indexes let it read the distinct values
// by skipping from one to the next instead of scanning every deal and lead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table companies add column region text;
    alter table leads add column region text;
    create index companies_region on companies (workspace_id, region) where region is not null;
    create index leads_region on leads (workspace_id, region) where region is not null;
    create index leads_source on leads (workspace_id, source) where source is not null;
    create index deals_source on deals (workspace_id, source) where source is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index deals_source;
    drop index leads_source;
    alter table leads drop column region;
    alter table companies drop column region;
  `.execute(db);
}
