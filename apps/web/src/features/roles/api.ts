import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, RoleSetting, Visibility } from '@voronka/domain';
import { api, type ListResponse } from '../../api/client';

export const rolesKey = ['roles'] as const;

export function useRoleSettings() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: () => api.get<ListResponse<RoleSetting>>('/roles'),
    select: (response) => response.items,
  });
}

export function useUpdateRoleVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, visibility }: { role: Role; visibility: Visibility }) =>
      api.put<RoleSetting>(`/roles/${role}`, { visibility }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
