import { type Kysely, sql } from 'kysely';

// A call reported by a PBX keeps the PBX's call id: PBXs retry their webhooks, and the same call must
// not become two activities, two leads and two call-back tasks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table activities add column external_id text;
    create unique index activities_external_id on activities (workspace_id, external_id) where external_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities drop column external_id`.execute(db);
}
