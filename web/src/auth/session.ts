import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CurrentUser, LoginBody, LoginResponse, Permission, SessionResponse } from '@qinlian/contracts';
import { api, isApiError, setCsrfToken } from '../api/client.ts';

export type Session = z.infer<typeof SessionResponse>;
export const SESSION_KEY = ['session'] as const;

/** The signed-in session, or null. 401 at start-up just means "not signed in". */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** One definition for the hook and for the early start of a console page (app/routes.tsx). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: Infinity,
  retry: 1,
  meta: { silent: true },
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Inside the signed-in layout the session is always there. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  // Between sign-out and the redirect a signed-in screen may render once more; give it an empty user.
  return data?.user ?? SIGNED_OUT;
}

const SIGNED_OUT: CurrentUser = {
  id: '',
  username: '',
  personId: null,
  name: '',
  departmentId: null,
  departmentName: null,
  permissions: [],
  dataScope: 'self',
  mustChangePassword: false,
  totpEnabled: false,
  roles: [],
};

export function useCan() {
  const { data } = useSession();
  const permissions = new Set<Permission>(data?.user.permissions ?? []);
  return (permission: Permission) => permissions.has(permission);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResponse>('/api/auth/login', body),
    meta: { silent: true },
    onSuccess: (session) => {
      deliberateSignOut = false;
      setCsrfToken(session.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Set when the user signs out on purpose, so the sign-in page is not given a `next` to return to. */
let deliberateSignOut = false;
export function signedOutDeliberately(): boolean {
  return deliberateSignOut;
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout'),
    meta: { silent: true },
    onSettled: () => {
      deliberateSignOut = true;
      setCsrfToken(null);
      qc.setQueryData(SESSION_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

/** Re-reads the session (after a password change, TOTP change …). */
export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
}
