import { type Fragment, q } from './statement';

/**
 * Finance (`/api/finance/…`), from `finance_entries`, written from the reports' README ("Planning,
 * motivation, finance") and domain.md §4, not from finance.service.ts. Finance is the company's: the
 * owner, an admin or an accountant sees all of it, nobody else any, so there is no visibility here.
 * Days are calendar days (`occurred_on`); months are the calendar months the period touches.
 */

/** The months `from..to` touches, as YYYY-MM. */
const monthsOf = (from: string, to: string) => q`
  select to_char(m, 'YYYY-MM') as month
  from generate_series(date_trunc('month', ${from}::date::timestamp), ${to}::date::timestamp, interval '1 month') m`;

/**
 * Cash flow of actual entries (the endpoint's default status): `opening` = income − expense of every
 * entry before `from`; `month~YYYY-MM` = the month's income, expense, net and the balance at its end
 * (opening + every net so far); `line~<line of business>` and `category~<kind>~<category>` = the
 * period's totals. `-` stands for no line of business.
 */
export function cashFlow(workspaceId: string, from: string, to: string): Fragment {
  return q`with entries as (
      select f.kind, f.amount, f.occurred_on, f.category, f.line_of_business from finance_entries f
      where f.workspace_id = ${workspaceId}::uuid and f.status = 'actual'
    ),
    opening as (
      select coalesce(sum(case when e.kind = 'income' then e.amount else -e.amount end), 0) as balance
      from entries e where e.occurred_on < ${from}::date
    ),
    in_period as (select e.* from entries e where e.occurred_on between ${from}::date and ${to}::date),
    monthly as (
      select m.month, coalesce(sum(p.amount) filter (where p.kind = 'income'), 0) as income,
        coalesce(sum(p.amount) filter (where p.kind = 'expense'), 0) as expense
      from (${monthsOf(from, to)}) m left join in_period p on to_char(p.occurred_on, 'YYYY-MM') = m.month
      group by m.month
    )
    select 'opening' as key, o.balance, null::numeric as income, null::numeric as expense, null::numeric as net,
      null::numeric as amount
    from opening o
    union all
    select 'month~' || m.month, o.balance + sum(m.income - m.expense) over (order by m.month), m.income, m.expense,
      m.income - m.expense, null
    from monthly m cross join opening o
    union all
    select 'line~' || coalesce(p.line_of_business, '-'), null,
      coalesce(sum(p.amount) filter (where p.kind = 'income'), 0),
      coalesce(sum(p.amount) filter (where p.kind = 'expense'), 0),
      coalesce(sum(case when p.kind = 'income' then p.amount else -p.amount end), 0), null
    from in_period p group by p.line_of_business
    union all
    select 'category~' || p.kind || '~' || p.category, null, null, null, null, sum(p.amount)
    from in_period p group by p.kind, p.category`;
}

/**
 * Debts to creditors as of a day: planned (not yet paid) expenses per counterparty (`-` for none):
 * what is owed, the part dated before `asOf` (overdue), how many entries, and the first date due from
 * `asOf` on (as days since 1970-01-01); `total` = the same sums over everyone.
 */
export function debts(workspaceId: string, asOf: string): Fragment {
  return q`with owed as (
      select f.counterparty, f.amount, f.occurred_on from finance_entries f
      where f.workspace_id = ${workspaceId}::uuid and f.kind = 'expense' and f.status = 'planned'
    )
    select 'counterparty~' || coalesce(o.counterparty, '-') as key, sum(o.amount) as amount,
      coalesce(sum(o.amount) filter (where o.occurred_on < ${asOf}::date), 0) as overdue, count(*) as entries,
      min(o.occurred_on) filter (where o.occurred_on >= ${asOf}::date) - date '1970-01-01' as "nextDue"
    from owed o group by o.counterparty
    union all
    select 'total', coalesce(sum(o.amount), 0), coalesce(sum(o.amount) filter (where o.occurred_on < ${asOf}::date), 0),
      null, null
    from owed o`;
}

/**
 * Break-even with the fixed costs measured: the average month of actual expenses over `from..to` not
 * booked against a deal (a purchase for a deal is that sale's own cost, kopecks), and the revenue at
 * which a margin of `marginRate` covers them (fixed ÷ rate, kopecks).
 */
export function breakEven(workspaceId: string, from: string, to: string, marginRate: number): Fragment {
  return q`with fixed as (
      select round(coalesce(sum(f.amount), 0) / (select count(*) from (${monthsOf(from, to)}) m), 2) as costs
      from finance_entries f
      where f.workspace_id = ${workspaceId}::uuid and f.kind = 'expense' and f.status = 'actual' and f.deal_id is null
        and f.occurred_on between ${from}::date and ${to}::date
    )
    select 'break-even' as key, x.costs as "fixedCosts", 1 as "fixedCostsMeasured",
      ${marginRate}::numeric as "marginRate", round(x.costs / ${marginRate}::numeric, 2) as revenue
    from fixed x`;
}

/**
 * Break-even with the margin measured too: per deal, its actual income in the period and its actual
 * purchases on any day; deals with both count. Rounded as the API rounds: the rate to four places.
 */
export function breakEvenMeasured(workspaceId: string, from: string, to: string): Fragment {
  return q`with fixed as (
      select round(coalesce(sum(f.amount), 0) / (select count(*) from (${monthsOf(from, to)}) m), 2) as costs
      from finance_entries f
      where f.workspace_id = ${workspaceId}::uuid and f.kind = 'expense' and f.status = 'actual' and f.deal_id is null
        and f.occurred_on between ${from}::date and ${to}::date
    ),
    per_deal as (
      select sum(f.amount) filter (where f.kind = 'income' and f.occurred_on between ${from}::date and ${to}::date) as income,
        sum(f.amount) filter (where f.kind = 'expense') as costs
      from finance_entries f
      where f.workspace_id = ${workspaceId}::uuid and f.status = 'actual' and f.deal_id is not null
      group by f.deal_id
    ),
    rate as (
      select round((sum(income) - sum(costs)) / sum(income), 4) as margin
      from per_deal where income is not null and costs is not null
    )
    select 'break-even' as key, x.costs as "fixedCosts", 1 as "fixedCostsMeasured",
      r.margin as "marginRate", round(x.costs / r.margin, 2) as revenue
    from fixed x, rate r`;
}
