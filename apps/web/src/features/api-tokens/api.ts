import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiScope, ApiToken } from '@voronka/domain';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import type { CreatedApiToken } from '../../api/types';

export const apiTokensKey = ['api-tokens'] as const;

export type ApiTokenBody = { name: string; scopes: ApiScope[]; expiresInDays: number | null };

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensKey,
    queryFn: () => api.get<ListResponse<ApiToken>>('/api-tokens'),
    select: (response) => response.items,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenBody) => api.post<CreatedApiToken>('/api-tokens', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/api-tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
