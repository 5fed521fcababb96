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
