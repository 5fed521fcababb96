import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, CreateContactBody, UpdateContactBody } from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse, type PageResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { DuplicateGroup } from '../../api/types';

export const contactKeys = {
  all: ['contacts'] as const,
  list: (q: string, companyId?: string) => ['contacts', 'list', q, companyId ?? null] as const,
  options: (q: string) => ['contacts', 'options', q] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
  directory: ['contacts', 'directory'] as const,
  duplicates: ['contacts', 'duplicates'] as const,
};

/** Contacts matching `q` (name start, phone or email), newest first, a page at a time. */
export function useContactList(q: string, companyId?: string) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(q, companyId),
    queryFn: ({ pageParam }) =>
      api.get<PageResponse<Contact>>(
        `/contacts${queryString({ q, companyId, limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A few contacts for a picker. */
export function useContactOptions(q: string) {
  return useQuery({
    queryKey: contactKeys.options(q),
    queryFn: () => api.get<PageResponse<Contact>>(`/contacts${queryString({ q, limit: 20 })}`),
    select: (response) => response.items,
  });
}

export function useContact(id: string | null) {
  return useQuery({
    queryKey: contactKeys.detail(id ?? ''),
    queryFn: () => api.get<Contact>(`/contacts/${id}`),
    enabled: id !== null,
  });
}

/**
 * Names of the given contacts, for lists and boards that hold only ids: the newest 500 come in one
 * request, any others one by one; all are cached. Unknown ones are left out.
 */
export function useContactNames(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const directory = useQuery({
    queryKey: contactKeys.directory,
    queryFn: () => api.get<PageResponse<Contact>>('/contacts?limit=500'),
    staleTime: 5 * 60_000,
    enabled: unique.length > 0,
  });
  const names = new Map((directory.data?.items ?? []).map((item) => [item.id, item.name]));
  const missing = directory.data ? unique.filter((id) => !names.has(id)) : [];
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: contactKeys.detail(id),
      queryFn: () => api.get<Contact>(`/contacts/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  for (const result of results) if (result.data) names.set(result.data.id, result.data.name);
  return names;
}

export function useContactDuplicates(enabled = true) {
  return useQuery({
    enabled,
    queryKey: contactKeys.duplicates,
    queryFn: () => api.get<ListResponse<DuplicateGroup>>('/contacts/duplicates'),
    select: (response) => response.items,
  });
}

function useInvalidateContacts() {
  const queryClient = useQueryClient();
  return (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    if (id) void queryClient.invalidateQueries({ queryKey: ['timeline', 'contact', id] });
  };
}

export function useCreateContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({
      body,
      allowDuplicates,
    }: {
      body: z.input<typeof CreateContactBody>;
      allowDuplicates: boolean;
    }) =>
      api.post<Contact>(`/contacts${queryString({ allowDuplicates: allowDuplicates || undefined })}`, body),
    onSuccess: (contact) => invalidate(contact.id),
  });
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateContactBody> }) =>
      api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      invalidate(contact.id);
    },
  });
}

export function useDeleteContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/contacts/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** Merges `sourceId` into `targetId`: its deals, activities, tasks and history move to the survivor. */
export function useMergeContacts() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: ({ targetId, sourceId }: { targetId: string; sourceId: string }) =>
      api.post<Contact>(`/contacts/${targetId}/merge`, { sourceId }),
    onSuccess: (contact) => {
      invalidate(contact.id);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}
