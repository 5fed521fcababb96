import { type Kysely, sql } from 'kysely';

// The team's absence chart: vacations, sick leave, time off and business trips, one row per absence
// of one person over a range of days (hours for time off counted in hours). HR processes write them
// through the `hr.recordAbsence` action and point back at their instance.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table absences (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid not null,
      kind text not null check (kind in ('vacation', 'sick_leave', 'time_off_unpaid', 'time_off_worked', 'business_trip')),
      starts_on date not null,
      ends_on date not null,
      hours numeric,
      comment text,
      process_instance_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      unique (workspace_id, id),
      check (ends_on >= starts_on),
      foreign key (workspace_id, user_id) references users(workspace_id, id) on delete cascade,
      foreign key (workspace_id, process_instance_id) references process_instances(workspace_id, id),
      foreign key (workspace_id, created_by) references users(workspace_id, id)
    );
    create index absences_range on absences (workspace_id, starts_on, ends_on);
  `.execute(db);
}
