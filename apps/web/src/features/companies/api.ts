import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Company, CreateCompanyBody, UpdateCompanyBody } from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse, type PageResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { DuplicateGroup } from '../../api/types';

export const companyKeys = {
  all: ['companies'] as const,
  list: (q: string) => ['companies', 'list', q] as const,
  options: (q: string) => ['companies', 'options', q] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  directory: ['companies', 'directory'] as const,
  duplicates: ['companies', 'duplicates'] as const,
};

/** Companies matching `q` (name start, phone, email or INN), newest first, a page at a time. */
export function useCompanyList(q: string) {
  return useInfiniteQuery({
    queryKey: companyKeys.list(q),
    queryFn: ({ pageParam }) =>
      api.get<PageResponse<Company>>(`/companies${queryString({ q, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A few companies for a picker. */
export function useCompanyOptions(q: string) {
  return useQuery({
    queryKey: companyKeys.options(q),
    queryFn: () => api.get<PageResponse<Company>>(`/companies${queryString({ q, limit: 20 })}`),
    select: (response) => response.items,
  });
}

export function useCompany(id: string | null) {
  return useQuery({
    queryKey: companyKeys.detail(id ?? ''),
    queryFn: () => api.get<Company>(`/companies/${id}`),
    enabled: id !== null,
  });
}

/**
 * Names of the given companies, for lists and boards that hold only ids: the newest 500 come in one
 * request, any others one by one; all are cached. Unknown ones are left out.
 */
export function useCompanyNames(ids: readonly (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const directory = useQuery({
    queryKey: companyKeys.directory,
    queryFn: () => api.get<PageResponse<Company>>('/companies?limit=500'),
    staleTime: 5 * 60_000,
    enabled: unique.length > 0,
  });
  const names = new Map((directory.data?.items ?? []).map((item) => [item.id, item.name]));
  const missing = directory.data ? unique.filter((id) => !names.has(id)) : [];
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: companyKeys.detail(id),
      queryFn: () => api.get<Company>(`/companies/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  for (const result of results) if (result.data) names.set(result.data.id, result.data.name);
  return names;
}

export function useCompanyDuplicates(enabled = true) {
  return useQuery({
    enabled,
    queryKey: companyKeys.duplicates,
    queryFn: () => api.get<ListResponse<DuplicateGroup>>('/companies/duplicates'),
    select: (response) => response.items,
  });
}

function useInvalidateCompanies() {
  const queryClient = useQueryClient();
  return (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: companyKeys.all });
    if (id) void queryClient.invalidateQueries({ queryKey: ['timeline', 'company', id] });
  };
}

export function useCreateCompany() {
  const invalidate = useInvalidateCompanies();
  return useMutation({
    mutationFn: ({
      body,
      allowDuplicates,
    }: {
      body: z.input<typeof CreateCompanyBody>;
      allowDuplicates: boolean;
    }) =>
      api.post<Company>(`/companies${queryString({ allowDuplicates: allowDuplicates || undefined })}`, body),
    onSuccess: (company) => invalidate(company.id),
  });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCompanies();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateCompanyBody> }) =>
      api.patch<Company>(`/companies/${id}`, body),
    onSuccess: (company) => {
      queryClient.setQueryData(companyKeys.detail(company.id), company);
      invalidate(company.id);
    },
  });
}

export function useDeleteCompany() {
  const invalidate = useInvalidateCompanies();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/companies/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** Merges `sourceId` into `targetId`: its contacts, deals, activities and history move to the survivor. */
export function useMergeCompanies() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCompanies();
  return useMutation({
    mutationFn: ({ targetId, sourceId }: { targetId: string; sourceId: string }) =>
      api.post<Company>(`/companies/${targetId}/merge`, { sourceId }),
    onSuccess: (company) => {
      invalidate(company.id);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}
