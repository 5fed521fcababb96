import { useQuery } from '@tanstack/react-query';
import type { HistoryEntity, HistoryEntry } from '@voronka/domain';
import { api, type ListResponse } from '../../api/client';

export function historyKey(entity: HistoryEntity, recordId: string) {
  return ['history', entity, recordId] as const;
}

/** A record's change log, newest first. */
export function useHistory(entity: HistoryEntity, recordId: string) {
  return useQuery({
    queryKey: historyKey(entity, recordId),
    queryFn: () => api.get<ListResponse<HistoryEntry>>(`/history/${entity}/${recordId}`),
    select: (response) => response.items,
  });
}
