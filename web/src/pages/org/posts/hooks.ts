import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Post, PostCreateBody, PostList, PostUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export function usePosts(departmentId?: string, enabled = true, silent = false) {
  return useQuery({
    queryKey: ['posts', { departmentId: departmentId ?? null }],
    queryFn: ({ signal }) => api.get<z.infer<typeof PostList>>('/api/posts', { departmentId }, signal),
    select: (data) => data.items,
    enabled,
    meta: { silent },
  });
}

function useInvalidatePosts() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['posts'] });
    void qc.invalidateQueries({ queryKey: ['people'] });
  };
}

export function useCreatePost() {
  const invalidate = useInvalidatePosts();
  return useMutation({ mutationFn: (body: PostCreateBody) => api.post<Post>('/api/posts', body), onSuccess: invalidate });
}

export function useUpdatePost() {
  const invalidate = useInvalidatePosts();
  return useMutation({
    mutationFn: ({ id, ...body }: PostUpdateBody & { id: string }) => api.patch<Post>(`/api/posts/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useArchivePost() {
  const invalidate = useInvalidatePosts();
  return useMutation({ mutationFn: (id: string) => api.post<Post>(`/api/posts/${id}/archive`), onSuccess: invalidate });
}
