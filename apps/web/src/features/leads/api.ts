import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkRecordsBody,
  BulkResult,
  ConvertLeadBody,
  CreateLeadBody,
  Lead,
  UpdateLeadBody,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import type { ConvertedLead, RefusalReason } from '../../api/types';

export const leadKeys = {
  all: ['leads'] as const,
  list: (deleted: boolean) => ['leads', 'list', deleted] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
};

/** Live leads, or with `deleted` the deleted ones (to restore them). */
export function useLeads(deleted = false) {
  return useQuery({
    queryKey: leadKeys.list(deleted),
    // The list is filtered and sorted in the browser, so it loads as many as the server gives.
    queryFn: () => api.get<ListResponse<Lead>>(`/leads?limit=500${deleted ? '&deleted=true' : ''}`),
    select: (response) => response.items,
  });
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: () => api.get<Lead>(`/leads/${id}`) });
}

/** The reasons the signed-in user's role may give for a refusal; an empty list allows any text. */
export function useRefusalReasons() {
  return useQuery({
    queryKey: ['refusal-reasons'],
    queryFn: () => api.get<ListResponse<RefusalReason>>('/refusal-reasons'),
    select: (response) => response.items,
    staleTime: 5 * 60_000,
  });
}

/** After any change the lead lists, the lead itself and its history are stale. */
function useInvalidateLead() {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['history', 'lead', id] });
  };
}

export function useCreateLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: (body: CreateLeadBody) => api.post<Lead>('/leads', body),
    onSuccess: (lead) => invalidate(lead.id),
  });
}

export function useUpdateLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateLeadBody }) => api.patch<Lead>(`/leads/${id}`, body),
    onSuccess: (lead) => invalidate(lead.id),
  });
}

export function useDeleteLead() {
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/leads/${id}`),
    onSuccess: (_result, id) => invalidate(id),
  });
}

/** Assign, delete or restore the selected leads at once: all of them, or none. */
export function useBulkLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRecordsBody) => api.post<BulkResult>('/leads/bulk', body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });
}

/** Turns the lead into a contact, a company (new, existing or none) and a deal, in one step. */
export function useConvertLead() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateLead();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof ConvertLeadBody> }) =>
      api.post<ConvertedLead>(`/leads/${id}/convert`, body),
    onSuccess: (result) => {
      invalidate(result.lead.id);
      for (const key of ['deals', 'contacts', 'companies'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
