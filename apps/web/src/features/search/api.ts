import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { SearchHit } from '../../api/types';

/** Leads, contacts, companies and deals by name, phone (any spelling), email or INN. */
export function useSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<ListResponse<SearchHit>>(`/search${queryString({ q, perKind: 6 })}`),
    select: (response) => response.items,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
