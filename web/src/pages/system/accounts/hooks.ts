import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountPage, AccountState, UnlockResult } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export type AccountFilter = { page: number; pageSize: number; q?: string; state?: AccountState; roleId?: string };

export function useAccounts(filter: AccountFilter) {
  return useQuery({
    queryKey: ['accounts', filter],
    queryFn: ({ signal }) => api.get<z.infer<typeof AccountPage>>('/api/users', filter, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change to an account shows in the account list and in the people pages (username, disabled). */
function useAccountChange<T, V>(mutationFn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      void qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const useDisableAccount = () => useAccountChange((id: string) => api.post<unknown>(`/api/users/${id}/disable`));
export const useEnableAccount = () => useAccountChange((id: string) => api.post<unknown>(`/api/users/${id}/enable`));
export const useUnlockAccount = () => useAccountChange((id: string) => api.post<UnlockResult>(`/api/users/${id}/unlock`));
export const useResetAccountPassword = () =>
  useAccountChange((id: string) => api.post<{ password: string }>(`/api/users/${id}/reset-password`));
