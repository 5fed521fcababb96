import type { CashFlowFilter, EntryFilter } from './api';
import { firstDay, lastDay, monthOf } from './months';

/** What the finance page shows; kept in the address. `category` is matched in the browser. */
export type FinanceSelection = EntryFilter & {
  category: string | null;
  flow: CashFlowFilter['status'];
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The selection from the page's search parameters. By default the last six months and the next one:
 * what happened and what is planned.
 */
export function financeSelection(params: URLSearchParams, today: Date = new Date()): FinanceSelection {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const kind = params.get('kind');
  const status = params.get('status');
  const flow = params.get('flow');
  return {
    from: dayPattern.test(from) ? from : firstDay(monthOf(today, -5)),
    to: dayPattern.test(to) ? to : lastDay(monthOf(today, 1)),
    kind: kind === 'income' || kind === 'expense' ? kind : null,
    status: status === 'planned' || status === 'actual' ? status : null,
    lineOfBusiness: params.get('line') || null,
    category: params.get('category') || null,
    flow: flow === 'planned' || flow === 'all' ? flow : 'actual',
  };
}

/** The search parameters of a selection, leaving out the defaults' empty values. */
export function selectionParams(selection: FinanceSelection): Record<string, string | null> {
  return {
    from: selection.from,
    to: selection.to,
    kind: selection.kind,
    status: selection.status,
    line: selection.lineOfBusiness,
    category: selection.category,
    flow: selection.flow === 'actual' ? null : selection.flow,
  };
}
