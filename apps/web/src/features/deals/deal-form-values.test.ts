import type { Deal } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { dealChanges, dealToValues } from './deal-form-values';

const deal: Deal = {
  id: 'd1',
  title: 'Стеллажи',
  pipelineId: 'p',
  stageId: 's',
  amount: 0,
  currency: 'RUB',
  probability: 10,
  expectedCloseDate: null,
  responsibleId: 'u1',
  contactId: null,
  companyId: 'c1',
  contactName: null,
  companyName: 'ООО «Стеллаж»',
  leadId: null,
  sourceDealId: null,
  source: null,
  lostReason: null,
  closedAt: null,
  stageEnteredAt: '2026-01-01T00:00:00Z',
  custom: { budget: 5 },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  noNextStep: true,
};

describe('deal form', () => {
  it('sends nothing when nothing changed', () => {
    expect(dealChanges(deal, dealToValues(deal), false)).toEqual({});
  });

  it('sends the changed fields, blanks as null', () => {
    const values = {
      ...dealToValues(deal),
      amount: 40_000,
      expectedCloseDate: '2026-12-31',
      probability: '' as const,
    };
    expect(dealChanges(deal, values, false)).toEqual({
      amount: 40_000,
      expectedCloseDate: '2026-12-31',
      probability: null,
    });
  });

  it('leaves the amount to the product lines', () => {
    expect(dealChanges(deal, { ...dealToValues(deal), amount: 1 }, true)).toEqual({});
  });

  it('sends the whole custom object with the changed values', () => {
    const values = { ...dealToValues(deal), custom: { budget: 5, region: 'Урал' } };
    expect(dealChanges(deal, values, false)).toEqual({ custom: { budget: 5, region: 'Урал' } });
  });
});
