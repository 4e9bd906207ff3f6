import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role, RoleList } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** Every role with its permissions and data scope. */
export function useRoles(enabled = true, silent = false) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<z.infer<typeof RoleList>>('/api/roles', undefined, signal),
    select: (d): Role[] => d.items,
    enabled,
    meta: { silent },
  });
}
