import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DepartmentList } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export const departmentKeys = {
  all: ['departments'] as const,
  list: (includeArchived: boolean) => ['departments', { includeArchived }] as const,
};

/** The department list every picker, tree and name lookup reads (archived ones on request). */
export function useDepartments(includeArchived = false, enabled = true, silent = false) {
  return useQuery({
    queryKey: departmentKeys.list(includeArchived),
    queryFn: ({ signal }) => api.get<z.infer<typeof DepartmentList>>('/api/departments', { includeArchived }, signal),
    select: (data) => data.items,
    enabled,
    meta: { silent },
  });
}
