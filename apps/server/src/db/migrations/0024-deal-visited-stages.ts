import { type Kysely, sql } from 'kysely';

// Every stage a deal has been in, on the deal itself: the funnel's "reached" counts read it from the
// cohort's own index instead of probing the stage visits of each cohort deal (130,000 probes for an
// owner's quarter at 1,000,000 deals, 1.3–1.7 s; funnel.queries.ts).
//
// Kept by two triggers. Moving a deal adds its new stage in the same row write (before insert or
// update of stage_id), so a move costs no second write. Visits written directly (the demo data, test
// fixtures, an import of history) add their stages after the insert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deals add column visited_stages uuid[] not null default '{}';

    -- The backfill is not a change anyone made: no board totals, report summaries or process events.
    alter table deals disable trigger user;
    update deals d set visited_stages = v.stages
    from (
      select h.workspace_id, h.deal_id, array_agg(distinct h.stage_id) as stages
      from deal_stage_history h group by 1, 2
    ) v
    where d.workspace_id = v.workspace_id and d.id = v.deal_id;
    update deals set visited_stages = visited_stages || stage_id where not (stage_id = any(visited_stages));
    alter table deals enable trigger user;

    create function deals_visit_stage() returns trigger language plpgsql as $$
    begin
      if not (new.stage_id = any(new.visited_stages)) then
        new.visited_stages := new.visited_stages || new.stage_id;
      end if;
      return new;
    end $$;
    create trigger deals_visit_stage before insert or update of stage_id on deals
      for each row execute function deals_visit_stage();

    create function stage_visits_recorded() returns trigger language plpgsql as $$
    begin
      update deals d set visited_stages = array(select distinct s from unnest(d.visited_stages || v.stages) s)
      from (
        select n.workspace_id, n.deal_id, array_agg(distinct n.stage_id) as stages from new_rows n group by 1, 2
      ) v
      where d.workspace_id = v.workspace_id and d.id = v.deal_id and not (v.stages <@ d.visited_stages);
      return null;
    end $$;
    create trigger stage_visits_recorded after insert on deal_stage_history
      referencing new table as new_rows for each statement execute function stage_visits_recorded();

    -- The funnel's cohort reads its deals' paths from this index alone.
    drop index deals_created_report;
    create index deals_created_report on deals (workspace_id, created_at)
      include (id, pipeline_id, stage_id, responsible_id, amount, visited_stages)
      where deleted_at is null;
  `.execute(db);
  // A deal's internal path is not a field anyone changed: "field changed" processes do not see it.
  await sql`
    create or replace function process_trigger_record() returns trigger language plpgsql as $$
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
        where n.value is distinct from o.value and n.key not in ('updated_at', 'search', 'visited_stages');
        if changed is not null then
          insert into process_trigger_events (workspace_id, event, entity, record_id, data)
          values (new.workspace_id, 'record.fieldChanged', entity, new.id, jsonb_build_object('entity', entity, 'fields', to_jsonb(changed)));
        end if;
      end if;
      return null;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger stage_visits_recorded on deal_stage_history;
    drop function stage_visits_recorded();
    drop trigger deals_visit_stage on deals;
    drop function deals_visit_stage();
    drop index deals_created_report;
    create index deals_created_report on deals (workspace_id, created_at)
      include (id, pipeline_id, stage_id, responsible_id, amount)
      where deleted_at is null;
    alter table deals drop column visited_stages;
  `.execute(db);
}
