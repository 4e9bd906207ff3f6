import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Department, DepartmentCreateBody, DepartmentList, DepartmentUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export const departmentKeys = {
  all: ['departments'] as const,
  list: (includeArchived: boolean) => ['departments', { includeArchived }] as const,
};

export function useDepartments(includeArchived = false, enabled = true, silent = false) {
  return useQuery({
    queryKey: departmentKeys.list(includeArchived),
    queryFn: ({ signal }) => api.get<z.infer<typeof DepartmentList>>('/api/departments', { includeArchived }, signal),
    select: (data) => data.items,
    enabled,
    meta: { silent },
  });
}

function useInvalidateOrg() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: departmentKeys.all });
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: ['posts'] });
  };
}

export function useCreateDepartment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: DepartmentCreateBody) => api.post<Department>('/api/departments', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, ...body }: DepartmentUpdateBody & { id: string }) => api.patch<Department>(`/api/departments/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useArchiveDepartment() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (id: string) => api.post<Department>(`/api/departments/${id}/archive`),
    onSuccess: invalidate,
  });
}
