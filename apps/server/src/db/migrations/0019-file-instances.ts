import { type Kysely, sql } from 'kysely';

// A file belongs to the process instance whose task it was attached to: who may see that instance may
// download it. Until it is attached, only the person who uploaded it may.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table files add column instance_id uuid;
    alter table files add foreign key (workspace_id, instance_id) references process_instances (workspace_id, id);
    create index files_instance on files (instance_id) where instance_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table files drop column instance_id`.execute(db);
}
