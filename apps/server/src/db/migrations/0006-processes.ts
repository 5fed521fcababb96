import { type Kysely, sql } from 'kysely';

// Business processes (BPMN 2.0). A definition has versions: one editable draft and published ones,
// each published version keeps its XML and the compiled graph the engine runs, so running instances
// stay on the version they started on. An instance's state is its variables plus one row per token;
// a step rewrites them under the instance's row lock together with the step's CRM effects, and bumps
// `revision`. User tasks feed the inbox, steps feed the monitor, incidents are failed steps awaiting
// retry or cancel. `process_effects` remembers idempotency keys of side effects already done.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table process_definitions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      key text not null,
      name text not null,
      description text,
      template text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      unique (workspace_id, key)
    );

    create table process_versions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      definition_id uuid not null,
      version int not null,
      status text not null check (status in ('draft', 'published', 'retired')),
      xml text not null,
      graph jsonb,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      published_by uuid,
      unique (workspace_id, id),
      unique (workspace_id, definition_id, version),
      foreign key (workspace_id, definition_id) references process_definitions(workspace_id, id) on delete cascade
    );
    create unique index process_versions_one_draft on process_versions (workspace_id, definition_id) where status = 'draft';

    create table process_triggers (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      definition_id uuid not null,
      event text not null,
      conditions jsonb not null default '{}',
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, definition_id) references process_definitions(workspace_id, id) on delete cascade
    );
    create index process_triggers_event on process_triggers (workspace_id, event) where enabled;

    create table process_instances (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      definition_id uuid not null,
      version_id uuid not null,
      status text not null,
      variables jsonb not null default '{}',
      entity text,
      record_id uuid,
      initiator_id uuid,
      parent_instance_id uuid,
      parent_token_id uuid,
      revision int not null default 0,
      incidents int not null default 0,
      started_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      ended_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, definition_id) references process_definitions(workspace_id, id),
      foreign key (workspace_id, version_id) references process_versions(workspace_id, id)
    );
    create index process_instances_running on process_instances (workspace_id, status, updated_at);
    create index process_instances_record on process_instances (workspace_id, entity, record_id);
    create index process_instances_definition on process_instances (workspace_id, definition_id, started_at desc);

    create table process_tokens (
      id uuid primary key,
      workspace_id uuid not null,
      instance_id uuid not null,
      element_id text not null,
      scope_id uuid,
      state text not null,
      message_name text,
      correlation_key text,
      data jsonb not null default '{}',
      created_at timestamptz not null default now(),
      foreign key (workspace_id, instance_id) references process_instances(workspace_id, id) on delete cascade
    );
    create index process_tokens_instance on process_tokens (instance_id);
    create index process_tokens_message on process_tokens (workspace_id, message_name, correlation_key) where message_name is not null;

    create table process_tasks (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      instance_id uuid not null,
      token_id uuid not null,
      element_id text not null,
      name text not null,
      assignee_id uuid,
      candidate_role text,
      form jsonb not null default '[]',
      due_at timestamptz,
      status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
      outcome text,
      comment text,
      values jsonb not null default '{}',
      completed_by uuid,
      completed_at timestamptz,
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, instance_id) references process_instances(workspace_id, id) on delete cascade
    );
    create index process_tasks_inbox on process_tasks (workspace_id, assignee_id, due_at) where status = 'open';
    create index process_tasks_role on process_tasks (workspace_id, candidate_role) where status = 'open' and assignee_id is null;
    create index process_tasks_instance on process_tasks (instance_id);
    create unique index process_tasks_token on process_tasks (token_id) where status = 'open';

    create table process_steps (
      id bigint generated always as identity primary key,
      workspace_id uuid not null,
      instance_id uuid not null,
      element_id text not null,
      token_id uuid,
      event text not null,
      actor_id uuid,
      detail jsonb,
      at timestamptz not null default now(),
      foreign key (workspace_id, instance_id) references process_instances(workspace_id, id) on delete cascade
    );
    create index process_steps_instance on process_steps (instance_id, id);

    create table process_incidents (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      instance_id uuid not null,
      token_id uuid not null,
      element_id text not null,
      message text not null,
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid,
      resolution text,
      unique (workspace_id, id),
      foreign key (workspace_id, instance_id) references process_instances(workspace_id, id) on delete cascade
    );
    create index process_incidents_open on process_incidents (workspace_id, created_at) where resolved_at is null;

    create table process_effects (
      workspace_id uuid not null,
      key text not null,
      instance_id uuid,
      result jsonb,
      created_at timestamptz not null default now(),
      primary key (workspace_id, key)
    );
  `.execute(db);
}
