import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, RoleCreateBody, RoleUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

function useInvalidateRoles() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['roles'] });
}

export function useCreateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({ mutationFn: (body: RoleCreateBody) => api.post<Role>('/api/roles', body), onSuccess: invalidate });
}

export function useUpdateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, ...body }: RoleUpdateBody & { id: string }) => api.patch<Role>(`/api/roles/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({ mutationFn: (id: string) => api.delete<unknown>(`/api/roles/${id}`), onSuccess: invalidate });
}
