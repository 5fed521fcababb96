import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDealBody, Deal, UpdateDealBody } from '@voronka/domain';
import type { z } from 'zod';
import { ApiError, api, type ListResponse, type OkResponse, type PageResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { DealBoard, DealProduct, StageVisit } from '../../api/types';
import { moveOnBoard } from './board-move';

export const dealKeys = {
  all: ['deals'] as const,
  board: (pipelineId: string) => ['deals', 'board', pipelineId] as const,
  list: (params: Record<string, string>) => ['deals', 'list', params] as const,
  detail: (id: string) => ['deals', 'detail', id] as const,
  products: (id: string) => ['deals', 'products', id] as const,
  stages: (id: string) => ['deals', 'stages', id] as const,
};

export function useDealBoard(pipelineId: string | null) {
  return useQuery({
    queryKey: dealKeys.board(pipelineId ?? ''),
    queryFn: () => api.get<DealBoard>(`/deals/board${queryString({ pipelineId, perStage: 50 })}`),
    enabled: pipelineId !== null,
  });
}

/** Deals by filters and sort, a page at a time ("load more"). */
export function useDealList(params: Record<string, string>, enabled = true) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(params),
    queryFn: ({ pageParam }) =>
      api.get<PageResponse<Deal>>(`/deals${queryString({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

const dealIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useDeal(id: string, enabled = true) {
  return useQuery({
    queryKey: dealKeys.detail(id),
    // An address like /deals/board is no deal, and would reach the API's board route of that name.
    queryFn: () =>
      dealIdPattern.test(id)
        ? api.get<Deal>(`/deals/${id}`)
        : Promise.reject(new ApiError(404, 'not_found', `No deal ${id}`)),
    enabled,
  });
}

export function useDealProducts(id: string) {
  return useQuery({
    queryKey: dealKeys.products(id),
    queryFn: () => api.get<ListResponse<DealProduct>>(`/deals/${id}/products`),
    select: (response) => response.items,
  });
}

export function useDealStages(id: string) {
  return useQuery({
    queryKey: dealKeys.stages(id),
    queryFn: () => api.get<ListResponse<StageVisit>>(`/deals/${id}/stages`),
    select: (response) => response.items,
  });
}

/** After a change: every list and board, the deal itself, its timeline and history are stale. */
export function useInvalidateDeal() {
  const queryClient = useQueryClient();
  return (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: dealKeys.all });
    if (id) {
      void queryClient.invalidateQueries({ queryKey: ['timeline', 'deal', id] });
      void queryClient.invalidateQueries({ queryKey: ['history', 'deal', id] });
    }
  };
}

export function useCreateDeal() {
  const invalidate = useInvalidateDeal();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateDealBody>) => api.post<Deal>('/deals', body),
    onSuccess: (deal) => invalidate(deal.id),
  });
}

export function useUpdateDeal() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDeal();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateDealBody> }) =>
      api.patch<Deal>(`/deals/${id}`, body),
    onSuccess: (deal) => {
      queryClient.setQueryData(dealKeys.detail(deal.id), deal);
      invalidate(deal.id);
    },
  });
}

export function useDeleteDeal() {
  const invalidate = useInvalidateDeal();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/deals/${id}`),
    onSuccess: (_result, id) => invalidate(id),
  });
}

/** A move to another stage: through the gate, or closing as won or lost. */
export type StageChange =
  | { kind: 'move'; deal: Deal; stageId: string; overrideComment?: string }
  | { kind: 'win'; deal: Deal; stageId: string; overrideComment?: string }
  | { kind: 'lose'; deal: Deal; stageId: string; reason: string };

function sendStageChange(change: StageChange): Promise<Deal> {
  const { id } = change.deal;
  switch (change.kind) {
    case 'move':
      return api.post<Deal>(`/deals/${id}/move`, {
        stageId: change.stageId,
        overrideComment: change.overrideComment,
      });
    case 'win':
      return api.post<Deal>(`/deals/${id}/win`, { overrideComment: change.overrideComment });
    case 'lose':
      return api.post<Deal>(`/deals/${id}/lose`, { reason: change.reason });
  }
}

/**
 * Moves a deal, showing it in the new column at once; a refusal (such as a closed stage gate) puts
 * the board back as it was, so the card snaps back to where it came from.
 */
export function useChangeStage() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDeal();
  return useMutation({
    mutationFn: sendStageChange,
    onMutate: async (change) => {
      const key = dealKeys.board(change.deal.pipelineId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<DealBoard>(key);
      if (previous) queryClient.setQueryData(key, moveOnBoard(previous, change.deal.id, change.stageId));
      return { previous };
    },
    onError: (_error, change, result) => {
      if (result?.previous) queryClient.setQueryData(dealKeys.board(change.deal.pipelineId), result.previous);
    },
    onSuccess: (deal) => queryClient.setQueryData(dealKeys.detail(deal.id), deal),
    onSettled: (_deal, _error, change) => invalidate(change.deal.id),
  });
}

export type BulkAction =
  | { action: 'assign'; responsibleId: string }
  | { action: 'move'; stageId: string }
  | { action: 'delete' }
  | { action: 'restore' };

export function useBulkDeals() {
  const invalidate = useInvalidateDeal();
  return useMutation({
    mutationFn: (body: BulkAction & { ids: string[] }) => api.post<{ updated: number }>('/deals/bulk', body),
    onSettled: () => invalidate(),
  });
}
