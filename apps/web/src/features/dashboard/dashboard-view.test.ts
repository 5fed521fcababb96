import { describe, expect, it } from 'vitest';
import {
  asOfDay,
  averageMonthRevenue,
  costMonths,
  dashboardFor,
  filtersFromParams,
  hasManagerFilter,
  planForPeriod,
} from './dashboard-view';

describe('dashboardFor', () => {
  it('gives each role the start page it works from', () => {
    expect(dashboardFor('manager')).toBe('manager');
    expect(dashboardFor('head_of_sales')).toBe('head');
    expect(dashboardFor('owner')).toBe('owner');
    expect(dashboardFor('admin')).toBe('owner');
    expect(dashboardFor('accountant')).toBe('owner');
    expect(dashboardFor('curator')).toBe('curator');
    expect(dashboardFor('employee')).toBe('tasks');
    expect(hasManagerFilter('head')).toBe(true);
    expect(hasManagerFilter('manager')).toBe(false);
  });
});

describe('filtersFromParams', () => {
  const today = new Date(2026, 10, 29);
  it('falls back to the current month and drops what does not parse', () => {
    expect(filtersFromParams(new URLSearchParams(''), today)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      managerId: null,
      margin: null,
    });
    expect(filtersFromParams(new URLSearchParams('from=nov&margin=150&managerId='), today)).toMatchObject({
      from: '2026-11-01',
      managerId: null,
      margin: null,
    });
  });

  it('keeps a chosen period, manager and margin', () => {
    const params = new URLSearchParams('from=2026-09-01&to=2026-11-30&managerId=abc&margin=37.5');
    expect(filtersFromParams(params, today)).toEqual({
      from: '2026-09-01',
      to: '2026-11-30',
      managerId: 'abc',
      margin: 37.5,
    });
  });

  it('counts up to today, or to the end of a period that is over', () => {
    const filters = filtersFromParams(new URLSearchParams('from=2026-10-01&to=2026-10-31'), today);
    expect(asOfDay(filters, '2026-11-29')).toBe('2026-10-31');
    expect(asOfDay(filtersFromParams(new URLSearchParams(''), today), '2026-11-29')).toBe('2026-11-29');
  });
});

describe('planForPeriod', () => {
  const year = { name: 'year', from: '2026-01-01', to: '2026-12-31' };
  const november = { name: 'november', from: '2026-11-01', to: '2026-11-30' };
  const lateNovember = { name: 'late', from: '2026-11-16', to: '2026-12-15' };

  it('picks the plan that covers most of the period, the shorter one on a tie', () => {
    expect(planForPeriod([year, november, lateNovember], '2026-11-01', '2026-11-30')?.name).toBe('november');
    expect(planForPeriod([year, november], '2026-10-01', '2026-11-30')?.name).toBe('year');
    expect(planForPeriod([november, lateNovember], '2026-11-01', '2026-11-30')?.name).toBe('november');
    expect(planForPeriod([november, lateNovember], '2026-11-20', '2026-12-31')?.name).toBe('late');
  });

  it('prefers the later of two plans alike and gives none when nothing overlaps', () => {
    const a = { name: 'a', from: '2026-11-01', to: '2026-11-10' };
    const b = { name: 'b', from: '2026-11-11', to: '2026-11-20' };
    expect(planForPeriod([a, b], '2026-11-06', '2026-11-15')?.name).toBe('b');
    expect(planForPeriod([november], '2026-12-01', '2026-12-31')).toBeNull();
  });
});

describe('costMonths', () => {
  it('keeps a period that is over', () => {
    expect(costMonths('2026-08-01', '2026-10-31', '2026-12-01')).toEqual({
      from: '2026-08-01',
      to: '2026-10-31',
    });
  });

  it('leaves out the month under way', () => {
    expect(costMonths('2026-10-01', '2026-12-31', '2026-12-01')).toEqual({
      from: '2026-10-01',
      to: '2026-11-30',
    });
    expect(costMonths('2026-10-01', '2026-12-15', '2026-12-20')).toEqual({
      from: '2026-10-01',
      to: '2026-11-30',
    });
  });

  it('takes the last complete month for a period inside the month under way, across a new year too', () => {
    expect(costMonths('2026-12-01', '2026-12-31', '2026-12-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(costMonths('2027-01-01', '2027-01-31', '2027-01-15')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });
});

describe('averageMonthRevenue', () => {
  const months = [
    { month: '2026-10', revenue: 0 },
    { month: '2026-11', revenue: 343_735 },
    { month: '2026-12', revenue: 12_000 },
  ];

  it('averages the complete months the costs are taken from, not the month under way', () => {
    // October had no sales in the CRM yet, December has one day: (0 + 343 735) / 2.
    expect(averageMonthRevenue(months, { from: '2026-10-01', to: '2026-11-30' })).toEqual({
      revenue: 171_867.5,
      complete: true,
    });
  });

  it('takes the month so far when the period has no complete month', () => {
    // The current month alone: its costs come from November, which is not in the table.
    expect(averageMonthRevenue(months.slice(2), { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      revenue: 12_000,
      complete: false,
    });
    expect(averageMonthRevenue([], { from: '2026-11-01', to: '2026-11-30' })).toBeNull();
  });
});
