import { type Kysely, sql } from 'kysely';

// E-mails Voronka sends about a record (a process's "send e-mail" step), so the record shows what was
// sent and when the client opened it. The tracking key is what the message's pixel address carries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table email_messages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id),
      message_key text not null,
      tracking_key text not null unique,
      entity text not null,
      record_id uuid not null,
      recipients text not null,
      subject text not null,
      activity_id uuid,
      sent_at timestamptz,
      opened_at timestamptz,
      opens int not null default 0,
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      unique (workspace_id, message_key),
      foreign key (workspace_id, activity_id) references activities(workspace_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table email_messages`.execute(db);
}
