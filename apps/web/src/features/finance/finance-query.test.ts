import { describe, expect, it } from 'vitest';
import { financeSelection, selectionParams } from './finance-query';

describe('finance selection', () => {
  it('defaults to the last six months and the next one, actual cash flow, no filters', () => {
    expect(financeSelection(new URLSearchParams(), new Date(2026, 10, 29))).toEqual({
      from: '2026-06-01',
      to: '2026-12-31',
      kind: null,
      status: null,
      lineOfBusiness: null,
      category: null,
      flow: 'actual',
    });
  });

  it('keeps valid choices, drops malformed ones and writes them back', () => {
    const selection = financeSelection(
      new URLSearchParams('from=2026-01-01&to=bad&kind=gift&status=planned&line=Окна&category=ФОТ&flow=all'),
      new Date(2026, 10, 29),
    );
    expect(selection).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      kind: null,
      status: 'planned',
      lineOfBusiness: 'Окна',
      category: 'ФОТ',
      flow: 'all',
    });
    expect(selectionParams(selection)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      kind: null,
      status: 'planned',
      line: 'Окна',
      category: 'ФОТ',
      flow: 'all',
    });
  });
});
