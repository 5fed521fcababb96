import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { escapeHtml, type UpdateWebFormInput, type WebForm, type WebFormInput } from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';

export const webFormsKey = ['web-forms'] as const;

export type WebFormBody = z.input<typeof WebFormInput>;

export function useWebForms(enabled = true) {
  return useQuery({
    queryKey: webFormsKey,
    enabled,
    queryFn: () => api.get<ListResponse<WebForm>>('/web-forms'),
    select: (response) => response.items,
  });
}

export function useCreateWebForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebFormBody) => api.post<WebForm>('/web-forms', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webFormsKey }),
  });
}

export function useUpdateWebForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateWebFormInput> & { id: string }) =>
      api.patch<WebForm>(`/web-forms/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webFormsKey }),
  });
}

export function useDeleteWebForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/web-forms/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webFormsKey }),
  });
}

/** Where a form's page lives, and the code a website pastes to show it. */
export function formAddress(form: Pick<WebForm, 'publicKey'>, origin = window.location.origin): string {
  return `${origin}/f/${form.publicKey}`;
}

export function embedCode(
  form: Pick<WebForm, 'publicKey' | 'name'>,
  origin = window.location.origin,
): string {
  return `<iframe src="${formAddress(form, origin)}" title="${escapeHtml(form.name)}" style="width:100%;max-width:460px;height:520px;border:0"></iframe>`;
}
