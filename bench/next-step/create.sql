\set i random(1, 1000)
insert into deals (workspace_id, title, pipeline_id, stage_id, responsible_id)
select workspace_id, 'bench-next-step', pipeline_id, stage_id, responsible_id from bench_new where n = :i;
