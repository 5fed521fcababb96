import { describe, expect, it } from 'vitest';
import { reportParams, selectionFromParams, takesFilter } from './report-query';

const today = new Date(2026, 10, 29);

describe('report selection', () => {
  it('reads every filter from the address and defaults the rest', () => {
    const selection = selectionFromParams(
      new URLSearchParams('report=funnel&region=Москва&source=website&departmentId=d1'),
      today,
    );
    expect(selection).toEqual({
      report: 'funnel',
      from: '2026-11-01',
      to: '2026-11-30',
      managerId: null,
      departmentId: 'd1',
      pipelineId: null,
      source: 'website',
      productId: null,
      region: 'Москва',
    });
  });

  it('sends only the filters the report takes', () => {
    const selection = selectionFromParams(
      new URLSearchParams('report=activity-daily&managerId=u1&region=Москва&productId=p1'),
      today,
    );
    expect(reportParams(selection)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      managerId: 'u1',
      departmentId: null,
    });
    expect(reportParams({ ...selection, report: 'deal-stages' })).toMatchObject({
      managerId: 'u1',
      productId: 'p1',
      region: 'Москва',
    });
  });

  it('filters lead reports by region and source but not by product, and the client base by region', () => {
    expect(takesFilter('lead-sources', 'region')).toBe(true);
    expect(takesFilter('lead-sources', 'productId')).toBe(false);
    expect(takesFilter('clients', 'region')).toBe(true);
    expect(takesFilter('clients', 'source')).toBe(false);
    expect(takesFilter('leaderboard', 'region')).toBe(false);
  });
});
