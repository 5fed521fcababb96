import { type Kysely, sql } from 'kysely';

// Summaries the heavy reports read instead of millions of rows (bench/reports at 1,000,000 deals /
// 5,000,000 activities), kept by statement-level triggers in the transaction of every write, whatever
// module makes it (create, edit, delete, soft delete, restore, merge, reassignment, pipeline edits):
// - report_activity_hours: calls, meetings and emails per workspace, author, UTC hour and kind. An hour
//   lies inside one local day of any zone whose offset is whole hours, so daily and weekly counts for
//   such a zone are sums of hours (the reports fall back to the activities for other zones);
// - report_lead_first_actions: each lead's first call, meeting or email (time to first action);
// - report_company_touches: per company, its first won sale (closed_at of the first deal in a won stage
//   of a sales pipeline) and its last touch (latest creation or closing of its live sales deals, or
//   activity logged on it): the client base structure.
// Inserts raise the numbers (count + n, least, greatest: commutative, so concurrent writers add up);
// what can lower one (a delete, a move to another record, a changed stage, pipeline kind or date)
// recounts that record from the tables after locking its summary row, so a concurrent raise lands
// either before the recount (which then sees it) or after it.

const kinds = `('call', 'meeting', 'email')`;
const reportKinds = sql.raw(kinds);

/** Rows of a transition table whose fields that a summary reads differ from the row's new version. */
function changedOld(fields: readonly string[]) {
  const same = fields.map((field) => `n.${field} is not distinct from o.${field}`).join(' and ');
  return `(select o.* from old_rows o where not exists (select 1 from new_rows n where n.id = o.id and ${same}))`;
}

const activityFields = ['workspace_id', 'kind', 'author_id', 'occurred_at', 'entity', 'record_id'];
const dealFields = [
  'workspace_id',
  'company_id',
  'deleted_at',
  'pipeline_id',
  'stage_id',
  'created_at',
  'closed_at',
];

/** Adds one per new activity and takes one per old activity off its hour; empty hours go. */
function countHours(parts: readonly { rows: string; sign: 1 | -1 }[]): string {
  const delta = parts
    .map(
      ({ rows, sign }) => `
        select workspace_id, date_trunc('hour', occurred_at, 'UTC') as hour, author_id, kind, ${sign} as n
        from ${rows} as a where author_id is not null and kind in ${kinds}`,
    )
    .join(' union all ');
  const removed = parts.some((part) => part.sign === -1)
    ? `
    delete from report_activity_hours r
    using (select distinct workspace_id, date_trunc('hour', occurred_at, 'UTC') as hour, author_id, kind
           from old_rows where author_id is not null and kind in ${kinds}) as o
    where r.workspace_id = o.workspace_id and r.hour = o.hour and r.author_id = o.author_id and r.kind = o.kind
      and r.activities = 0;`
    : '';
  return `
    insert into report_activity_hours as r (workspace_id, hour, author_id, kind, activities)
    select d.workspace_id, d.hour, d.author_id, d.kind, sum(d.n)
    from (${delta}) as d
    where exists (select 1 from workspaces w where w.id = d.workspace_id)
    group by 1, 2, 3, 4 having sum(d.n) <> 0
    order by 1, 2, 3, 4
    on conflict (workspace_id, hour, author_id, kind) do update set activities = r.activities + excluded.activities;
    ${removed}`;
}

/** Calls `report_refresh_<what>` for the distinct (workspace, record) pairs a query yields. */
function refresh(what: 'leads' | 'companies', keys: string): string {
  return `
    select coalesce(array_agg(k.workspace_id order by k.workspace_id, k.record_id), '{}'),
      coalesce(array_agg(k.record_id order by k.workspace_id, k.record_id), '{}')
    into touched_workspaces, touched_records
    from (select distinct workspace_id, record_id from (${keys}) as x) as k;
    if cardinality(touched_records) > 0 then
      perform report_refresh_${what}(touched_workspaces, touched_records);
    end if;`;
}

const leadActions = (rows: string) => `
  select workspace_id, record_id from ${rows} as a where entity = 'lead' and kind in ${kinds}`;

function raiseLeads(rows: string): string {
  return `
    insert into report_lead_first_actions as r (workspace_id, lead_id, first_action_at)
    select a.workspace_id, a.record_id, min(a.occurred_at) from ${rows} as a
    where a.entity = 'lead' and a.kind in ${kinds}
      and exists (select 1 from workspaces w where w.id = a.workspace_id)
    group by 1, 2 order by 1, 2
    on conflict (workspace_id, lead_id) do update set first_action_at = least(r.first_action_at, excluded.first_action_at);`;
}

/** Touches as (workspace_id, record_id, first_won_at, touched_at), raised into the companies' rows. */
function raiseCompanies(touches: string): string {
  return `
    insert into report_company_touches as r (workspace_id, company_id, first_won_at, last_touch_at)
    select t.workspace_id, t.record_id, min(t.first_won_at), max(t.touched_at) from (${touches}) as t
    where exists (select 1 from workspaces w where w.id = t.workspace_id)
    group by 1, 2 order by 1, 2
    on conflict (workspace_id, company_id) do update set
      first_won_at = least(r.first_won_at, excluded.first_won_at),
      last_touch_at = greatest(r.last_touch_at, excluded.last_touch_at);`;
}

const companyActivities = (rows: string) => `
  select workspace_id, record_id, null::timestamptz as first_won_at, occurred_at as touched_at
  from ${rows} as a where entity = 'company'`;

const salesDeals = (rows: string) => `
  select d.workspace_id, d.company_id as record_id,
    case when s.kind = 'won' then d.closed_at end as first_won_at, greatest(d.created_at, d.closed_at) as touched_at
  from ${rows} as d
  join pipelines p on p.workspace_id = d.workspace_id and p.id = d.pipeline_id and p.kind = 'sales'
  join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
  where d.company_id is not null and d.deleted_at is null`;

const dealCompanies = (rows: string) => `
  select workspace_id, company_id as record_id from ${rows} as d
  where company_id is not null and deleted_at is null`;

function plpgsql(body: string) {
  return sql.raw(`
    declare
      touched_workspaces uuid[];
      touched_records uuid[];
    begin
      ${body}
      return null;
    end`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_activity_hours (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      hour timestamptz not null,
      author_id uuid not null,
      kind text not null,
      activities integer not null,
      primary key (workspace_id, hour, author_id, kind) include (activities)
    );
    create table report_lead_first_actions (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      lead_id uuid not null,
      first_action_at timestamptz not null,
      primary key (workspace_id, lead_id) include (first_action_at)
    );
    create table report_company_touches (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      company_id uuid not null,
      first_won_at timestamptz,
      last_touch_at timestamptz not null,
      primary key (workspace_id, company_id) include (first_won_at, last_touch_at)
    );

    create function report_refresh_leads(workspace_ids uuid[], lead_ids uuid[]) returns void
    language plpgsql as $$
    begin
      perform 1 from report_lead_first_actions r
        join unnest(workspace_ids, lead_ids) as k(workspace_id, lead_id)
          on r.workspace_id = k.workspace_id and r.lead_id = k.lead_id
        order by r.workspace_id, r.lead_id for update of r;
      with fresh as (
        select k.workspace_id, k.lead_id, (
          select min(a.occurred_at) from activities a
          where a.workspace_id = k.workspace_id and a.entity = 'lead' and a.record_id = k.lead_id
            and a.kind in ${reportKinds}
        ) as first_action_at
        from (select distinct * from unnest(workspace_ids, lead_ids) as k(workspace_id, lead_id)) as k
      ), kept as (
        insert into report_lead_first_actions as r (workspace_id, lead_id, first_action_at)
        select f.* from fresh f
        where f.first_action_at is not null and exists (select 1 from workspaces w where w.id = f.workspace_id)
        order by 1, 2
        on conflict (workspace_id, lead_id) do update set first_action_at = excluded.first_action_at
        returning 1
      )
      delete from report_lead_first_actions r using fresh f
      where r.workspace_id = f.workspace_id and r.lead_id = f.lead_id and f.first_action_at is null;
    end $$;

    create function report_refresh_companies(workspace_ids uuid[], company_ids uuid[]) returns void
    language plpgsql as $$
    begin
      perform 1 from report_company_touches r
        join unnest(workspace_ids, company_ids) as k(workspace_id, company_id)
          on r.workspace_id = k.workspace_id and r.company_id = k.company_id
        order by r.workspace_id, r.company_id for update of r;
      with keys as (
        select distinct * from unnest(workspace_ids, company_ids) as k(workspace_id, company_id)
      ), fresh as (
        select k.workspace_id, k.company_id, (
            select min(d.closed_at) from deals d
            join pipelines p on p.workspace_id = d.workspace_id and p.id = d.pipeline_id and p.kind = 'sales'
            join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id and s.kind = 'won'
            where d.workspace_id = k.workspace_id and d.company_id = k.company_id and d.deleted_at is null
          ) as first_won_at,
          greatest((
            select max(greatest(d.created_at, d.closed_at)) from deals d
            join pipelines p on p.workspace_id = d.workspace_id and p.id = d.pipeline_id and p.kind = 'sales'
            where d.workspace_id = k.workspace_id and d.company_id = k.company_id and d.deleted_at is null
          ), (
            select max(a.occurred_at) from activities a
            where a.workspace_id = k.workspace_id and a.entity = 'company' and a.record_id = k.company_id
          )) as last_touch_at
        from keys k
      ), kept as (
        insert into report_company_touches as r (workspace_id, company_id, first_won_at, last_touch_at)
        select f.* from fresh f
        where f.last_touch_at is not null and exists (select 1 from workspaces w where w.id = f.workspace_id)
        order by 1, 2
        on conflict (workspace_id, company_id) do update
          set first_won_at = excluded.first_won_at, last_touch_at = excluded.last_touch_at
        returning 1
      )
      delete from report_company_touches r using fresh f
      where r.workspace_id = f.workspace_id and r.company_id = f.company_id and f.last_touch_at is null;
    end $$;

    create function report_activities_changed() returns trigger language plpgsql as $$${plpgsql(`
      if tg_op = 'INSERT' then
        ${countHours([{ rows: 'new_rows', sign: 1 }])}
        ${raiseLeads('new_rows')}
        ${raiseCompanies(companyActivities('new_rows'))}
      elsif tg_op = 'DELETE' then
        ${countHours([{ rows: 'old_rows', sign: -1 }])}
        ${refresh('leads', leadActions('old_rows'))}
        ${refresh('companies', companyActivities('old_rows'))}
      else
        ${countHours([
          { rows: 'new_rows', sign: 1 },
          { rows: 'old_rows', sign: -1 },
        ])}
        ${refresh('leads', leadActions(changedOld(activityFields)))}
        ${raiseLeads('new_rows')}
        ${refresh('companies', companyActivities(changedOld(activityFields)))}
        ${raiseCompanies(companyActivities('new_rows'))}
      end if;`)}$$;
    create trigger activities_report_insert after insert on activities
      referencing new table as new_rows for each statement execute function report_activities_changed();
    create trigger activities_report_update after update on activities
      referencing old table as old_rows new table as new_rows
      for each statement execute function report_activities_changed();
    create trigger activities_report_delete after delete on activities
      referencing old table as old_rows for each statement execute function report_activities_changed();

    create function report_deals_changed() returns trigger language plpgsql as $$${plpgsql(`
      if tg_op = 'INSERT' then
        ${raiseCompanies(salesDeals('new_rows'))}
      elsif tg_op = 'DELETE' then
        ${refresh('companies', dealCompanies('old_rows'))}
      else
        ${refresh('companies', dealCompanies(changedOld(dealFields)))}
        ${raiseCompanies(salesDeals('new_rows'))}
      end if;`)}$$;
    create trigger deals_report_insert after insert on deals
      referencing new table as new_rows for each statement execute function report_deals_changed();
    create trigger deals_report_update after update on deals
      referencing old table as old_rows new table as new_rows
      for each statement execute function report_deals_changed();
    create trigger deals_report_delete after delete on deals
      referencing old table as old_rows for each statement execute function report_deals_changed();

    -- A stage that becomes (or stops being) won, or a pipeline that becomes (or stops being) a sales
    -- pipeline, changes the first purchase and last touch of every company with a deal in it.
    create function report_stages_changed() returns trigger language plpgsql as $$${plpgsql(`
      ${refresh(
        'companies',
        `select d.workspace_id, d.company_id as record_id from deals d
         join old_rows o on o.workspace_id = d.workspace_id and o.id = d.stage_id
         join new_rows n on n.id = o.id and n.kind is distinct from o.kind
         where d.company_id is not null and d.deleted_at is null`,
      )}`)}$$;
    create trigger stages_report_update after update on stages
      referencing old table as old_rows new table as new_rows
      for each statement execute function report_stages_changed();
    create function report_pipelines_changed() returns trigger language plpgsql as $$${plpgsql(`
      ${refresh(
        'companies',
        `select d.workspace_id, d.company_id as record_id from deals d
         join old_rows o on o.workspace_id = d.workspace_id and o.id = d.pipeline_id
         join new_rows n on n.id = o.id and n.kind is distinct from o.kind
         where d.company_id is not null and d.deleted_at is null`,
      )}`)}$$;
    create trigger pipelines_report_update after update on pipelines
      referencing old table as old_rows new table as new_rows
      for each statement execute function report_pipelines_changed();
  `.execute(db);

  // Backfill from the tables, in the same transaction as the triggers that keep the summaries from now on,
  // in key order: a period's hours then sit on neighbouring pages (autovacuum then marks them all-visible,
  // and the reports read the primary key only).
  await sql`
    insert into report_activity_hours (workspace_id, hour, author_id, kind, activities)
    select workspace_id, date_trunc('hour', occurred_at, 'UTC'), author_id, kind, count(*) from activities
    where author_id is not null and kind in ${reportKinds}
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4;
    insert into report_lead_first_actions (workspace_id, lead_id, first_action_at)
    select workspace_id, record_id, min(occurred_at) from activities
    where entity = 'lead' and kind in ${reportKinds}
    group by 1, 2;
    insert into report_company_touches (workspace_id, company_id, first_won_at, last_touch_at)
    select t.workspace_id, t.record_id, min(t.first_won_at), max(t.touched_at) from (
      ${sql.raw(salesDeals('deals'))}
      union all
      ${sql.raw(companyActivities('activities'))}
    ) as t
    group by 1, 2
    order by 1, 2;
    analyze report_activity_hours;
    analyze report_lead_first_actions;
    analyze report_company_touches;
  `.execute(db);
}
