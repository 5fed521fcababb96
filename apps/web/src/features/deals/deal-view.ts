import type { ViewQuery } from '../../api/types';

/** What the deals table shows: a saved view's query with every part set. */
export type DealView = {
  filters: Record<string, string>;
  sort: DealSort;
  order: 'asc' | 'desc';
  columns: string[];
};

/** Columns the deals table can show, in their order; the title is always shown. */
export const dealColumns = [
  'stage',
  'amount',
  'company',
  'contact',
  'responsible',
  'expectedCloseDate',
  'probability',
  'source',
  'nextStep',
  'createdAt',
  'updatedAt',
] as const;
export type DealColumn = (typeof dealColumns)[number];

export const dealSorts = ['updatedAt', 'createdAt', 'amount', 'title'] as const;
export type DealSort = (typeof dealSorts)[number];

/** The filters a deals view understands; each maps to a query parameter of `GET /api/deals`. */
export const dealFilterKeys = [
  'q',
  'responsibleId',
  'stageId',
  'minAmount',
  'maxAmount',
  'open',
  'noNextStep',
  'deleted',
] as const;

export const defaultDealView: DealView = {
  filters: {},
  sort: 'updatedAt',
  order: 'desc',
  columns: ['stage', 'amount', 'company', 'responsible', 'expectedCloseDate', 'nextStep', 'updatedAt'],
};

/**
 * A saved view as the table can use it: unknown filters, sorts and columns (from an older version,
 * or another list) are dropped rather than sent to the server.
 *
 * @example normalizeDealView({ filters: { open: 'true', colour: 'red' }, sort: 'x', order: 'asc', columns: [] })
 * // { filters: { open: 'true' }, sort: 'updatedAt', order: 'asc', columns: [] }
 */
export function normalizeDealView(query: Partial<ViewQuery> | undefined): DealView {
  const filters = Object.fromEntries(
    Object.entries(query?.filters ?? {}).filter(
      ([key, value]) =>
        (dealFilterKeys as readonly string[]).includes(key) && typeof value === 'string' && value !== '',
    ),
  );
  const sort = (dealSorts as readonly string[]).includes(query?.sort ?? '')
    ? (query?.sort as DealSort)
    : 'updatedAt';
  const order = query?.order === 'asc' ? 'asc' : 'desc';
  const columns = Array.isArray(query?.columns)
    ? query.columns.filter((column) => (dealColumns as readonly string[]).includes(column))
    : defaultDealView.columns;
  return { filters, sort, order, columns };
}

/** The request parameters of a view within one pipeline. */
export function dealListParams(pipelineId: string, view: DealView): Record<string, string> {
  return { pipelineId, ...view.filters, sort: view.sort, order: view.order };
}
