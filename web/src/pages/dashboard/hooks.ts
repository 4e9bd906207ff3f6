import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Health, PeoplePage } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/health'), meta: { silent: true } });
}

/** The number of people in scope: one row is enough, the page carries the total. */
export function usePeopleTotal(enabled: boolean) {
  return useQuery({
    queryKey: ['people', 'total'],
    queryFn: () => api.get<z.infer<typeof PeoplePage>>('/api/people', { page: 1, pageSize: 1 }),
    select: (p) => p.total,
    enabled,
    meta: { silent: true },
  });
}
