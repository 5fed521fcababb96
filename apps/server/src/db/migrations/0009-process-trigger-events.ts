import { type Kysely, sql } from 'kysely';

// What starts processes by itself. Database triggers on leads and deals write an event row in the
// same transaction as the change, but only when the workspace has an enabled process trigger for
// that event, so CRM writes pay nothing otherwise and no write path (API, batch, import, conversion,
// another process) can skip it. A worker drains the rows with SKIP LOCKED and starts the matching
// processes in the same transaction that deletes the row: each event starts its processes once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table process_trigger_events (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      event text not null,
      entity text not null,
      record_id uuid not null,
      data jsonb not null default '{}',
      attempts int not null default 0,
      last_error text,
      available_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    );
    create index process_trigger_events_due on process_trigger_events (available_at) where attempts < 5;

    create function process_trigger_wanted(ws uuid, name text) returns boolean language sql stable as $$
      select exists (select 1 from process_triggers where workspace_id = ws and event = name and enabled)
    $$;

    create function process_trigger_record() returns trigger language plpgsql as $$
    declare
      entity text := case tg_table_name when 'deals' then 'deal' when 'leads' then 'lead'
        when 'contacts' then 'contact' else 'company' end;
      changed text[];
    begin
      if tg_op = 'INSERT' then
        if process_trigger_wanted(new.workspace_id, entity || '.created') then
          insert into process_trigger_events (workspace_id, event, entity, record_id, data)
          values (new.workspace_id, entity || '.created', entity, new.id, '{}');
        end if;
        return null;
      end if;
      -- Nested: PostgreSQL may evaluate every operand of AND, and leads have no stage_id.
      if tg_table_name = 'deals' then
        if new.stage_id is distinct from old.stage_id and process_trigger_wanted(new.workspace_id, 'deal.stageEntered') then
          insert into process_trigger_events (workspace_id, event, entity, record_id, data)
          values (new.workspace_id, 'deal.stageEntered', entity, new.id,
            jsonb_build_object('stageId', new.stage_id, 'pipelineId', new.pipeline_id, 'fromStageId', old.stage_id));
        end if;
      end if;
      if process_trigger_wanted(new.workspace_id, 'record.fieldChanged') then
        select array_agg(n.key) into changed
        from jsonb_each(to_jsonb(new)) n join jsonb_each(to_jsonb(old)) o using (key)
        where n.value is distinct from o.value and n.key not in ('updated_at', 'search');
        if changed is not null then
          insert into process_trigger_events (workspace_id, event, entity, record_id, data)
          values (new.workspace_id, 'record.fieldChanged', entity, new.id, jsonb_build_object('entity', entity, 'fields', to_jsonb(changed)));
        end if;
      end if;
      return null;
    end $$;

    create trigger leads_process_triggers after insert or update on leads
      for each row execute function process_trigger_record();
    create trigger deals_process_triggers after insert or update on deals
      for each row execute function process_trigger_record();
    create trigger contacts_process_triggers after update on contacts
      for each row execute function process_trigger_record();
    create trigger companies_process_triggers after update on companies
      for each row execute function process_trigger_record();
  `.execute(db);
}
