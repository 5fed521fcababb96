import { type Kysely, sql } from 'kysely';

// The kanban's count and sum per column, kept per (stage, responsible) by a trigger on deals, so the
// board reads a few hundred rows instead of scanning every deal; visibility still applies, through
// responsible_id. Unassigned deals count under the nil uuid. Indexes serve the board's per-column
// pages and the default list order for every visibility.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deal_stage_totals (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      stage_id uuid not null,
      responsible_id uuid not null,
      deals bigint not null default 0,
      amount numeric(20, 2) not null default 0,
      primary key (workspace_id, stage_id, responsible_id)
    );

    create function deal_stage_totals_track() returns trigger language plpgsql as $$
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

    create trigger deals_stage_totals
      after insert or delete or update of stage_id, responsible_id, amount, deleted_at on deals
      for each row execute function deal_stage_totals_track();

    insert into deal_stage_totals (workspace_id, stage_id, responsible_id, deals, amount)
      select workspace_id, stage_id, coalesce(responsible_id, '00000000-0000-0000-0000-000000000000'), count(*), sum(amount)
      from deals where deleted_at is null group by 1, 2, 3;

    create index deals_responsible_board on deals (workspace_id, responsible_id, stage_id, updated_at desc, id desc) where deleted_at is null;
    create index deals_pipeline_recent on deals (workspace_id, pipeline_id, updated_at desc, id desc) where deleted_at is null;
    create index deals_recent on deals (workspace_id, updated_at desc, id desc) where deleted_at is null;
  `.execute(db);
}
