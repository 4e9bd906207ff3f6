import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PostList } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** Posts (岗位), of one department or all, with their A and B holders. */
export function usePosts(departmentId?: string, enabled = true, silent = false) {
  return useQuery({
    queryKey: ['posts', { departmentId: departmentId ?? null }],
    queryFn: ({ signal }) => api.get<z.infer<typeof PostList>>('/api/posts', { departmentId }, signal),
    select: (data) => data.items,
    enabled,
    meta: { silent },
  });
}
