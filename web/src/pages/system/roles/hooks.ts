import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role, RoleCreateBody, RoleList, RoleUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export function useRoles(enabled = true, silent = false) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<z.infer<typeof RoleList>>('/api/roles', undefined, signal),
    select: (d): Role[] => d.items,
    enabled,
    meta: { silent },
  });
}

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
