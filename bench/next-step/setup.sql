-- Open deals without an open task (each insert of flip.sql gives one of them its first next step, and
-- move.sql rewrites their stage entry) and open deals that have one (keep.sql), each numbered in a
-- fixed random order; and where create.sql's new deals start.
drop table if exists bench_flip, bench_keep, bench_new;
drop sequence if exists bench_flip_seq;
create sequence bench_flip_seq;
create table bench_flip as
  select row_number() over (order by md5(d.id::text)) as n, d.id, d.workspace_id, d.responsible_id,
    d.stage_entered_at
  from deals d join deals_without_next_step b on b.workspace_id = d.workspace_id and b.deal_id = d.id;
create unique index on bench_flip (n);
create table bench_keep as
  select row_number() over (order by md5(id::text)) as n, id, workspace_id, responsible_id
  from deals d where deleted_at is null and closed_at is null and not exists (
    select 1 from deals_without_next_step b where b.workspace_id = d.workspace_id and b.deal_id = d.id);
create unique index on bench_keep (n);
create table bench_new as
  select workspace_id, pipeline_id, stage_id, responsible_id from deals
  where deleted_at is null and closed_at is null order by md5(id::text) limit 1000;
alter table bench_new add column n serial;
create unique index on bench_new (n);
-- Deleting create.sql's deals checks each against leads.deal_id, which no index leads with (the
-- product never erases deals): without one, each check reads all 200,000 leads.
create index if not exists bench_leads_deal on leads (workspace_id, deal_id);
analyze bench_flip;
analyze bench_keep;
analyze bench_new;
