\set i random(1, 200000)
insert into tasks (workspace_id, title, assignee_id, entity, record_id, due_at)
select workspace_id, 'bench-next-step', responsible_id, 'deal', id, now() + interval '1 day'
from bench_keep where n = :i;
