import { describe, expect, it } from 'vitest';
import { dealListParams, defaultDealView, normalizeDealView } from './deal-view';

describe('deal views', () => {
  it('keeps known filters, sorts and columns and drops the rest', () => {
    expect(
      normalizeDealView({
        filters: { open: 'true', colour: 'red', minAmount: '' },
        sort: 'probability',
        order: 'asc',
        columns: ['amount', 'colour', 'stage'],
      }),
    ).toEqual({ filters: { open: 'true' }, sort: 'updatedAt', order: 'asc', columns: ['amount', 'stage'] });
  });

  it('falls back to the default columns when a view has none listed', () => {
    expect(normalizeDealView(undefined)).toEqual(defaultDealView);
  });

  it('turns a view into request parameters of one pipeline', () => {
    expect(
      dealListParams('p1', { filters: { noNextStep: 'true' }, sort: 'amount', order: 'desc', columns: [] }),
    ).toEqual({ pipelineId: 'p1', noNextStep: 'true', sort: 'amount', order: 'desc' });
  });
});
