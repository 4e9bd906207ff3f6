import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentCreateBody, DepartmentUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';
import { departmentKeys } from '../../../domain/org/useDepartments.ts';

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
