import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody, User } from '@voronka/domain';
import { api, type ListResponse } from '../../api/client';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: () => api.get<ListResponse<User>>('/users'),
    select: (response) => response.items,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** People by id, for showing a responsible person's name; empty while the list loads. */
export function useUserNames(): Map<string, string> {
  const users = useUsers();
  return new Map((users.data ?? []).map((user) => [user.id, user.name]));
}
