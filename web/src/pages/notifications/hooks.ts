import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChannelCreateBody,
  ChannelTestBody,
  ChannelTestResult,
  ChannelUpdateBody,
  Delivery,
  DeliveryPage,
  DeliveryQuery,
  NotificationChannel,
  NotificationChannelList,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export function useChannels() {
  return useQuery({
    queryKey: ['notification-channels'],
    queryFn: ({ signal }) => api.get<z.infer<typeof NotificationChannelList>>('/api/notification-channels', undefined, signal),
    select: (d) => d.items,
  });
}

function useChannelChange<T, V>(mutationFn: (v: V) => Promise<T>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { silent },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notification-channels'] }),
  });
}

/** Forms show the server's field errors themselves (silent); the table's switch and delete toast them. */
export const useCreateChannel = () =>
  useChannelChange((body: ChannelCreateBody) => api.post<NotificationChannel>('/api/notification-channels', body), true);
export const useUpdateChannel = (silent = false) =>
  useChannelChange(
    ({ id, ...body }: ChannelUpdateBody & { id: string }) => api.patch<NotificationChannel>(`/api/notification-channels/${id}`, body),
    silent,
  );
export const useDeleteChannel = () => useChannelChange((id: string) => api.delete<unknown>(`/api/notification-channels/${id}`));

/** 测试发送: the far end's answer comes back as data (ok or its refusal); only bad input is an error. */
export function useTestChannel() {
  return useMutation({
    mutationFn: ({ id, ...body }: ChannelTestBody & { id: string }) =>
      api.post<ChannelTestResult>(`/api/notification-channels/${id}/test`, body),
    meta: { silent: true },
  });
}

export type DeliveryFilter = Omit<DeliveryQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useDeliveries(filter: DeliveryFilter) {
  return useQuery({
    queryKey: ['notification-deliveries', filter],
    queryFn: ({ signal }) => api.get<z.infer<typeof DeliveryPage>>('/api/notification-deliveries', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Delivery>(`/api/notification-deliveries/${id}/retry`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notification-deliveries'] }),
  });
}
