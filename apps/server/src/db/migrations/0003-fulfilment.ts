import { type Kysely, sql } from 'kysely';

// A won sales deal opens a fulfilment deal that points back at it; reviews are activities with a verdict.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deals add column source_deal_id uuid;
    alter table deals add foreign key (workspace_id, source_deal_id) references deals(workspace_id, id);
    create unique index deals_one_fulfilment on deals (workspace_id, source_deal_id) where source_deal_id is not null;
    create index activities_negative_reviews on activities (workspace_id, entity, record_id) where kind = 'review' and result = 'negative';
  `.execute(db);
}
