import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { toastError } from './feedback.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent: true` — the caller shows the error itself (or it is expected, like 401 at start-up). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
    defaultError: Error;
  }
}

const AUTH_CODES = new Set(['unauthenticated', 'session_expired', 'password_change_required']);

function report(err: Error, silent: boolean | undefined) {
  if (silent) return;
  // Session problems are handled once, by the session listener.
  if (err instanceof ApiError && AUTH_CODES.has(err.code)) return;
  toastError(err.message);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => report(err, query.meta?.silent) }),
  mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => report(err, mutation.meta?.silent) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
