import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { pageOf, SignInLogEntry } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

export type SignInFilter = { page: number; pageSize: number; username?: string };
type SignInPage = z.infer<ReturnType<typeof pageOf<typeof SignInLogEntry>>>;

export function useSignIns(filter: SignInFilter) {
  return useQuery({
    queryKey: ['sign-ins', filter],
    queryFn: ({ signal }) => api.get<SignInPage>('/api/sign-ins', filter, signal),
    placeholderData: keepPreviousData,
  });
}
