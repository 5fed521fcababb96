import type { Plan, Role } from '@voronka/domain';
import { thisMonth } from '../reports/report-query';

/** Which start page a role gets: what that person runs their day by. */
export type DashboardKind = 'manager' | 'head' | 'owner' | 'curator' | 'tasks';

const kinds: Record<Role, DashboardKind> = {
  owner: 'owner',
  admin: 'owner',
  accountant: 'owner',
  head_of_sales: 'head',
  manager: 'manager',
  curator: 'curator',
  hr: 'tasks',
  employee: 'tasks',
};

/**
 * The start page of a role: a manager's own plan, points and follow-ups; the head's department; the
 * owner's (and the admin's and accountant's) money; the curator's data to fix; everyone else's tasks.
 *
 * @example dashboardFor('head_of_sales') // "head"
 */
export function dashboardFor(role: Role): DashboardKind {
  return kinds[role];
}

/** Whether a page lets the reader narrow the numbers to one of the people they see. */
export function hasManagerFilter(kind: DashboardKind): boolean {
  return kind === 'head' || kind === 'curator';
}

/** What the widgets are about; kept in the address (`?from=&to=&managerId=&margin=`). */
export type DashboardFilters = {
  from: string;
  to: string;
  managerId: string | null;
  /** The owner's margin rate in percent, typed: margin and break-even need it. */
  margin: number | null;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters from the page's search parameters; a missing or malformed period is the current month.
 *
 * @example filtersFromParams(new URLSearchParams('margin=50'), new Date(2026, 10, 29))
 * // { from: '2026-11-01', to: '2026-11-30', managerId: null, margin: 50 }
 */
export function filtersFromParams(params: URLSearchParams, today: Date = new Date()): DashboardFilters {
  const month = thisMonth(today);
  const from = params.get('from');
  const to = params.get('to');
  const margin = Number(params.get('margin'));
  return {
    from: from && dayPattern.test(from) ? from : month.from,
    to: to && dayPattern.test(to) ? to : month.to,
    managerId: params.get('managerId') || null,
    margin: Number.isFinite(margin) && margin > 0 && margin <= 100 ? margin : null,
  };
}

/** The last day of the month before the one `day` is in. */
function endOfPreviousMonth(day: string): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, 0));
  return date.toISOString().slice(0, 10);
}

/**
 * The months whose expenses make the break-even's average month: the period's complete months. The month
 * under way has only the costs paid so far (on the 1st, the rent without the payroll), so it would pull the
 * average down; a period inside it takes the last complete month instead.
 *
 * @example costMonths('2026-10-01', '2026-12-31', '2026-12-01') // { from: '2026-10-01', to: '2026-11-30' }
 */
export function costMonths(from: string, to: string, today: string): { from: string; to: string } {
  const lastComplete = endOfPreviousMonth(today);
  if (to <= lastComplete) return { from, to };
  if (from <= lastComplete) return { from, to: lastComplete };
  return { from: `${lastComplete.slice(0, 8)}01`, to: lastComplete };
}

/**
 * The average month of revenue that break-even is held against: over the same complete months as its
 * costs, so that neither a month without sales in the CRM before the period's first full month nor the
 * first days of the month under way pull it down. A period inside the month under way has no complete
 * month: its revenue so far is the month's.
 *
 * @example averageMonthRevenue([{ month: '2026-11', revenue: 300 }, { month: '2026-12', revenue: 10 }],
 *   { from: '2026-10-01', to: '2026-11-30' }) // { revenue: 300, complete: true }
 */
export function averageMonthRevenue(
  months: readonly { month: string; revenue: number }[],
  costs: { from: string; to: string },
): { revenue: number; complete: boolean } | null {
  const complete = months.filter(
    (row) => row.month >= costs.from.slice(0, 7) && row.month <= costs.to.slice(0, 7),
  );
  const counted = complete.length > 0 ? complete : months;
  if (counted.length === 0) return null;
  const revenue = counted.reduce((sum, row) => sum + row.revenue, 0) / counted.length;
  return { revenue, complete: complete.length > 0 };
}

/** The day numbers are counted up to: today, or the period's last day when it is over. */
export function asOfDay(filters: DashboardFilters, today: string): string {
  return filters.to < today ? filters.to : today;
}

/**
 * The plan for the period: the one whose days overlap it the most; on a tie the shorter plan (it is
 * about this period), then the later one. Null when no plan touches the period.
 *
 * @example planForPeriod(plans, '2026-11-01', '2026-11-30') // November's plan, not the year's
 */
export function planForPeriod<P extends Pick<Plan, 'from' | 'to'>>(
  plans: readonly P[],
  from: string,
  to: string,
): P | null {
  const day = 86_400_000;
  const overlap = (plan: P) => {
    const start = Math.max(Date.parse(plan.from), Date.parse(from));
    const end = Math.min(Date.parse(plan.to), Date.parse(to));
    return end < start ? 0 : (end - start) / day + 1;
  };
  const length = (plan: P) => Date.parse(plan.to) - Date.parse(plan.from);
  const better = (plan: P, than: P) => {
    if (overlap(plan) !== overlap(than)) return overlap(plan) > overlap(than);
    if (length(plan) !== length(than)) return length(plan) < length(than);
    return plan.from > than.from;
  };
  let best: P | null = null;
  for (const plan of plans) {
    if (overlap(plan) > 0 && (!best || better(plan, best))) best = plan;
  }
  return best;
}
