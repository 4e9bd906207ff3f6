import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '@qinlian/contracts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { NoPermission } from '../components/NoPermission.tsx';
import { signedOutDeliberately, useCan, useSession } from './session.ts';

/** Signed in, with the initial password changed; otherwise off to /login or /account/password. */
export function RequireSession({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const { data: session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (!session) {
    const next = location.pathname + location.search;
    const plain = signedOutDeliberately() || next === '/';
    return <Navigate to={plain ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword && !allowPasswordChange) return <Navigate to="/account/password" replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const can = useCan();
  if (permission && !can(permission)) return <NoPermission />;
  return <>{children}</>;
}
