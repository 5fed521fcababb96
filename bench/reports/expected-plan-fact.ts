import { context, type Viewer } from './expected';
import { type Fragment, q } from './statement';

/**
 * Plan against fact (`GET /api/plans/:id/fact?asOf`), from the plan's row and the tables, written from
 * the rules in the reports' README ("Planning, motivation, finance") and seed 004 (domain.md §4), not
 * from plans.service.ts. One row per number, keyed as `endpoint-rows.ts` keys the endpoint's answer:
 *
 * - `team~<indicator>`: the plan of the managers the viewer sees (the whole plan when they see every
 *   manager of it, else the sum of their parts), the fact, where it should be by now, the forecast and
 *   whether it is behind that pace;
 * - `person~<user>~<indicator>`: the same for each of those managers, with their part of the plan;
 * - `day~<day>~<indicator>`: each day up to `asOf`: the fact, the fact so far and the plan so far;
 * - `period`: days in the period and days elapsed.
 *
 * Indicators are the plan's steps (an activity kind, or entries of deals into a stage), `sales` (won
 * sales deals, by the deal's responsible) and `revenue` (their sum). The plan's counts follow seed 004:
 * sales = revenue ÷ average check, each step = the next step's count ÷ its conversion, rounded up.
 */
export function planFact(viewer: Viewer, planId: string, asOf: string, timezone: string): Fragment {
  // The period comes from the plan's row; the context's own period is not used here.
  const c = context(viewer, { from: asOf, to: asOf, timezone });
  return q`${c.people},
    plan as (
      select p.period_from, p.period_to, p.pipeline_id, p.settings as s from plans p
      where p.workspace_id = ${c.ws} and p.id = ${planId}::uuid
    ),
    span as (
      select pl.period_from as first_day, pl.period_to - pl.period_from + 1 as days,
        greatest(0, least(pl.period_to, ${asOf}::date) - pl.period_from + 1) as elapsed,
        pl.period_from::timestamp at time zone ${c.tz} as start,
        (least(pl.period_to, ${asOf}::date) + 1)::timestamp at time zone ${c.tz} as stop
      from plan pl
    ),
    members as (
      select (m ->> 'userId')::uuid as id, (m ->> 'weight')::numeric as weight
      from plan, jsonb_array_elements(plan.s -> 'managers') m
    ),
    seen as (
      select m.id, m.weight from members m join users u on u.workspace_id = ${c.ws} and u.id = m.id
      where ${c.seen('u.id')}
    ),
    steps as (
      select x.n, x.step ->> 'id' as id, (x.step ->> 'stageId')::uuid as stage_id, x.step ->> 'activity' as activity,
        (x.step ->> 'conversion')::numeric as conversion
      from plan, jsonb_array_elements(plan.s -> 'indicators') with ordinality as x(step, n)
    ),
    target as (
      select case when s -> 'target' ->> 'kind' = 'margin'
          then (s -> 'target' ->> 'amount')::numeric / (s ->> 'marginRate')::numeric
          else (s -> 'target' ->> 'amount')::numeric end as revenue,
        (s -> 'averageCheck' ->> 'amount')::numeric as average_check
      from plan
    ),
    -- Walking back from the sale: a step needs the next step's count ÷ its conversion, rounded up.
    needed (n, count) as (
      select (select count(*) from steps) + 1, ceil(t.revenue / t.average_check) from target t
      union all
      select st.n, ceil(nd.count / st.conversion) from needed nd join steps st on st.n = nd.n - 1
    ),
    whole as (
      select st.id, nd.count as plan from steps st join needed nd on nd.n = st.n
      union all
      select 'sales', nd.count from needed nd where nd.n = (select count(*) + 1 from steps)
      union all
      select 'revenue', t.revenue from target t
    ),
    -- A manager's part: their weight's share of the whole period, rounded up (money: to the kopeck).
    person_plan as (
      select se.id as person, w.id,
        case when w.id = 'revenue' then round(w.plan * se.weight / m.weights, 2)
          else ceil(w.plan * se.weight / m.weights) end as plan
      from seen se cross join whole w cross join (select sum(weight) as weights from members) m
    ),
    team_plan as (
      select w.id,
        case when (select count(*) from seen) = (select count(*) from members) then w.plan
          else coalesce((select sum(pp.plan) from person_plan pp where pp.id = w.id), 0) end as plan
      from whole w
    ),
    facts as (
      select st.id, (a.occurred_at at time zone ${c.tz})::date as day, a.author_id as person, count(*) as n
      from activities a join steps st on st.activity = a.kind
      where a.workspace_id = ${c.ws} and a.occurred_at >= (select start from span) and a.occurred_at < (select stop from span)
        and a.author_id in (select id from seen)
      group by 1, 2, 3
      union all
      -- A deal entering a step's stage counts once a day.
      select st.id, (h.entered_at at time zone ${c.tz})::date, d.responsible_id, count(distinct h.deal_id)
      from deal_stage_history h
      join steps st on st.stage_id = h.stage_id
      join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
      where h.workspace_id = ${c.ws} and h.entered_at >= (select start from span) and h.entered_at < (select stop from span)
        and d.deleted_at is null and d.responsible_id in (select id from seen)
      group by 1, 2, 3
      union all
      select k.id, w.day, w.person, case when k.id = 'sales' then w.deals else w.amount end
      from (
        select (d.closed_at at time zone ${c.tz})::date as day, d.responsible_id as person, count(*) as deals,
          sum(d.amount) as amount
        from deals d cross join plan pl
        where d.workspace_id = ${c.ws} and d.deleted_at is null
          and d.closed_at >= (select start from span) and d.closed_at < (select stop from span)
          and ${c.wonStage('d.stage_id')}
          and (d.pipeline_id = pl.pipeline_id or (pl.pipeline_id is null and ${c.salesPipeline('d.pipeline_id')}))
          and d.responsible_id in (select id from seen)
        group by 1, 2
      ) w cross join (values ('sales'), ('revenue')) as k(id)
    ),
    per_person as (select f.id, f.person, sum(f.n) as n from facts f group by 1, 2),
    judged as (
      select 'team~' || t.id as key, t.plan, coalesce(sum(f.n), 0) as fact
      from team_plan t left join per_person f on f.id = t.id
      group by t.id, t.plan
      union all
      select 'person~' || pp.person || '~' || pp.id, pp.plan, coalesce(f.n, 0)
      from person_plan pp left join per_person f on f.id = pp.id and f.person = pp.person
    ),
    calendar as (
      select sp.first_day + i as day, i + 1 as n from span sp cross join generate_series(0, sp.elapsed - 1) i
    ),
    daily as (select f.id, f.day, sum(f.n) as n from facts f group by 1, 2)
    select j.key, j.plan, round(j.fact, 2) as fact, e.by_now as "expectedByNow",
      case when sp.elapsed > 0 then round(j.fact * sp.days / sp.elapsed, 2) else 0 end as forecast,
      (sp.elapsed > 0 and j.fact < e.by_now)::int as "behindPace",
      null::numeric as "cumulativeFact", null::numeric as "cumulativePlan",
      null::int as "daysInPeriod", null::int as "daysElapsed"
    from judged j cross join span sp cross join lateral (select round(j.plan * sp.elapsed / sp.days, 2) as by_now) e
    union all
    select 'day~' || to_char(cl.day, 'YYYY-MM-DD') || '~' || t.id, null, coalesce(dl.n, 0), null, null, null,
      sum(coalesce(dl.n, 0)) over (partition by t.id order by cl.day), round(t.plan * cl.n / sp.days, 2), null, null
    from calendar cl cross join team_plan t cross join span sp
    left join daily dl on dl.id = t.id and dl.day = cl.day
    union all
    select 'period', null, null, null, null, null, null, null, sp.days, sp.elapsed from span sp`;
}
