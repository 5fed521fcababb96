import { type Kysely, sql } from 'kysely';

// Tenant safety lives in the schema too: every reference between workspace rows is a composite
// foreign key on (workspace_id, id), so a row can never point at another workspace's row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null unique,
      password_hash text not null,
      name text not null,
      role text not null,
      function text,
      department_id uuid,
      locale text not null default 'ru',
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, id)
    );

    create table departments (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      parent_id uuid,
      head_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, parent_id) references departments(workspace_id, id),
      foreign key (workspace_id, head_id) references users(workspace_id, id)
    );
    create index departments_parent on departments (workspace_id, parent_id);

    alter table users add foreign key (workspace_id, department_id) references departments(workspace_id, id);
    create index users_department on users (workspace_id, department_id);

    create table role_settings (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      role text not null,
      visibility text not null,
      primary key (workspace_id, role)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      user_agent text,
      ip text
    );
    create index sessions_user on sessions (user_id);

    create table login_attempts (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      success boolean not null,
      at timestamptz not null default now()
    );
    create index login_attempts_email on login_attempts (email, at);
    create index login_attempts_ip on login_attempts (ip, at);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null,
      role text not null,
      function text,
      department_id uuid,
      token_hash text not null unique,
      invited_by uuid not null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      created_at timestamptz not null default now(),
      foreign key (workspace_id, department_id) references departments(workspace_id, id) on delete set null (department_id),
      foreign key (workspace_id, invited_by) references users(workspace_id, id)
    );

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid not null,
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz,
      foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade
    );

    create table record_history (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null,
      record_id uuid not null,
      action text not null,
      field text,
      old_value jsonb,
      new_value jsonb,
      actor_id uuid,
      at timestamptz not null default now()
    );
    create index record_history_record on record_history (workspace_id, entity, record_id, id desc);

    create table leads (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      title text not null,
      contact_name text,
      phone text,
      email text,
      source text,
      status text not null default 'new',
      responsible_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, responsible_id) references users(workspace_id, id),
      foreign key (workspace_id, created_by) references users(workspace_id, id)
    );
    create index leads_responsible on leads (workspace_id, responsible_id) where deleted_at is null;
    create index leads_created on leads (workspace_id, created_at desc) where deleted_at is null;
  `.execute(db);
}
