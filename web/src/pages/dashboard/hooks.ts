import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Desk, Health } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export function useHealth(enabled = true) {
  return useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/health'), enabled, meta: { silent: true } });
}

/** 待办中心 for the signed-in person, counted for one plan (the one the task list shows) when given. */
export function useDesk(planId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['desk', planId ?? null],
    queryFn: ({ signal }) => api.get<Desk>('/api/desk', { planId }, signal),
    enabled,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
