-- Open deals without an open task (each insert of flip.sql gives one of them its first next step)
-- and open deals that have one (keep.sql), each numbered in a fixed random order.
drop table if exists bench_flip, bench_keep;
drop sequence if exists bench_flip_seq;
create sequence bench_flip_seq;
create table bench_flip as
  select row_number() over (order by md5(id::text)) as n, id, workspace_id, responsible_id
  from deals where deleted_at is null and closed_at is null and not has_next_step;
create unique index on bench_flip (n);
create table bench_keep as
  select row_number() over (order by md5(id::text)) as n, id, workspace_id, responsible_id
  from deals where deleted_at is null and closed_at is null and has_next_step;
create unique index on bench_keep (n);
analyze bench_flip;
analyze bench_keep;
