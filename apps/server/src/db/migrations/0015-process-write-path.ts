import { type Kysely, sql } from 'kysely';

// Every step of a process writes its log lines and most complete or create a task, so these two
// constraints were paid on every step for nothing (bench/processes, PostgreSQL):
// - process_steps' foreign key to its instance ran one lookup of the instance per log line. The lines are
//   written only by the statement that updates that same locked instance (instances.queries.ts stepWrite),
//   and instances are never deleted, so the check could not fail;
// - process_tasks' unique (workspace_id, id) is referenced by no foreign key and looked up by no query
//   (the primary key serves them), yet took an index entry per task written and per task completed;
// - process_steps had two indexes, its id and (instance_id, id) for the monitor; the pair, unique as the
//   id is, is now the primary key, so a log line costs one index entry instead of two.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table process_steps drop constraint process_steps_workspace_id_instance_id_fkey;
    alter table process_tasks drop constraint process_tasks_workspace_id_id_key;
    alter table process_steps drop constraint process_steps_pkey;
    drop index process_steps_instance;
    alter table process_steps add primary key (instance_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table process_steps drop constraint process_steps_pkey;
    alter table process_steps add primary key (id);
    create index process_steps_instance on process_steps (instance_id, id);
    alter table process_tasks add constraint process_tasks_workspace_id_id_key unique (workspace_id, id);
    alter table process_steps add constraint process_steps_workspace_id_instance_id_fkey
      foreign key (workspace_id, instance_id) references process_instances (workspace_id, id) on delete cascade;
  `.execute(db);
}
