import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InboxItem, InboxPage } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export type InboxFilter = { page: number; pageSize: number; unread?: 'true' };

export function useInbox(filter: InboxFilter) {
  return useQuery({
    queryKey: ['inbox', 'list', filter],
    queryFn: ({ signal }) => api.get<z.infer<typeof InboxPage>>('/api/inbox', filter, signal),
    placeholderData: keepPreviousData,
  });
}

function useInboxChanged() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['inbox'] });
}

export function useMarkRead() {
  const changed = useInboxChanged();
  return useMutation({ mutationFn: (id: string) => api.post<InboxItem>(`/api/inbox/${id}/read`), onSuccess: changed });
}

export function useMarkAllRead() {
  const changed = useInboxChanged();
  return useMutation({ mutationFn: () => api.post<{ count: number }>('/api/inbox/read-all'), onSuccess: changed });
}
