import { type Kysely, sql } from 'kysely';

// The kanban's totals (0004) kept one row per (stage, responsible), so every transaction that added a
// deal for the same manager in the same stage updated the same row and waited for the one before it
// to commit: concurrent creates by one user ran one at a time through their commits' disk flushes.
// Ten pgbench clients inserting deals for one manager made 580–600 a second, for forty managers
// 1,300–1,500. Each row now has up to sixteen slots, one per server connection (its backend's pid),
// so concurrent connections add to different rows; the board sums the slots as it already summed
// the managers. A change that takes a deal away adds its negative to the current slot, so one slot
// may hold a negative count; only the sums mean anything. Before, taking a deal away updated a row
// that might be gone (its workspace being deleted); adding a negative would insert it, so that case
// is checked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deal_stage_totals add column slot smallint not null default 0;
    alter table deal_stage_totals drop constraint deal_stage_totals_pkey;
    alter table deal_stage_totals add primary key (workspace_id, stage_id, responsible_id, slot);

    create or replace function deal_stage_totals_add(
      workspace uuid, stage uuid, responsible uuid, deals bigint, amount numeric
    ) returns void language sql as $$
      insert into deal_stage_totals (workspace_id, stage_id, responsible_id, slot, deals, amount)
        select workspace, stage, coalesce(responsible, '00000000-0000-0000-0000-000000000000'),
          pg_backend_pid() % 16, deals, amount
        -- A workspace being deleted takes its deals and totals with it: nothing to take away from.
        where deals > 0 or exists (select 1 from workspaces where id = workspace)
        on conflict (workspace_id, stage_id, responsible_id, slot)
        do update set deals = deal_stage_totals.deals + excluded.deals,
          amount = deal_stage_totals.amount + excluded.amount;
    $$;

    create or replace function deal_stage_totals_track() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
        perform deal_stage_totals_add(old.workspace_id, old.stage_id, old.responsible_id, -1, -old.amount);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
        perform deal_stage_totals_add(new.workspace_id, new.stage_id, new.responsible_id, 1, new.amount);
      end if;
      return null;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function deal_stage_totals_track() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
        update deal_stage_totals
          set deals = deals - 1, amount = amount - old.amount
          where workspace_id = old.workspace_id and stage_id = old.stage_id
            and responsible_id = coalesce(old.responsible_id, '00000000-0000-0000-0000-000000000000');
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
        insert into deal_stage_totals (workspace_id, stage_id, responsible_id, deals, amount)
          values (new.workspace_id, new.stage_id, coalesce(new.responsible_id, '00000000-0000-0000-0000-000000000000'), 1, new.amount)
          on conflict (workspace_id, stage_id, responsible_id)
          do update set deals = deal_stage_totals.deals + 1, amount = deal_stage_totals.amount + excluded.amount;
      end if;
      return null;
    end $$;
    drop function deal_stage_totals_add;
    delete from deal_stage_totals;
    alter table deal_stage_totals drop constraint deal_stage_totals_pkey;
    alter table deal_stage_totals drop column slot;
    alter table deal_stage_totals add primary key (workspace_id, stage_id, responsible_id);
    insert into deal_stage_totals (workspace_id, stage_id, responsible_id, deals, amount)
      select workspace_id, stage_id, coalesce(responsible_id, '00000000-0000-0000-0000-000000000000'), count(*), sum(amount)
      from deals where deleted_at is null group by 1, 2, 3;
  `.execute(db);
}
