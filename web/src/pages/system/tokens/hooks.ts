import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, ApiTokenCreateBody, ApiTokenCreated } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export function useApiTokens() {
  return useQuery({
    queryKey: ['api-tokens'],
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/api-tokens', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ApiTokenCreateBody>) => api.post<z.infer<typeof ApiTokenCreated>>('/api/api-tokens', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/api-tokens/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
