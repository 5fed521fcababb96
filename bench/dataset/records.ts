import type pg from 'pg';
import type { Organisation } from './workspace';

/** How many rows of each kind; `generate.ts` scales them from the number of deals. */
export interface DatasetSize {
  deals: number;
  companies: number;
  contacts: number;
  leads: number;
}

export interface GenerationContext {
  client: pg.Client;
  org: Organisation;
  size: DatasetSize;
  /** The generated history ends here: `updated_at` spreads over the two years before it. */
  anchor: string;
}

// Share of deals per stage of «Продажи B2B» (eight open stages, won, lost): a funnel that narrows,
// 70 % open, 12 % won, 18 % lost. Cumulative lower bounds, for width_bucket.
const stageShares = [0.2, 0.14, 0.1, 0.08, 0.06, 0.05, 0.04, 0.03, 0.12, 0.18];
const stageBounds = stageShares.map((_, i) => stageShares.slice(0, i).reduce((a, b) => a + b, 0));

// Each insert below is one statement over generate_series (or over the deals just written); every
// column is a pg_temp generator of (stream, row number), see prng.ts. Stream numbers are fixed per
// column so that adding a column never changes the others.

export async function insertCompanies({ client, org, size, anchor }: GenerationContext): Promise<number> {
  const result = await client.query(
    `insert into companies (id, workspace_id, name, inn, kpp, address, region, phones, emails, responsible_id,
       created_by, created_at, updated_at)
     select pg_temp.uid('company', i), $1,
       pg_temp.legal_form(20, i) || ' «' || pg_temp.brand(i) || '», ' || pg_temp.city(23, i),
       pg_temp.inn(i), left(pg_temp.inn(i), 4) || '01001', 'г. ' || pg_temp.city(23, i), pg_temp.city(23, i),
       array[pg_temp.phone(24, i)],
       array['info' || i || '@' || pg_temp.brand_stem_latin(21, i) || '.ru'],
       r.id, r.id, c.at, c.at + pg_temp.rnd(27, i) * ($4::timestamptz - c.at)
     from generate_series(1, $3::int) i
     cross join lateral (select ($2::uuid[])[pg_temp.pick(25, i, cardinality($2::uuid[]))] as id) r
     cross join lateral (select $4::timestamptz - pg_temp.rnd(26, i) * interval '1000 days' as at) c`,
    [org.workspaceId, org.managerIds, size.companies, anchor],
  );
  return result.rowCount ?? 0;
}

export async function insertContacts({ client, org, size, anchor }: GenerationContext): Promise<number> {
  // Contact j works at company ((j - 1) mod companies) + 1: every company has one or two.
  const result = await client.query(
    `insert into contacts (id, workspace_id, name, position, company_id, phones, emails, responsible_id,
       created_by, created_at, updated_at)
     select pg_temp.uid('contact', j), $1, pg_temp.person(30, j), pg_temp.position(35, j),
       pg_temp.uid('company', (j - 1) % $4 + 1), array[pg_temp.phone(34, j)], array[pg_temp.person_email(30, j)],
       r.id, r.id, c.at, c.at + pg_temp.rnd(38, j) * ($5::timestamptz - c.at)
     from generate_series(1, $3::int) j
     cross join lateral (select ($2::uuid[])[pg_temp.pick(36, j, cardinality($2::uuid[]))] as id) r
     cross join lateral (select $5::timestamptz - pg_temp.rnd(37, j) * interval '1000 days' as at) c`,
    [org.workspaceId, org.managerIds, size.contacts, size.companies, anchor],
  );
  return result.rowCount ?? 0;
}

export async function insertLeads({ client, org, size, anchor }: GenerationContext): Promise<number> {
  const statuses = ['new', 'in_work', 'qualified_mql', 'qualified_sql', 'converted', 'refused'];
  const result = await client.query(
    `insert into leads (id, workspace_id, title, contact_name, phone, email, source, status, refusal_reason,
       converted_at, responsible_id, created_by, created_at, updated_at)
     select pg_temp.uid('lead', l), $1,
       pg_temp.lead_origin(40, l) || ': ' || lower(pg_temp.deal_subject(41, l)) || ' ' || pg_temp.goods(42, l),
       pg_temp.person(43, l), pg_temp.phone(47, l), pg_temp.person_email(43, l), pg_temp.lead_source(40, l),
       s.status, case when s.status = 'refused' then pg_temp.lost_reason(51, l) end,
       case when s.status = 'converted' then c.updated end,
       r.id, r.id, c.updated - pg_temp.rnd(52, l) * interval '30 days', c.updated
     from generate_series(1, $3::int) l
     cross join lateral (select ($4::text[])[width_bucket(pg_temp.rnd(48, l), array[0, 0.15, 0.4, 0.5, 0.6, 0.75])] as status) s
     cross join lateral (select ($2::uuid[])[pg_temp.pick(49, l, cardinality($2::uuid[]))] as id) r
     cross join lateral (select $5::timestamptz - pg_temp.rnd(50, l) ^ 1.5 * interval '730 days' as updated) c`,
    [org.workspaceId, org.managerIds, size.leads, statuses, anchor],
  );
  return result.rowCount ?? 0;
}

/**
 * Deals numbered `first` to `last`. The generator writes them in slices of separate statements: the
 * totals trigger upserts one of a few hundred rows per deal, and within one transaction every upsert
 * leaves a row version the next must step over, so one million-row statement would grow quadratic.
 */
export async function insertDeals(
  { client, org, size, anchor }: GenerationContext,
  first = 1,
  last = size.deals,
): Promise<number> {
  if (org.stages.length !== stageShares.length || org.stages.slice(0, 8).some((s) => s.kind !== 'open'))
    throw new Error('Expected «Продажи B2B» to have eight open stages, then won and lost');
  // 96 % of deals belong to managers, 4 % to heads of sales; 8 % have no contact (and so no company);
  // 0.5 % are in the recycle bin. Recent months are denser than old ones (u^1.6 over two years).
  const result = await client.query(
    `insert into deals (id, workspace_id, title, pipeline_id, stage_id, amount, probability, expected_close_date,
       responsible_id, contact_id, company_id, source, lost_reason, closed_at, stage_entered_at, created_by,
       created_at, updated_at, deleted_at)
     select pg_temp.uid('deal', k), $1,
       pg_temp.deal_subject(6, k) || ' ' || pg_temp.goods(7, k) || coalesce(' — ' || pg_temp.brand(p.company), ''),
       $2, ($3::uuid[])[p.stage],
       greatest(1000, round(exp(ln(40000) + pg_temp.normal(8, k)) / 100) * 100),
       ($4::int[])[p.stage],
       case when p.stage <= 8 then (t.updated + pg_temp.rnd(13, k) * interval '90 days')::date end,
       p.responsible, pg_temp.uid('contact', p.contact), pg_temp.uid('company', p.company),
       pg_temp.deal_source(14, k), case when p.stage = 10 then pg_temp.lost_reason(15, k) end,
       case when p.stage > 8 then t.updated end,
       t.updated - pg_temp.rnd(12, k) * (t.updated - t.created),
       p.responsible, t.created, t.updated,
       case when pg_temp.rnd(16, k) < 0.005 then t.updated end
     from generate_series($12::int, $5::int) k
     cross join lateral (
       select width_bucket(pg_temp.rnd(1, k), $6::float8[]) as stage,
         case when pg_temp.rnd(2, k) < 0.04
           then ($7::uuid[])[pg_temp.pick(3, k, cardinality($7::uuid[]))]
           else ($8::uuid[])[pg_temp.pick(3, k, cardinality($8::uuid[]))] end as responsible,
         case when pg_temp.rnd(5, k) >= 0.08 then pg_temp.pick(4, k, $9) end as contact,
         case when pg_temp.rnd(5, k) >= 0.08 then (pg_temp.pick(4, k, $9) - 1) % $10 + 1 end as company
       offset 0
     ) p
     cross join lateral (
       select u.updated, u.updated - pg_temp.rnd(11, k) * interval '120 days' as created
       from (select $11::timestamptz - pg_temp.rnd(10, k) ^ 1.6 * interval '730 days' as updated offset 0) u
     ) t`,
    [
      org.workspaceId,
      org.pipelineId,
      org.stages.map((stage) => stage.id),
      org.stages.map((stage) => stage.probability),
      last,
      stageBounds,
      org.headIds,
      org.managerIds,
      size.contacts,
      size.companies,
      anchor,
      first,
    ],
  );
  return result.rowCount ?? 0;
}

/**
 * Tasks follow the deals: 60 % of open deals have an open task (due from a week before the anchor to
 * three weeks after), so 40 % show "no next step"; a quarter of all deals also have a finished one.
 */
export async function insertTasks({ client, org, anchor }: GenerationContext): Promise<number> {
  const open = await client.query(
    `insert into tasks (id, workspace_id, title, assignee_id, due_at, priority, status, entity, record_id,
       created_by, created_at, updated_at)
     select pg_temp.uid('open-task', d.h), d.workspace_id, pg_temp.task_title(71, d.h), d.responsible_id,
       $2::timestamptz + (pg_temp.rnd(72, d.h) * 28 - 7) * interval '1 day',
       case when pg_temp.rnd(73, d.h) < 0.2 then 'high' else 'normal' end, 'open', 'deal', d.id,
       d.responsible_id, d.updated_at, d.updated_at
     from (select *, uuid_hash_extended(id, 0) as h from deals where workspace_id = $1) d
     where d.closed_at is null and d.deleted_at is null and pg_temp.rnd(70, d.h) < 0.6`,
    [org.workspaceId, anchor],
  );
  const done = await client.query(
    `insert into tasks (id, workspace_id, title, assignee_id, due_at, priority, status, done_at, entity,
       record_id, created_by, created_at, updated_at)
     select pg_temp.uid('done-task', d.h), d.workspace_id, pg_temp.task_title(75, d.h), d.responsible_id,
       d.at, 'normal', 'done', d.at, 'deal', d.id, d.responsible_id, d.created_at, d.at
     from (select *, uuid_hash_extended(id, 0) as h,
             created_at + pg_temp.rnd(76, uuid_hash_extended(id, 0)) * (updated_at - created_at) as at
           from deals where workspace_id = $1) d
     where pg_temp.rnd(74, d.h) < 0.25`,
    [org.workspaceId],
  );
  return (open.rowCount ?? 0) + (done.rowCount ?? 0);
}

/**
 * One to nine activities per deal (five on average), written by the deal's responsible between its
 * creation and its last update: calls 35 %, e-mails 20 %, meetings 10 %, notes 30 %, comments 5 %.
 */
export async function insertActivities({ client, org }: GenerationContext): Promise<number> {
  const result = await client.query(
    `insert into activities (id, workspace_id, kind, subject, body, direction, duration_seconds, result,
       occurred_at, entity, record_id, author_id, created_at)
     select pg_temp.uid(d.id::text, j), d.workspace_id, a.kind,
       case a.kind when 'call' then 'Звонок: ' when 'email' then 'Письмо: ' when 'meeting' then 'Встреча: ' end
         || pg_temp.activity_topic(82, a.key),
       case when a.kind in ('note', 'comment') then upper(left(pg_temp.activity_topic(82, a.key), 1))
         || substr(pg_temp.activity_topic(82, a.key), 2) || ': '
         || pg_temp.task_title(83, a.key) || '.' end,
       case when a.kind in ('call', 'email') then case when pg_temp.rnd(84, a.key) < 0.7 then 'out' else 'in' end end,
       case when a.kind = 'call' then 30 + floor(pg_temp.rnd(85, a.key) * 900)::int end,
       case when a.kind = 'call' then case when pg_temp.rnd(86, a.key) < 0.75 then 'Дозвонились' else 'Не дозвонились' end end,
       a.at, 'deal', d.id, d.responsible_id, a.at
     from (select id, workspace_id, responsible_id, created_at, updated_at, uuid_hash_extended(id, 0) as h
           from deals where workspace_id = $1) d
     cross join lateral generate_series(1, pg_temp.pick(80, d.h, 9)) j
     cross join lateral (
       select d.h # j as key,
         (array['call', 'email', 'meeting', 'note', 'comment'])[width_bucket(pg_temp.rnd(81, d.h # j), array[0, 0.35, 0.55, 0.65, 0.95])] as kind,
         d.created_at + pg_temp.rnd(87, d.h # j) * (d.updated_at - d.created_at) as at
       offset 0
     ) a`,
    [org.workspaceId],
  );
  return result.rowCount ?? 0;
}
