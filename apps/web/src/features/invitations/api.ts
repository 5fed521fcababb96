import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ManagerFunction, Role } from '@voronka/domain';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import type { CreatedInvitation, Invitation } from '../../api/types';

export const invitationsKey = ['invitations'] as const;

export type InvitationBody = {
  email: string;
  role: Role;
  function: ManagerFunction | null;
  departmentId: string | null;
};

export function useInvitations() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => api.get<ListResponse<Invitation>>('/invitations'),
    select: (response) => response.items,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationBody) => api.post<CreatedInvitation>('/invitations', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/invitations/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}
