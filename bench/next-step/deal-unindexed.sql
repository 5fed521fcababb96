update deals set probability = probability
where (workspace_id, id) = (select workspace_id, id from bench_keep where n = (select nextval('bench_flip_seq')) % 400000 + 1);
