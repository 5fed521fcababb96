import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import type { SavedView, ViewQuery } from '../../api/types';

export type ViewEntity = 'deal' | 'lead';

const viewsKey = (entity: ViewEntity) => ['views', entity] as const;

/** The caller's own views of a list and those shared with the workspace. */
export function useSavedViews(entity: ViewEntity) {
  return useQuery({
    queryKey: viewsKey(entity),
    queryFn: () => api.get<ListResponse<SavedView>>(`/views?entity=${entity}`),
    select: (response) => response.items,
  });
}

export function useSaveView(entity: ViewEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; query: ViewQuery }) =>
      api.post<SavedView>('/views', { entity, ...body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsKey(entity) }),
  });
}

export function useDeleteView(entity: ViewEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/views/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewsKey(entity) }),
  });
}
