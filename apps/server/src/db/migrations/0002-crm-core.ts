import { type Kysely, sql } from 'kysely';

// The CRM core: companies, contacts, pipelines with stage regulations, deals with product lines and
// stage history, products and price lists, activities and tasks, custom fields, saved views.
// As in 0001, links between rows are composite keys on (workspace_id, id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table companies (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      inn text,
      kpp text,
      address text,
      requisites jsonb not null default '{}',
      phones text[] not null default '{}',
      emails text[] not null default '{}',
      responsible_id uuid,
      custom jsonb not null default '{}',
      merged_into_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, responsible_id) references users(workspace_id, id)
    );
    create index companies_inn on companies (workspace_id, inn) where deleted_at is null;
    create index companies_phones on companies using gin (phones);
    create index companies_emails on companies using gin (emails);

    create table contacts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      position text,
      company_id uuid,
      phones text[] not null default '{}',
      emails text[] not null default '{}',
      responsible_id uuid,
      custom jsonb not null default '{}',
      merged_into_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, company_id) references companies(workspace_id, id),
      foreign key (workspace_id, responsible_id) references users(workspace_id, id)
    );
    create index contacts_company on contacts (workspace_id, company_id);
    create index contacts_phones on contacts using gin (phones);
    create index contacts_emails on contacts using gin (emails);

    create table pipelines (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      kind text not null default 'sales',
      position int not null default 0,
      created_at timestamptz not null default now(),
      unique (workspace_id, id)
    );

    create table stages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pipeline_id uuid not null,
      name text not null,
      position int not null,
      kind text not null default 'open',
      probability int not null default 0,
      regulation jsonb not null default '{}',
      exit_requirements jsonb not null default '[]',
      handoff_function text,
      unique (workspace_id, id),
      foreign key (workspace_id, pipeline_id) references pipelines(workspace_id, id) on delete cascade
    );
    create index stages_pipeline on stages (workspace_id, pipeline_id, position);

    create table products (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      sku text,
      unit text not null default 'шт',
      vat_rate int not null default 22,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (workspace_id, id)
    );

    create table price_lists (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      position int not null default 0,
      unique (workspace_id, id)
    );

    create table product_prices (
      workspace_id uuid not null,
      price_list_id uuid not null,
      product_id uuid not null,
      price numeric(18, 2) not null,
      primary key (workspace_id, price_list_id, product_id),
      foreign key (workspace_id, price_list_id) references price_lists(workspace_id, id) on delete cascade,
      foreign key (workspace_id, product_id) references products(workspace_id, id) on delete cascade
    );

    create table deals (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      title text not null,
      pipeline_id uuid not null,
      stage_id uuid not null,
      amount numeric(18, 2) not null default 0,
      currency text not null default 'RUB',
      probability int,
      expected_close_date date,
      responsible_id uuid,
      contact_id uuid,
      company_id uuid,
      lead_id uuid,
      source text,
      lost_reason text,
      closed_at timestamptz,
      stage_entered_at timestamptz not null default now(),
      custom jsonb not null default '{}',
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, pipeline_id) references pipelines(workspace_id, id),
      foreign key (workspace_id, stage_id) references stages(workspace_id, id),
      foreign key (workspace_id, responsible_id) references users(workspace_id, id),
      foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
      foreign key (workspace_id, company_id) references companies(workspace_id, id),
      foreign key (workspace_id, lead_id) references leads(workspace_id, id)
    );
    create index deals_board on deals (workspace_id, pipeline_id, stage_id, updated_at desc) where deleted_at is null;
    create index deals_responsible on deals (workspace_id, responsible_id) where deleted_at is null;
    create index deals_company on deals (workspace_id, company_id);
    create index deals_contact on deals (workspace_id, contact_id);

    create table deal_products (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      deal_id uuid not null,
      product_id uuid,
      name text not null,
      price numeric(18, 2) not null,
      quantity numeric(14, 3) not null,
      discount_percent numeric(5, 2) not null default 0,
      vat_rate int not null default 22,
      vat_included boolean not null default true,
      position int not null default 0,
      foreign key (workspace_id, deal_id) references deals(workspace_id, id) on delete cascade,
      foreign key (workspace_id, product_id) references products(workspace_id, id)
    );
    create index deal_products_deal on deal_products (workspace_id, deal_id);

    create table deal_stage_history (
      id bigint generated always as identity primary key,
      workspace_id uuid not null,
      deal_id uuid not null,
      pipeline_id uuid not null,
      stage_id uuid not null,
      entered_at timestamptz not null default now(),
      exited_at timestamptz,
      actor_id uuid,
      override_comment text,
      foreign key (workspace_id, deal_id) references deals(workspace_id, id) on delete cascade
    );
    create index deal_stage_history_deal on deal_stage_history (workspace_id, deal_id, entered_at);
    create index deal_stage_history_stage on deal_stage_history (workspace_id, stage_id, entered_at);

    create table activities (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null,
      subject text,
      body text,
      direction text,
      duration_seconds int,
      result text,
      recording_url text,
      occurred_at timestamptz not null default now(),
      entity text not null,
      record_id uuid not null,
      author_id uuid,
      mentions uuid[] not null default '{}',
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      foreign key (workspace_id, author_id) references users(workspace_id, id)
    );
    create index activities_record on activities (workspace_id, entity, record_id, occurred_at desc);
    create index activities_author on activities (workspace_id, author_id, occurred_at);

    create table tasks (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      title text not null,
      description text,
      assignee_id uuid not null,
      due_at timestamptz,
      remind_at timestamptz,
      reminded_at timestamptz,
      priority text not null default 'normal',
      recurrence jsonb,
      status text not null default 'open',
      done_at timestamptz,
      entity text,
      record_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (workspace_id, id),
      foreign key (workspace_id, assignee_id) references users(workspace_id, id)
    );
    create index tasks_assignee on tasks (workspace_id, assignee_id, status, due_at) where deleted_at is null;
    create index tasks_record on tasks (workspace_id, entity, record_id) where deleted_at is null and status = 'open';
    create index tasks_reminders on tasks (remind_at) where reminded_at is null and status = 'open' and deleted_at is null;

    create table custom_fields (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null,
      key text not null,
      label text not null,
      type text not null,
      options jsonb not null default '[]',
      position int not null default 0,
      unique (workspace_id, entity, key)
    );

    create table saved_views (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null,
      name text not null,
      owner_id uuid,
      query jsonb not null,
      created_at timestamptz not null default now(),
      foreign key (workspace_id, owner_id) references users(workspace_id, id) on delete cascade
    );

    create table refusal_reasons (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      roles text[] not null default '{}',
      position int not null default 0
    );

    alter table leads
      add column channel text,
      add column utm jsonb not null default '{}',
      add column refusal_reason text,
      add column custom jsonb not null default '{}',
      add column converted_at timestamptz,
      add column contact_id uuid,
      add column company_id uuid,
      add column deal_id uuid,
      add foreign key (workspace_id, contact_id) references contacts(workspace_id, id),
      add foreign key (workspace_id, company_id) references companies(workspace_id, id),
      add foreign key (workspace_id, deal_id) references deals(workspace_id, id);

    -- One search box over names with Russian morphology ("сделки" finds "сделка") and prefixes.
    alter table leads add column search tsvector
      generated always as (to_tsvector('russian', title || ' ' || coalesce(contact_name, ''))) stored;
    alter table contacts add column search tsvector generated always as (to_tsvector('russian', name)) stored;
    alter table companies add column search tsvector generated always as (to_tsvector('russian', name)) stored;
    alter table deals add column search tsvector generated always as (to_tsvector('russian', title)) stored;
    create index leads_search on leads using gin (search);
    create index contacts_search on contacts using gin (search);
    create index companies_search on companies using gin (search);
    create index deals_search on deals using gin (search);
    create index leads_phone on leads (workspace_id, phone);
    create index leads_email on leads (workspace_id, email);
  `.execute(db);
}
