import { context, proposalStages, type Span, type Viewer } from './expected';
import { type Fragment, q } from './statement';

/**
 * Motivation pay (`GET /api/motivation/pay?from&to&asOf`), from the workspace's scheme and the tables,
 * written from seed 004 (domain.md §4) and the reports' README, not from motivation.service.ts or
 * computePay. Per person listed (active managers and heads of sales the viewer sees) and per variant:
 * `pay` counts the actions so far (the period's first day to `asOf`), `forecast` extrapolates every
 * count (to whole actions) and the sales (to the kopeck) by days in period ÷ days elapsed.
 *
 * - `<variant>~<user>`: sales (pay only), points = Σ count × worth over the actions the scheme prices,
 *   points ÷ plan points, the salary of the highest step at or below the points, the next step (its
 *   threshold, salary and the points missing), the commission rate of the highest step at or below
 *   the sales, commission = sales × rate, total = salary + commission;
 * - `<variant>~<user>~<action>`: the action's count and points;
 * - `period`: days elapsed and days in the period.
 *
 * Actions: calls, meetings and e-mails by their author; deals entering the proposal stage or the one
 * after it, and won sales deals, by the deal's responsible; contacts created, by theirs.
 */
export function pay(viewer: Viewer, span: Span, asOf: string): Fragment {
  const c = context(viewer, span);
  const stop = q`((least(${span.to}::date, ${asOf}::date) + 1)::timestamp at time zone ${c.tz})`;
  return q`${c.people}, ${proposalStages(c.ws)},
    listed as (
      select u.id from users u
      where u.workspace_id = ${c.ws} and u.active and u.role in ('manager', 'head_of_sales') and ${c.seen('u.id')}
    ),
    span as (
      select ${span.to}::date - ${span.from}::date + 1 as days,
        greatest(0, least(${span.to}::date, ${asOf}::date) - ${span.from}::date + 1) as elapsed
    ),
    won as (
      select d.responsible_id as person, count(*) as deals, sum(d.amount) as amount from deals d
      where d.workspace_id = ${c.ws} and d.deleted_at is null and d.closed_at >= ${c.start} and d.closed_at < ${stop}
        and ${c.wonStage('d.stage_id')} and ${c.salesPipeline('d.pipeline_id')}
        and d.responsible_id in (select id from listed)
      group by 1
    ),
    happened as (
      select a.author_id as person, a.kind as action, count(*) as n from activities a
      where a.workspace_id = ${c.ws} and a.kind in ('call', 'meeting', 'email')
        and a.occurred_at >= ${c.start} and a.occurred_at < ${stop} and a.author_id in (select id from listed)
      group by 1, 2
      union all
      select d.responsible_id, r.role, count(*) from deal_stage_history h
      join stage_role r on r.id = h.stage_id
      join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
      where h.workspace_id = ${c.ws} and h.entered_at >= ${c.start} and h.entered_at < ${stop}
        and d.deleted_at is null and d.responsible_id in (select id from listed)
      group by 1, 2
      union all
      select w.person, 'dealWon', w.deals from won w
      union all
      select x.responsible_id, 'newContact', count(*) from contacts x
      where x.workspace_id = ${c.ws} and x.deleted_at is null and x.created_at >= ${c.start} and x.created_at < ${stop}
        and x.responsible_id in (select id from listed)
      group by 1
    ),
    scheme as (select m.scheme as s from motivation_schemes m where m.workspace_id = ${c.ws}),
    worth as (
      select p.key as action, p.value::numeric as worth from scheme cross join jsonb_each_text(scheme.s -> 'points') p
    ),
    salary as (
      select (x ->> 'from')::numeric as points, (x ->> 'amount')::numeric as amount
      from scheme cross join jsonb_array_elements(scheme.s -> 'salary') x
    ),
    commission as (
      select (x ->> 'from')::numeric as sales, (x ->> 'rate')::numeric as rate
      from scheme cross join jsonb_array_elements(scheme.s -> 'commission') x
    ),
    variants as (select * from (values ('pay'), ('forecast')) as v(variant)),
    counted as (
      select v.variant, l.id as person, w.action, w.worth,
        case when v.variant = 'pay' then coalesce(h.n, 0)
          when sp.elapsed = 0 then 0
          else round(coalesce(h.n, 0) * sp.days::numeric / sp.elapsed) end as count
      from listed l cross join variants v cross join worth w cross join span sp
      left join happened h on h.person = l.id and h.action = w.action
    ),
    points as (select k.variant, k.person, sum(k.count * k.worth) as points from counted k group by 1, 2),
    totals as (
      select v.variant, l.id as person,
        case when v.variant = 'pay' then coalesce(s.amount, 0)
          when sp.elapsed = 0 then 0
          else round(coalesce(s.amount, 0) * sp.days / sp.elapsed, 2) end as sales,
        coalesce(pt.points, 0) as points
      from listed l cross join variants v cross join span sp
      left join won s on s.person = l.id
      left join points pt on pt.variant = v.variant and pt.person = l.id
    ),
    paid as (
      select t.variant, t.person, t.sales, t.points, coalesce(sa.amount, 0) as salary, nx.points as next_from,
        nx.amount as next_amount, coalesce(cm.rate, 0) as rate, round(t.sales * coalesce(cm.rate, 0), 2) as commission
      from totals t
      left join lateral (select amount from salary where points <= t.points order by points desc limit 1) sa on true
      left join lateral (select points, amount from salary where points > t.points order by points limit 1) nx on true
      left join lateral (select rate from commission where sales <= t.sales order by sales desc limit 1) cm on true
    )
    select p.variant || '~' || p.person as key, case when p.variant = 'pay' then p.sales end as sales, p.points,
      case when (sc.s ->> 'planPoints')::numeric > 0 then p.points / (sc.s ->> 'planPoints')::numeric else 0 end
        as "planShare",
      p.salary, p.next_from as "nextSalaryFrom", p.next_amount as "nextSalaryAmount",
      p.next_from - p.points as "nextSalaryMissing", p.rate as "commissionRate", p.commission,
      round(p.salary + p.commission, 2) as total,
      null::numeric as count, null::int as "daysElapsed", null::int as "daysInPeriod"
    from paid p cross join scheme sc
    union all
    select k.variant || '~' || k.person || '~' || k.action, null, k.count * k.worth, null, null, null, null, null,
      null, null, null, k.count, null, null
    from counted k
    union all
    select 'period', null, null, null, null, null, null, null, null, null, null, null, sp.elapsed, sp.days from span sp`;
}
