import { type Kysely, sql } from 'kysely';

// Files people attach (to a process task's form, first): kept in the database like everything else, so a
// backup holds them and any server process can serve them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table files (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id),
      name text not null,
      content_type text not null,
      size int not null,
      data bytea not null,
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, uploaded_by) references users(workspace_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table files`.execute(db);
}
