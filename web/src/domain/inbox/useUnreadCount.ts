import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UnreadCount } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export const UNREAD_POLL_MS = 60_000;

/** The header badge: polled every minute; under 'inbox', so reading a message refreshes it. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['inbox', 'unread-count'],
    queryFn: ({ signal }) => api.get<z.infer<typeof UnreadCount>>('/api/inbox/unread-count', undefined, signal),
    select: (d) => d.count,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 15_000,
    meta: { silent: true },
  });
}
