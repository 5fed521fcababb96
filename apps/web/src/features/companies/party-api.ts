import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkRecordsBody, BulkResult } from '@voronka/domain';
import { api, type ListResponse, type OkResponse, type PageResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { DuplicateGroup } from '../../api/types';

type Party = { id: string; name: string };

type PartyApiOptions = {
  /** `/api/<path>` */
  path: 'companies' | 'contacts';
  /** The entity's name in timelines. */
  entity: 'company' | 'contact';
  /** Other lists a merge changes (links move to the survivor). */
  mergeAlsoChanges: string[];
};

/**
 * The query and mutation hooks of companies or contacts, which the server serves alike.
 *
 * @example const companies = partyApi<Company, CreateBody, UpdateBody>({ path: 'companies', … })
 */
export function partyApi<Item extends Party, CreateBody, UpdateBody>({
  path,
  entity,
  mergeAlsoChanges,
}: PartyApiOptions) {
  const keys = {
    all: [path] as const,
    list: (params: Record<string, string | undefined>) => [path, 'list', params] as const,
    options: (q: string) => [path, 'options', q] as const,
    detail: (id: string) => [path, 'detail', id] as const,
    directory: [path, 'directory'] as const,
    duplicates: [path, 'duplicates'] as const,
  };
  const one = (id: string) => api.get<Item>(`/${path}/${id}`);

  /** After a change every list is stale, and the record's timeline. */
  const useInvalidate = () => {
    const queryClient = useQueryClient();
    return (id?: string) => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      if (id) void queryClient.invalidateQueries({ queryKey: ['timeline', entity, id] });
    };
  };

  return {
    keys,

    /** Records matching `q` (and the filters), newest first, a page at a time. */
    useList(params: { q: string; deleted?: boolean } & Record<string, string | boolean | undefined>) {
      const query = Object.fromEntries(
        Object.entries(params).map(([key, value]) => [key, value === false ? undefined : value?.toString()]),
      );
      return useInfiniteQuery({
        queryKey: keys.list(query),
        queryFn: ({ pageParam }) =>
          api.get<PageResponse<Item>>(`/${path}${queryString({ ...query, limit: 50, cursor: pageParam })}`),
        initialPageParam: undefined as string | undefined,
        getNextPageParam: (page) => page.nextCursor ?? undefined,
      });
    },

    /** A few records for a picker. */
    useOptions(q: string) {
      return useQuery({
        queryKey: keys.options(q),
        queryFn: () => api.get<PageResponse<Item>>(`/${path}${queryString({ q, limit: 20 })}`),
        select: (response) => response.items,
      });
    },

    useOne(id: string | null) {
      return useQuery({
        queryKey: keys.detail(id ?? ''),
        queryFn: () => one(id ?? ''),
        enabled: id !== null,
      });
    },

    /**
     * Names of the given records, for lists and boards that hold only ids: the newest 500 come in one
     * request, any others one by one; all are cached. Unknown ones are left out.
     */
    useNames(ids: readonly (string | null)[]): Map<string, string> {
      const unique = [...new Set(ids.filter((id): id is string => id !== null))];
      const directory = useQuery({
        queryKey: keys.directory,
        queryFn: () => api.get<PageResponse<Item>>(`/${path}?limit=500`),
        staleTime: 5 * 60_000,
        enabled: unique.length > 0,
      });
      const names = new Map((directory.data?.items ?? []).map((item) => [item.id, item.name]));
      const missing = directory.data ? unique.filter((id) => !names.has(id)) : [];
      const results = useQueries({
        queries: missing.map((id) => ({
          queryKey: keys.detail(id),
          queryFn: () => one(id),
          staleTime: 5 * 60_000,
        })),
      });
      for (const result of results) if (result.data) names.set(result.data.id, result.data.name);
      return names;
    },

    useDuplicates(enabled = true) {
      return useQuery({
        enabled,
        queryKey: keys.duplicates,
        queryFn: () => api.get<ListResponse<DuplicateGroup>>(`/${path}/duplicates`),
        select: (response) => response.items,
      });
    },

    useCreate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ body, allowDuplicates }: { body: CreateBody; allowDuplicates: boolean }) =>
          api.post<Item>(`/${path}${queryString({ allowDuplicates: allowDuplicates || undefined })}`, body),
        onSuccess: (item) => invalidate(item.id),
      });
    },

    useUpdate() {
      const queryClient = useQueryClient();
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ id, body }: { id: string; body: UpdateBody }) =>
          api.patch<Item>(`/${path}/${id}`, body),
        onSuccess: (item) => {
          queryClient.setQueryData(keys.detail(item.id), item);
          invalidate(item.id);
        },
      });
    },

    useDelete() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (id: string) => api.delete<OkResponse>(`/${path}/${id}`),
        onSuccess: () => invalidate(),
      });
    },

    /** Assign, delete or restore the selected records at once: all of them, or none. */
    useBulk() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (body: BulkRecordsBody) => api.post<BulkResult>(`/${path}/bulk`, body),
        onSettled: () => invalidate(),
      });
    },

    /** Merges `sourceId` into `targetId`: what links to it, its activities and history move over. */
    useMerge() {
      const queryClient = useQueryClient();
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ targetId, sourceId }: { targetId: string; sourceId: string }) =>
          api.post<Item>(`/${path}/${targetId}/merge`, { sourceId }),
        onSuccess: (item) => {
          invalidate(item.id);
          for (const other of mergeAlsoChanges) void queryClient.invalidateQueries({ queryKey: [other] });
        },
      });
    },
  };
}
