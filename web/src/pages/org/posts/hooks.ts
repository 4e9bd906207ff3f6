import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Post, PostCreateBody, PostUpdateBody } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

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
