import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Pipeline, SavePipelineBody } from '@voronka/domain';
import { api, type ListResponse, type OkResponse } from '../../api/client';

export const pipelineKeys = {
  all: ['pipelines'] as const,
};

/** Every pipeline with its stages in order; they change rarely. */
export function usePipelines() {
  return useQuery({
    queryKey: pipelineKeys.all,
    queryFn: () => api.get<ListResponse<Pipeline>>('/pipelines'),
    select: (response) => response.items,
    staleTime: 5 * 60_000,
  });
}

/** Puts the saved pipeline into the cached list at once, then reloads everything that shows stages. */
function useInvalidatePipelines() {
  const queryClient = useQueryClient();
  return (saved?: Pipeline) => {
    if (saved) {
      queryClient.setQueryData<ListResponse<Pipeline>>(pipelineKeys.all, (list) =>
        list
          ? {
              items: list.items.some((item) => item.id === saved.id)
                ? list.items.map((item) => (item.id === saved.id ? saved : item))
                : [...list.items, saved],
            }
          : list,
      );
    }
    void queryClient.invalidateQueries({ queryKey: pipelineKeys.all });
    // Stage names and gates show on the board and in deal cards.
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
  };
}

export function useCreatePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (body: SavePipelineBody) => api.post<Pipeline>('/pipelines', body),
    onSuccess: (saved) => invalidate(saved),
  });
}

export function useSavePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SavePipelineBody }) =>
      api.put<Pipeline>(`/pipelines/${id}`, body),
    onSuccess: (saved) => invalidate(saved),
  });
}

export function useDeletePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/pipelines/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** The printable one-page regulation, rendered by the server as HTML. */
export function regulationUrl(pipelineId: string, locale: 'ru' | 'en'): string {
  return `/api/pipelines/${pipelineId}/regulation?locale=${locale}`;
}
