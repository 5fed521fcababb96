import { type Kysely, sql } from 'kysely';

// Forms on the company's website that turn a visitor's request into a lead at once (seed: "90% of online
// requests are never processed"). The public key is what the page's address and the embed code carry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table web_forms (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id),
      public_key text not null unique,
      name text not null,
      fields jsonb not null,
      source text,
      responsible_id uuid,
      success_message text,
      language text not null default 'ru' check (language in ('ru', 'en')),
      enabled boolean not null default true,
      submissions int not null default 0,
      last_submitted_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, responsible_id) references users(workspace_id, id),
      foreign key (workspace_id, created_by) references users(workspace_id, id)
    );
    create index web_forms_workspace on web_forms (workspace_id, created_at) where deleted_at is null;
    alter table leads add column form_id uuid;
    alter table leads add foreign key (workspace_id, form_id) references web_forms (workspace_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leads drop column form_id; drop table web_forms;`.execute(db);
}
