\set i random(1, 200000)
update deals set stage_entered_at = now()
where (workspace_id, id) = (select workspace_id, id from bench_flip where n = :i);
