import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateCustomFieldBody,
  CustomField,
  CustomFieldEntity,
  UpdateCustomFieldBody,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';

export const customFieldsKey = ['custom-fields'] as const;

/** Every custom field of the workspace, in order. */
export function useCustomFields() {
  return useQuery({
    queryKey: customFieldsKey,
    queryFn: () => api.get<ListResponse<CustomField>>('/custom-fields'),
    select: (response) => [...response.items].sort((a, b) => a.position - b.position),
    staleTime: 5 * 60_000,
  });
}

/** The custom fields of one kind of record; empty while loading or when the server has none. */
export function useEntityCustomFields(entity: CustomFieldEntity): CustomField[] {
  const fields = useCustomFields();
  return (fields.data ?? []).filter((field) => field.entity === entity);
}

function useInvalidateCustomFields() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: customFieldsKey });
}

export function useCreateCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCustomFieldBody>) =>
      api.post<CustomField>('/custom-fields', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateCustomFieldBody> }) =>
      api.patch<CustomField>(`/custom-fields/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/custom-fields/${id}`),
    onSuccess: invalidate,
  });
}
