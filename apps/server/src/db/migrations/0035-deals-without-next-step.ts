import { type Kysely, sql } from 'kysely';
import * as dealFlag from './0034-deal-next-step';

// Migration 0034 kept "has a next step" on the deal row. The flag sat in two indexes, so flipping it
// could not update the row in place: a task that gave a deal its first next step (or closed its last)
// wrote a new deal row into all 27 of its indexes, 2.5–3 ms against 0.8–1 ms without (bench/next-step).
// The open deals without a next step now have a narrow table of their own, with the person and the
// stage entry the start page counts and lists them by, and the deal row is left alone.
//
// Who decides: a trigger on tasks, when a deal gains its first open task or loses its last, and a
// trigger on deals, when a deal is created, closed or reopened, deleted or restored, reassigned or
// moved. Both lock the deal row first (a deal update holds that lock already), so two transactions
// deciding for one deal take turns, and the second's statements see what the first committed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deals_without_next_step (
      workspace_id uuid not null,
      deal_id uuid not null,
      responsible_id uuid,
      stage_entered_at timestamptz not null,
      primary key (workspace_id, deal_id)
    );
    insert into deals_without_next_step (workspace_id, deal_id, responsible_id, stage_entered_at)
    select workspace_id, id, responsible_id, stage_entered_at from deals
    where deleted_at is null and closed_at is null and not has_next_step;
    -- A person's count and their oldest first; everyone's oldest first.
    create index deals_without_next_step_person
      on deals_without_next_step (workspace_id, responsible_id, stage_entered_at) include (deal_id);
    create index deals_without_next_step_entry
      on deals_without_next_step (workspace_id, stage_entered_at, deal_id) include (responsible_id);

    drop trigger tasks_deal_next_step on tasks;
    drop function deal_next_step_track();
    drop index deals_no_next_step;
    drop index deals_open_by_entry;
    alter table deals drop column has_next_step;
    -- The stuck deals' drill still walks open deals in the order of their stage entry.
    create index deals_open_by_entry on deals (workspace_id, stage_entered_at, id)
      include (responsible_id) where deleted_at is null and closed_at is null;

    -- Puts one deal in the table or takes it out, from its row and its open tasks. The caller holds
    -- the deal row's lock.
    create function deal_next_step_decide(ws uuid, deal uuid) returns void language plpgsql as $$
    declare
      d record;
    begin
      select responsible_id, stage_entered_at, closed_at is null and deleted_at is null as open
        into d from deals where workspace_id = ws and id = deal;
      if found and d.open and not exists (
        select 1 from tasks t
        where t.workspace_id = ws and t.entity = 'deal' and t.record_id = deal
          and t.status = 'open' and t.deleted_at is null)
      then
        insert into deals_without_next_step (workspace_id, deal_id, responsible_id, stage_entered_at)
        values (ws, deal, d.responsible_id, d.stage_entered_at)
        on conflict (workspace_id, deal_id) do update
          set responsible_id = excluded.responsible_id, stage_entered_at = excluded.stage_entered_at;
      else
        delete from deals_without_next_step where workspace_id = ws and deal_id = deal;
      end if;
    end $$;

    create function deal_next_step_track() returns trigger language plpgsql as $$
    declare
      gained uuid; -- the deal this row now gives an open task
      lost uuid;   -- the deal this row no longer gives one
    begin
      -- Nested: PostgreSQL may evaluate every operand of AND, and OLD is null on insert.
      if tg_op <> 'DELETE' then
        if new.entity = 'deal' and new.status = 'open' and new.deleted_at is null then
          gained := new.record_id;
        end if;
      end if;
      if tg_op <> 'INSERT' then
        if old.entity = 'deal' and old.status = 'open' and old.deleted_at is null then
          lost := old.record_id;
        end if;
      end if;
      if gained is not distinct from lost then
        return null;
      end if;
      if gained is not null then
        perform 1 from deals where workspace_id = new.workspace_id and id = gained for no key update;
        delete from deals_without_next_step where workspace_id = new.workspace_id and deal_id = gained;
      end if;
      if lost is not null then
        perform 1 from deals where workspace_id = old.workspace_id and id = lost for no key update;
        perform deal_next_step_decide(old.workspace_id, lost);
      end if;
      return null;
    end $$;

    create trigger tasks_deal_next_step
      after insert or delete or update of entity, record_id, status, deleted_at on tasks
      for each row execute function deal_next_step_track();

    create function deal_next_step_follow() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from deals_without_next_step where workspace_id = old.workspace_id and deal_id = old.id;
      elsif tg_op = 'INSERT' then
        if new.closed_at is null and new.deleted_at is null then
          perform deal_next_step_decide(new.workspace_id, new.id);
        end if;
      elsif (new.closed_at is null and new.deleted_at is null)
          is distinct from (old.closed_at is null and old.deleted_at is null) then
        perform deal_next_step_decide(new.workspace_id, new.id);
      elsif new.responsible_id is distinct from old.responsible_id
          or new.stage_entered_at is distinct from old.stage_entered_at then
        -- Still open (or still closed): its tasks did not change, only what the row is listed by.
        update deals_without_next_step
          set responsible_id = new.responsible_id, stage_entered_at = new.stage_entered_at
          where workspace_id = new.workspace_id and deal_id = new.id;
      end if;
      return null;
    end $$;

    create trigger deals_next_step
      after insert or delete or update of closed_at, deleted_at, responsible_id, stage_entered_at on deals
      for each row execute function deal_next_step_follow();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger deals_next_step on deals;
    drop function deal_next_step_follow();
    drop trigger tasks_deal_next_step on tasks;
    drop function deal_next_step_track();
    drop function deal_next_step_decide(uuid, uuid);
    drop table deals_without_next_step;
    drop index deals_open_by_entry;
  `.execute(db);
  await dealFlag.up(db);
}
