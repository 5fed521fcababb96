import type { Lead } from '@voronka/domain';
import type { ViewQuery } from '../../api/types';

export const leadColumns = [
  'contactName',
  'phone',
  'email',
  'source',
  'channel',
  'status',
  'responsible',
  'createdAt',
] as const;
export type LeadColumn = (typeof leadColumns)[number];
export const leadSorts = ['createdAt', 'updatedAt', 'title'] as const;
export type LeadSort = (typeof leadSorts)[number];
/** `deleted` is applied by the server: the deleted leads are a list of their own. */
const leadFilterKeys = ['q', 'status', 'responsibleId', 'source', 'deleted'] as const;

/** What the leads table shows: a saved view's query with every part set. */
export type LeadView = {
  filters: Record<string, string>;
  sort: LeadSort;
  order: 'asc' | 'desc';
  columns: string[];
};

export const defaultLeadView: LeadView = {
  filters: {},
  sort: 'createdAt',
  order: 'desc',
  columns: ['contactName', 'phone', 'status', 'responsible', 'createdAt'],
};

/** A saved view as the leads table can use it; unknown filters, sorts and columns are dropped. */
export function normalizeLeadView(query: Partial<ViewQuery> | undefined): LeadView {
  const filters = Object.fromEntries(
    Object.entries(query?.filters ?? {}).filter(
      ([key, value]) =>
        (leadFilterKeys as readonly string[]).includes(key) && typeof value === 'string' && value !== '',
    ),
  );
  const sort = (leadSorts as readonly string[]).includes(query?.sort ?? '')
    ? (query?.sort as LeadSort)
    : 'createdAt';
  const columns = Array.isArray(query?.columns)
    ? query.columns.filter((column) => (leadColumns as readonly string[]).includes(column))
    : defaultLeadView.columns;
  return { filters, sort, order: query?.order === 'asc' ? 'asc' : 'desc', columns };
}

/**
 * The leads a view shows, filtered and sorted in the browser (the lead list is loaded whole).
 *
 * @example applyLeadView(leads, { filters: { status: 'new' }, sort: 'title', order: 'asc', columns: [] })
 */
export function applyLeadView(leads: readonly Lead[], view: LeadView): Lead[] {
  const { q, status, responsibleId, source } = view.filters;
  const needle = q?.trim().toLowerCase();
  const digits = needle?.replace(/\D/g, '') ?? '';
  // "8 912…" is how Russian numbers are often typed; they are stored as "+7912…".
  const phoneDigits = digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
  const matches = (lead: Lead) =>
    (!status || lead.status === status) &&
    (!responsibleId || lead.responsibleId === responsibleId) &&
    (!source || lead.source === source) &&
    (!needle ||
      [lead.title, lead.contactName, lead.email].some((value) => value?.toLowerCase().includes(needle)) ||
      (digits.length >= 3 && (lead.phone ?? '').includes(phoneDigits)));
  const direction = view.order === 'asc' ? 1 : -1;
  return leads
    .filter(matches)
    .sort(
      (a, b) =>
        direction *
        (view.sort === 'title'
          ? a.title.localeCompare(b.title, 'ru')
          : a[view.sort].localeCompare(b[view.sort])),
    );
}
