import { type Fragment, q, raw } from './statement';

/**
 * The hand-written SQL of every report: each computes the report's numbers from the tables, written
 * from the definitions in apps/server/src/modules/reports/README.md, not from the endpoint's code or
 * its captured statements. Each statement returns one row per report row: `key` (the report's row
 * key) and a column per number, named as the report's columns; columns starting with `_` feed the
 * totals only.
 */

export interface Viewer {
  /** The owner sees everyone; a head of sales the department tree and themself. */
  role: 'owner' | 'head';
  workspaceId: string;
  userId: string;
  departmentId: string | null;
}

export interface Span {
  from: string;
  to: string;
  timezone: string;
}

export type Numbers = Record<string, number | null>;

export interface Expected {
  statement: Fragment;
  /** The totals row computed from the hand-written rows (the endpoint's totals are of the same rows). */
  totals(rows: Map<string, Numbers>): Numbers;
}

const sum = (rows: Map<string, Numbers>, key: string) =>
  Math.round([...rows.values()].reduce((total, row) => total + Number(row[key] ?? 0), 0) * 100) / 100;
const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const sums =
  (...keys: string[]) =>
  (rows: Map<string, Numbers>): Numbers =>
    Object.fromEntries(keys.map((key) => [key, sum(rows, key)]));

/** What every statement starts with: the period's instants and the people whose numbers count. */
export function context(viewer: Viewer, span: Span) {
  const ws = viewer.workspaceId;
  const start = q`(${span.from}::date::timestamp at time zone ${span.timezone}::text)`;
  const end = q`((${span.to}::date + 1)::timestamp at time zone ${span.timezone}::text)`;
  // A head sees the people of their department and every department below it (or that they head).
  const people =
    viewer.role === 'owner'
      ? q`with recursive people as (select u.id from users u where u.workspace_id = ${ws}::uuid)`
      : q`with recursive tree as (
            select d.id from departments d
            where d.workspace_id = ${ws}::uuid and (d.head_id = ${viewer.userId}::uuid or d.id = ${viewer.departmentId}::uuid)
            union
            select c.id from departments c join tree t on c.parent_id = t.id where c.workspace_id = ${ws}::uuid
          ),
          people as (
            select u.id from users u
            where u.workspace_id = ${ws}::uuid and (u.department_id in (select id from tree) or u.id = ${viewer.userId}::uuid)
          )`;
  const seen = (column: string) =>
    viewer.role === 'owner' ? raw('true') : raw(`${column} in (select id from people)`);
  const wonStage = (column: string) =>
    q`${raw(column)} in (select s.id from stages s where s.workspace_id = ${ws}::uuid and s.kind = 'won')`;
  const salesPipeline = (column: string) =>
    q`${raw(column)} in (select p.id from pipelines p where p.workspace_id = ${ws}::uuid and p.kind = 'sales')`;
  const tz = q`${span.timezone}::text`;
  return { ws: q`${ws}::uuid`, start, end, people, seen, wonStage, salesPipeline, tz };
}

/** Per sales pipeline, its first open stage named for a proposal (КП) and the open stage after it. */
export const proposalStages = (ws: Fragment) => q`
  ordered as (
    select s.id, s.pipeline_id, s.name, row_number() over (partition by s.pipeline_id order by s.position) as n
    from stages s join pipelines p on p.workspace_id = s.workspace_id and p.id = s.pipeline_id
    where s.workspace_id = ${ws} and p.kind = 'sales' and s.kind = 'open'
  ),
  proposal as (
    select distinct on (pipeline_id) pipeline_id, id, n from ordered
    where name ~* 'КП|коммерческ|предложени|proposal' order by pipeline_id, n
  ),
  negotiation as (select o.id from ordered o join proposal p on p.pipeline_id = o.pipeline_id and o.n = p.n + 1),
  stage_role as (
    select id, 'proposal' as role from proposal union all select id, 'negotiation' from negotiation
  )`;

export function activityDaily(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people}
      select to_char(a.occurred_at at time zone ${c.tz}, 'YYYY-MM-DD') || '~' || a.author_id as key,
        count(*) filter (where a.kind = 'call') as calls,
        count(*) filter (where a.kind = 'meeting') as meetings,
        count(*) filter (where a.kind = 'email') as emails
      from activities a
      where a.workspace_id = ${c.ws} and a.kind in ('call', 'meeting', 'email')
        and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
        and a.author_id is not null and ${c.seen('a.author_id')}
      group by 1`,
    totals: sums('calls', 'meetings', 'emails'),
  };
}

export function activityWeekly(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people}, ${proposalStages(c.ws)},
      acts as (
        select date_trunc('week', a.occurred_at at time zone ${c.tz})::date as week, a.author_id as person,
          count(*) filter (where a.kind = 'call') as calls, count(*) filter (where a.kind = 'meeting') as meetings
        from activities a
        where a.workspace_id = ${c.ws} and a.kind in ('call', 'meeting', 'email')
          and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
          and a.author_id is not null and ${c.seen('a.author_id')}
        group by 1, 2
      ),
      entries as (
        select date_trunc('week', h.entered_at at time zone ${c.tz})::date as week, d.responsible_id as person,
          count(*) filter (where r.role = 'proposal') as proposals,
          count(*) filter (where r.role = 'negotiation') as negotiations
        from deal_stage_history h
        join stage_role r on r.id = h.stage_id
        join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
        where h.workspace_id = ${c.ws} and h.entered_at >= ${c.start} and h.entered_at < ${c.end}
          and d.deleted_at is null and d.responsible_id is not null and ${c.seen('d.responsible_id')}
        group by 1, 2
      )
      select coalesce(a.week, e.week)::text || '~' || coalesce(a.person, e.person) as key,
        coalesce(a.calls, 0) as calls, coalesce(a.meetings, 0) as meetings,
        round(a.meetings::numeric / nullif(a.calls, 0), 4) as "callsToMeetings",
        coalesce(e.proposals, 0) as proposals, coalesce(e.negotiations, 0) as negotiations,
        round(e.negotiations::numeric / nullif(e.proposals, 0), 4) as "proposalsToNegotiations"
      from acts a full join entries e on e.week = a.week and e.person = a.person`,
    totals(rows) {
      const t = sums('calls', 'meetings', 'proposals', 'negotiations')(rows);
      return {
        ...t,
        callsToMeetings: share(Number(t.meetings), Number(t.calls)),
        proposalsToNegotiations: share(Number(t.negotiations), Number(t.proposals)),
      };
    },
  };
}

export function activityMonthly(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  // Expenses are the company's: shown to the owner (all visibility, no filters), not to a head.
  const expenses = viewer.role === 'owner';
  return {
    statement: q`${c.people},
      months as (
        select to_char(m, 'YYYY-MM') as month
        from generate_series(date_trunc('month', ${span.from}::date), ${span.to}::date, interval '1 month') m
      ),
      won as (
        select d.id, d.company_id, d.closed_at, d.amount from deals d
        where d.workspace_id = ${c.ws} and d.deleted_at is null
          and d.closed_at >= ${c.start} and d.closed_at < ${c.end}
          and ${c.wonStage('d.stage_id')} and ${c.salesPipeline('d.pipeline_id')} and ${c.seen('d.responsible_id')}
      ),
      sold as (
        select to_char(w.closed_at at time zone ${c.tz}, 'YYYY-MM') as month, count(*) as deals, sum(w.amount) as revenue
        from won w group by 1
      ),
      firsts as (
        select to_char(w.closed_at at time zone ${c.tz}, 'YYYY-MM') as month, count(distinct w.company_id) as clients
        from won w
        where w.company_id is not null and not exists (
          select 1 from deals e
          where e.workspace_id = ${c.ws} and e.company_id = w.company_id and e.deleted_at is null
            and e.closed_at <= w.closed_at and (e.closed_at, e.id) < (w.closed_at, w.id)
            and ${c.wonStage('e.stage_id')} and ${c.salesPipeline('e.pipeline_id')})
        group by 1
      ),
      spent as (
        select to_char(f.occurred_on, 'YYYY-MM') as month, sum(f.amount) as amount from finance_entries f
        where f.workspace_id = ${c.ws} and f.kind = 'expense' and f.status = 'actual'
          and f.occurred_on between ${span.from}::date and ${span.to}::date
        group by 1
      ),
      other as (
        select to_char(f.occurred_on, 'YYYY-MM') as month, sum(f.amount) as amount from finance_entries f
        where f.workspace_id = ${c.ws} and f.kind = 'income' and f.deal_id is null and f.status = 'actual'
          and f.occurred_on between ${span.from}::date and ${span.to}::date
        group by 1
      )
      select m.month as key, coalesce(f.clients, 0) as "newClients", coalesce(s.deals, 0) as "wonDeals",
        coalesce(s.revenue, 0) as revenue, round(s.revenue / nullif(s.deals, 0), 2) as "averageCheck",
        ${expenses ? raw('coalesce(o.amount, 0)') : raw('null::numeric')} as "otherIncome",
        ${expenses ? raw('coalesce(x.amount, 0)') : raw('null::numeric')} as expenses,
        ${expenses ? raw('coalesce(s.revenue, 0) + coalesce(o.amount, 0) - coalesce(x.amount, 0)') : raw('null::numeric')} as profit
      from months m
      left join sold s on s.month = m.month
      left join firsts f on f.month = m.month
      left join spent x on x.month = m.month
      left join other o on o.month = m.month`,
    totals(rows) {
      const t = sums('newClients', 'wonDeals', 'revenue')(rows);
      const deals = Number(t.wonDeals);
      const revenue = Number(t.revenue);
      const spent = expenses ? sum(rows, 'expenses') : null;
      const other = expenses ? sum(rows, 'otherIncome') : null;
      return {
        ...t,
        averageCheck: deals > 0 ? Math.round((revenue / deals) * 100) / 100 : null,
        otherIncome: other,
        expenses: spent,
        profit: spent === null ? null : Math.round((revenue + (other ?? 0) - spent) * 100) / 100,
      };
    },
  };
}

export function managers(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people},
      listed as (
        select u.id from users u
        where u.workspace_id = ${c.ws} and u.active and u.role in ('manager', 'head_of_sales') and ${c.seen('u.id')}
      ),
      done as (
        select t.assignee_id as person, count(*) as n from tasks t
        where t.workspace_id = ${c.ws} and t.deleted_at is null and t.done_at >= ${c.start} and t.done_at < ${c.end}
          and ${c.seen('t.assignee_id')}
        group by 1
      ),
      late as (
        select t.assignee_id as person, count(*) as n from tasks t
        where t.workspace_id = ${c.ws} and t.deleted_at is null and t.due_at >= ${c.start} and t.due_at < ${c.end}
          and ((t.status = 'open' and t.due_at < now()) or (t.status = 'done' and t.done_at > t.due_at))
          and ${c.seen('t.assignee_id')}
        group by 1
      ),
      taken as (
        select l.responsible_id as person, count(*) as taken, count(*) filter (where l.status <> 'new') as processed,
          avg(extract(epoch from (f.at - l.created_at)) / 3600) as hours, count(f.at) as acted
        from leads l
        left join lateral (
          select min(a.occurred_at) as at from activities a
          where a.workspace_id = l.workspace_id and a.entity = 'lead' and a.record_id = l.id
            and a.kind in ('call', 'meeting', 'email')
        ) f on true
        where l.workspace_id = ${c.ws} and l.deleted_at is null and l.created_at >= ${c.start} and l.created_at < ${c.end}
          and l.responsible_id is not null and ${c.seen('l.responsible_id')}
        group by 1
      ),
      sold as (
        select d.responsible_id as person, count(*) as deals, sum(d.amount) as amount from deals d
        where d.workspace_id = ${c.ws} and d.deleted_at is null and d.closed_at >= ${c.start} and d.closed_at < ${c.end}
          and ${c.wonStage('d.stage_id')} and ${c.salesPipeline('d.pipeline_id')}
          and d.responsible_id is not null and ${c.seen('d.responsible_id')}
        group by 1
      ),
      called as (
        select a.author_id as person, count(*) as n from activities a
        where a.workspace_id = ${c.ws} and a.kind = 'call' and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
          and a.author_id is not null and ${c.seen('a.author_id')}
        group by 1
      ),
      added as (
        select x.responsible_id as person, count(*) as n from contacts x
        where x.workspace_id = ${c.ws} and x.deleted_at is null and x.created_at >= ${c.start} and x.created_at < ${c.end}
          and x.responsible_id is not null and ${c.seen('x.responsible_id')}
        group by 1
      ),
      everyone as (
        select id from listed union select person from done union select person from late
        union select person from taken union select person from sold union select person from called
        union select person from added
      )
      select e.id::text as key, coalesce(done.n, 0) as "tasksDone", coalesce(late.n, 0) as "tasksOverdue",
        coalesce(taken.taken, 0) as "leadsTaken", coalesce(taken.processed, 0) as "leadsProcessed",
        round(taken.hours::numeric, 2) as "firstActionHours", coalesce(sold.deals, 0) as "wonDeals",
        coalesce(sold.amount, 0) as "wonSum", coalesce(called.n, 0) as calls, coalesce(added.n, 0) as "newContacts",
        taken.hours as _hours, coalesce(taken.acted, 0) as _acted
      from everyone e
      left join done on done.person = e.id
      left join late on late.person = e.id
      left join taken on taken.person = e.id
      left join sold on sold.person = e.id
      left join called on called.person = e.id
      left join added on added.person = e.id`,
    totals(rows) {
      const acted = sum(rows, '_acted');
      const weighted = [...rows.values()].reduce(
        (total, row) => total + Number(row._hours ?? 0) * Number(row._acted ?? 0),
        0,
      );
      return {
        ...sums(
          'tasksDone',
          'tasksOverdue',
          'leadsTaken',
          'leadsProcessed',
          'wonDeals',
          'wonSum',
          'calls',
          'newContacts',
        )(rows),
        firstActionHours: acted > 0 ? Math.round((weighted / acted) * 100) / 100 : null,
      };
    },
  };
}

export function dealStages(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people}
      select d.stage_id || '~' || coalesce(d.responsible_id::text, '-') as key, count(*) as deals,
        coalesce(sum(d.amount), 0) as amount
      from deals d
      where d.workspace_id = ${c.ws} and d.deleted_at is null and d.created_at >= ${c.start} and d.created_at < ${c.end}
        and ${c.salesPipeline('d.pipeline_id')} and ${c.seen('d.responsible_id')}
      group by d.stage_id, d.responsible_id`,
    totals: sums('deals', 'amount'),
  };
}

export function leadStatuses(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people}
      select l.status || '~' || coalesce(l.responsible_id::text, '-') as key, count(*) as leads
      from leads l
      where l.workspace_id = ${c.ws} and l.deleted_at is null and l.created_at >= ${c.start} and l.created_at < ${c.end}
        and ${c.seen('l.responsible_id')}
      group by l.status, l.responsible_id`,
    totals: sums('leads'),
  };
}

export function leadSources(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people}
      select coalesce(encode(convert_to(l.source, 'UTF8'), 'hex'), '-') as key, count(*) as leads,
        count(l.deal_id) as converted, round(count(l.deal_id)::numeric / count(*), 4) as conversion,
        count(d.id) filter (where s.kind = 'won') as "wonDeals",
        coalesce(sum(d.amount) filter (where s.kind = 'won'), 0) as revenue
      from leads l
      left join deals d on d.workspace_id = l.workspace_id and d.id = l.deal_id and d.deleted_at is null
      left join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
      where l.workspace_id = ${c.ws} and l.deleted_at is null and l.created_at >= ${c.start} and l.created_at < ${c.end}
        and ${c.seen('l.responsible_id')}
      group by l.source`,
    totals(rows) {
      const t = sums('leads', 'converted', 'wonDeals', 'revenue')(rows);
      return { ...t, conversion: share(Number(t.converted), Number(t.leads)) };
    },
  };
}

/** The won stage ranks above every open stage. */
const wonRank = 1_000_000;

export function funnel(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  return {
    statement: q`${c.people},
      pipeline as (
        select p.id from pipelines p where p.workspace_id = ${c.ws} and p.kind = 'sales'
        order by p.position, p.created_at limit 1
      ),
      steps as (
        select s.id, s.kind, case when s.kind = 'won' then ${wonRank}::int else s.position end as rank
        from stages s where s.workspace_id = ${c.ws} and s.pipeline_id = (select id from pipeline) and s.kind <> 'lost'
      ),
      cohort as (
        select d.id, d.stage_id from deals d
        where d.workspace_id = ${c.ws} and d.pipeline_id = (select id from pipeline) and d.deleted_at is null
          and d.created_at >= ${c.start} and d.created_at < ${c.end} and ${c.seen('d.responsible_id')}
      ),
      visits as (
        select k.id, k.stage_id from cohort k
        union all
        select h.deal_id, h.stage_id from deal_stage_history h join cohort k on k.id = h.deal_id
        where h.workspace_id = ${c.ws}
      ),
      tops as (select v.id, max(st.rank) as top from visits v join steps st on st.id = v.stage_id group by v.id),
      reach as (select st.id, count(t.id) as reached from steps st left join tops t on t.top >= st.rank group by st.id),
      durations as (
        select h.stage_id, avg(extract(epoch from (h.exited_at - h.entered_at))) / 86400 as days
        from deal_stage_history h join cohort k on k.id = h.deal_id
        where h.workspace_id = ${c.ws} and h.exited_at is not null
        group by 1
      ),
      stalled as (
        select d.stage_id, count(*) as n from deals d
        where d.workspace_id = ${c.ws} and d.pipeline_id = (select id from pipeline) and d.deleted_at is null
          and d.closed_at is null and d.stage_entered_at < now() - interval '14 days' and ${c.seen('d.responsible_id')}
        group by 1
      )
      select st.id::text as key, r.reached,
        round((lead(r.reached) over (order by st.rank))::numeric / nullif(r.reached, 0), 4) as conversion,
        case when st.kind = 'won' then null else round(du.days::numeric, 2) end as "averageDays",
        case when st.kind = 'won' then null else coalesce(sl.n, 0) end as stalled,
        (select count(*) from cohort) as _cohort, (select count(*) from tops where top >= ${wonRank}::int) as _won
      from steps st join reach r on r.id = st.id
      left join durations du on du.stage_id = st.id
      left join stalled sl on sl.stage_id = st.id`,
    totals(rows) {
      const any = [...rows.values()][0];
      const cohort = Number(any?._cohort ?? 0);
      return {
        reached: cohort,
        conversion: share(Number(any?._won ?? 0), cohort),
        averageDays: null,
        stalled: sum(rows, 'stalled'),
      };
    },
  };
}

export function clients(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  const before = (days: number) => q`(${c.end} - interval '1 day' * ${days}::int)`;
  return {
    statement: q`${c.people},
      sales_deals as (
        select d.company_id, d.created_at, d.closed_at, d.amount, s.kind from deals d
        join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
        where d.workspace_id = ${c.ws} and d.deleted_at is null and d.company_id is not null
          and d.created_at < ${c.end} and (d.closed_at is null or d.closed_at < ${c.end})
          and ${c.salesPipeline('d.pipeline_id')}
      ),
      per_company as (
        select company_id, min(closed_at) filter (where kind = 'won') as first_won,
          max(greatest(created_at, closed_at)) as last_deal,
          coalesce(sum(amount) filter (where kind = 'won' and closed_at >= ${c.start}), 0) as revenue
        from sales_deals group by 1
      ),
      touches as (
        select a.record_id as company_id, max(a.occurred_at) as at from activities a
        where a.workspace_id = ${c.ws} and a.entity = 'company' and a.occurred_at < ${c.end}
        group by 1
      ),
      base as (
        select co.id, pc.first_won, pc.revenue, greatest(pc.last_deal, t.at) as last_touch
        from companies co
        join per_company pc on pc.company_id = co.id
        left join touches t on t.company_id = co.id
        where co.workspace_id = ${c.ws} and co.deleted_at is null and co.merged_into_id is null
          and pc.first_won is not null and ${c.seen('co.responsible_id')}
      ),
      negative as (
        select a.record_id as id from activities a
        where a.workspace_id = ${c.ws} and a.kind = 'review' and a.result = 'negative' and a.entity = 'company'
          and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
        union
        select d.company_id from activities a join deals d on d.workspace_id = a.workspace_id and d.id = a.record_id
        where a.workspace_id = ${c.ws} and a.kind = 'review' and a.result = 'negative' and a.entity = 'deal'
          and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
      ),
      lost as (
        select d.company_id as id from deals d join stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
        where d.workspace_id = ${c.ws} and d.deleted_at is null and d.company_id is not null and s.kind = 'lost'
          and d.closed_at >= ${c.start} and d.closed_at < ${c.end}
      ),
      classified as (
        select b.revenue,
          case
            when b.first_won >= ${c.start} then 'new'
            when b.last_touch >= ${before(90)} then 'active'
            when b.last_touch >= ${before(180)} then 'sleeping'
            else 'lost'
          end as segment,
          (b.first_won < ${c.start} and b.last_touch >= ${before(90)} and b.last_touch < ${before(45)}) as falling_asleep,
          b.id in (select id from negative) as negative_review,
          b.id in (select id from lost) as lost_deal
        from base b
      ),
      groups as (
        select k.key, count(x.segment) as clients, coalesce(sum(x.revenue), 0) as revenue
        from (values ('new'), ('active'), ('sleeping'), ('lost')) as k(key)
        left join classified x on x.segment = k.key group by k.key
        union all
        select 'falling_asleep', count(*), coalesce(sum(revenue), 0) from classified where falling_asleep
        union all
        select 'negative_review', count(*), coalesce(sum(revenue), 0) from classified where negative_review
        union all
        select 'lost_deal', count(*), coalesce(sum(revenue), 0) from classified where lost_deal
      )
      select g.key, g.clients, round(g.clients::numeric / nullif(b.n, 0), 4) as share, g.revenue,
        b.n as _base, b.revenue as _revenue
      from groups g cross join (select count(*) as n, coalesce(sum(revenue), 0) as revenue from classified) b`,
    totals(rows) {
      const any = [...rows.values()][0];
      const base = Number(any?._base ?? 0);
      return { clients: base, share: base > 0 ? 1 : null, revenue: Number(any?._revenue ?? 0) };
    },
  };
}

export function leaderboard(viewer: Viewer, span: Span): Expected {
  const c = context(viewer, span);
  const worth = (action: string) => q`coalesce((m.scheme -> 'points' ->> ${action}::text)::numeric, 0)`;
  return {
    statement: q`${c.people}, ${proposalStages(c.ws)},
      listed as (
        select u.id from users u
        where u.workspace_id = ${c.ws} and u.active and u.role in ('manager', 'head_of_sales') and ${c.seen('u.id')}
      ),
      acts as (
        select a.author_id as person, count(*) filter (where a.kind = 'call') as calls,
          count(*) filter (where a.kind = 'meeting') as meetings, count(*) filter (where a.kind = 'email') as emails
        from activities a
        where a.workspace_id = ${c.ws} and a.kind in ('call', 'meeting', 'email')
          and a.occurred_at >= ${c.start} and a.occurred_at < ${c.end}
          and a.author_id is not null and ${c.seen('a.author_id')}
        group by 1
      ),
      entries as (
        select d.responsible_id as person, count(*) filter (where r.role = 'proposal') as proposals,
          count(*) filter (where r.role = 'negotiation') as negotiations
        from deal_stage_history h
        join stage_role r on r.id = h.stage_id
        join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
        where h.workspace_id = ${c.ws} and h.entered_at >= ${c.start} and h.entered_at < ${c.end}
          and d.deleted_at is null and d.responsible_id is not null and ${c.seen('d.responsible_id')}
        group by 1
      ),
      sold as (
        select d.responsible_id as person, count(*) as deals, sum(d.amount) as amount from deals d
        where d.workspace_id = ${c.ws} and d.deleted_at is null and d.closed_at >= ${c.start} and d.closed_at < ${c.end}
          and ${c.wonStage('d.stage_id')} and ${c.salesPipeline('d.pipeline_id')}
          and d.responsible_id is not null and ${c.seen('d.responsible_id')}
        group by 1
      ),
      added as (
        select x.responsible_id as person, count(*) as n from contacts x
        where x.workspace_id = ${c.ws} and x.deleted_at is null and x.created_at >= ${c.start} and x.created_at < ${c.end}
          and x.responsible_id is not null and ${c.seen('x.responsible_id')}
        group by 1
      ),
      everyone as (
        select id from listed union select person from acts union select person from entries
        union select person from sold union select person from added
      ),
      numbers as (
        select e.id, coalesce(s.deals, 0) as deals, coalesce(s.amount, 0) as revenue,
          coalesce(a.meetings, 0) as meetings, coalesce(a.calls, 0) as calls, coalesce(a.emails, 0) as emails,
          coalesce(n.proposals, 0) as proposals, coalesce(n.negotiations, 0) as negotiations,
          coalesce(x.n, 0) as contacts
        from everyone e
        left join acts a on a.person = e.id
        left join entries n on n.person = e.id
        left join sold s on s.person = e.id
        left join added x on x.person = e.id
      )
      select n.id::text as key, rank() over (order by n.deals desc) as rank, n.deals, n.revenue, n.meetings,
        n.calls, n.proposals,
        case when m.scheme is null then null else
          ${worth('call')} * n.calls + ${worth('meeting')} * n.meetings + ${worth('email')} * n.emails
          + ${worth('proposal')} * n.proposals + ${worth('negotiation')} * n.negotiations
          + ${worth('dealWon')} * n.deals + ${worth('newContact')} * n.contacts
        end as points
      from numbers n
      left join motivation_schemes m on m.workspace_id = ${c.ws}`,
    totals(rows) {
      const scheme = [...rows.values()].some((row) => row.points !== null);
      return {
        ...sums('deals', 'revenue', 'meetings', 'calls', 'proposals')(rows),
        points: scheme ? sum(rows, 'points') : null,
      };
    },
  };
}

export const expectedReports = {
  'activity-daily': activityDaily,
  'activity-weekly': activityWeekly,
  'activity-monthly': activityMonthly,
  managers,
  'deal-stages': dealStages,
  'lead-statuses': leadStatuses,
  'lead-sources': leadSources,
  funnel,
  clients,
  leaderboard,
} as const;
