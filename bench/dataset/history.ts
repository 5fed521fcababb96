import type { GenerationContext } from './records';

// What the reports read besides the records themselves: each deal's path through the stages, the
// deals converted leads became, and the company's expenses. Without them the funnel's days in stage,
// the weekly proposals and negotiations, lead conversion and monthly expenses all count zero.

/**
 * Each deal's stage visits, in funnel order, from its creation to the moment it entered the stage it is
 * in: an open deal in stage p went through stages 1…p; a won or lost one through 1…j (j from 1 to 8)
 * and then its closing stage. Visits are evenly spaced; each is left when the next is entered.
 */
export async function insertStageHistory({ client, org }: GenerationContext): Promise<number> {
  const result = await client.query(
    `insert into deal_stage_history (workspace_id, deal_id, pipeline_id, stage_id, entered_at, exited_at, actor_id)
     select d.workspace_id, d.id, d.pipeline_id, ($2::uuid[])[v.stage], v.entered, v.exited, d.responsible_id
     from (
       select d.id, d.workspace_id, d.pipeline_id, d.responsible_id, d.created_at, d.stage_entered_at,
         s.position::int as position, uuid_hash_extended(d.id, 0) as h
       from deals d join unnest($2::uuid[]) with ordinality as s(id, position) on s.id = d.stage_id
       where d.workspace_id = $1
     ) d
     cross join lateral (
       select case when d.position <= 8 then d.position else pg_temp.pick(90, d.h, 8) + 1 end as visits
     ) c
     cross join lateral generate_series(1, c.visits) i
     cross join lateral (
       select case when d.position > 8 and i = c.visits then d.position else i end as stage,
         d.created_at + case when c.visits = 1 then 1 else (i - 1)::float8 / (c.visits - 1) end
           * (d.stage_entered_at - d.created_at) as entered,
         case when i < c.visits
           then d.created_at + i::float8 / (c.visits - 1) * (d.stage_entered_at - d.created_at) end as exited
       offset 0
     ) v`,
    [org.workspaceId, org.stages.map((stage) => stage.id)],
  );
  return result.rowCount ?? 0;
}

/**
 * A converted lead and the deal it became point at each other. The n-th converted lead (by id) becomes
 * deal 37·n mod the deal count + 1: distinct deals, spread over the whole history.
 */
export async function linkConvertedLeads({ client, org, size }: GenerationContext): Promise<number> {
  const leads = await client.query(
    `with converted as (
       select id, row_number() over (order by id) as n from leads where workspace_id = $1 and status = 'converted'
     )
     update leads l set deal_id = pg_temp.uid('deal', (c.n * 37) % $2 + 1)
     from converted c where l.id = c.id`,
    [org.workspaceId, size.deals],
  );
  await client.query(
    `update deals d set lead_id = l.id from leads l
     where l.workspace_id = $1 and l.deal_id is not null and d.workspace_id = $1 and d.id = l.deal_id`,
    [org.workspaceId],
  );
  return leads.rowCount ?? 0;
}

/**
 * What the won deals bring and cost: each client pays for a won deal once, within ten days of the win,
 * or (three deals in ten) half within five days and the rest 15–45 days later; four won deals in five
 * needed goods bought from one of 40 suppliers for 50–70 % of the amount, paid 14–44 days after the
 * win. A payment dated from the anchor on is planned (a receivable); a purchase is still planned (owed,
 * overdue if its day has passed) when its day is less than a week before the anchor.
 */
export async function insertPayments({ client, org, anchor }: GenerationContext): Promise<number> {
  const result = await client.query(
    `with won as (
       select d.id, d.amount, d.closed_at::date as day, c.name as client, uuid_hash_extended(d.id, 0) as h
       from deals d
       join stages s on s.id = d.stage_id and s.kind = 'won'
       left join companies c on c.id = d.company_id
       where d.workspace_id = $1 and d.deleted_at is null
     ), entries as (
       select 'income' as kind, w.id, w.client as counterparty, 'Оплата по договору' as category,
         round(w.amount * p.share, 2) as amount, w.day + p.delay as day, 0 as grace
       from won w
       cross join lateral (
         select 1.0 as share, floor(pg_temp.rnd(95, w.h) * 11)::int as delay where pg_temp.rnd(94, w.h) >= 0.3
         union all select 0.5, floor(pg_temp.rnd(95, w.h) * 6)::int where pg_temp.rnd(94, w.h) < 0.3
         union all select 0.5, 15 + floor(pg_temp.rnd(96, w.h) * 31)::int where pg_temp.rnd(94, w.h) < 0.3
       ) p
       union all
       select 'expense', w.id, 'ООО «' || pg_temp.brand(1000000 + pg_temp.pick(97, w.h, 40)) || '»', 'Закупка товара',
         round(w.amount * (0.5 + 0.2 * pg_temp.rnd(98, w.h))::numeric, 2), w.day + 14 + floor(pg_temp.rnd(99, w.h) * 31)::int, 7
       from won w where pg_temp.rnd(60, w.h) < 0.8
     )
     insert into finance_entries (workspace_id, kind, status, amount, occurred_on, category, line_of_business,
       counterparty, deal_id, created_at, updated_at)
     select $1, e.kind, case when e.day + e.grace < $2::date then 'actual' else 'planned' end, e.amount, e.day,
       e.category, 'Продажи B2B', e.counterparty, e.id, e.day, e.day
     from entries e where e.amount > 0`,
    [org.workspaceId, anchor],
  );
  return result.rowCount ?? 0;
}

/**
 * The company's expenses over the two years of history and the quarter after it: every month its
 * payroll, rent, advertising and communications, and in about a third of the months a purchase; actual
 * before the anchor, planned after it. Amounts vary by month.
 */
export async function insertFinance({ client, org, anchor }: GenerationContext): Promise<number> {
  const result = await client.query(
    `insert into finance_entries (workspace_id, kind, status, amount, occurred_on, category, line_of_business, created_at, updated_at)
     select $1, 'expense', case when m.day + e.offset_days < $2::date then 'actual' else 'planned' end,
       round(e.base * (0.85 + 0.3 * pg_temp.rnd(92, m.n * 10 + e.k))), m.day + e.offset_days, e.category,
       'Продажи B2B', m.day, m.day
     from (
       select n, (date_trunc('month', $2::date) - (n || ' months')::interval)::date as day
       from generate_series(-3, 24) n
     ) m
     cross join (values
       (1, 'ФОТ', 4200000, 24), (2, 'Аренда', 450000, 4), (3, 'Реклама', 600000, 10),
       (4, 'Связь', 60000, 14), (5, 'Закупка', 900000, 19)
     ) as e(k, category, base, offset_days)
     where e.k <> 5 or pg_temp.rnd(93, m.n) < 0.3`,
    [org.workspaceId, anchor],
  );
  return result.rowCount ?? 0;
}
