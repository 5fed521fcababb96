update deals set has_next_step = not has_next_step
where (workspace_id, id) = (select workspace_id, id from bench_flip where n = (select nextval('bench_flip_seq')));
