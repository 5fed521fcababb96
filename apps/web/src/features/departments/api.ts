import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department } from '@voronka/domain';
import { api, type ListResponse, type OkResponse } from '../../api/client';

export const departmentsKey = ['departments'] as const;

export type DepartmentBody = { name: string; parentId: string | null; headId: string | null };

export function useDepartments() {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: () => api.get<ListResponse<Department>>('/departments'),
    select: (response) => response.items,
  });
}

function useInvalidateDepartments() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: departmentsKey });
    // A department's head and members show up in the users table.
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useCreateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (body: DepartmentBody) => api.post<Department>('/departments', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<DepartmentBody> }) =>
      api.patch<Department>(`/departments/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/departments/${id}`),
    onSuccess: invalidate,
  });
}
