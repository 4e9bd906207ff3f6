import type { Permission } from '@qinlian/contracts';
import type { Actor } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';

/**
 * What a route requires before its handler runs. Every /api route declares one (app.ts refuses to
 * start otherwise); record-level rules live in each module's policy and are checked by its service.
 */
export type RoutePolicy = (
  | { kind: 'public'; anonymous?: true } // no account: health, sign-in; `anonymous`: the public API (see publicApiRoute)
  | { kind: 'signedIn'; duringPasswordChange?: boolean } // any signed-in actor
  | { kind: 'permission'; permission: Permission }
) & {
  /** only a person at the console (session cookie) may call it, never an API token: see sessionOnly */
  interactive?: true;
};

export const publicRoute: RoutePolicy = { kind: 'public' };
/**
 * The policy of every route under /api/public (platform/http/public-api.ts), and only of those: the
 * caller is a member of the public. A session cookie or Bearer token is not even read, so nothing a
 * caller sends can make `req.actor` anything but null there.
 */
export const publicApiRoute: RoutePolicy = { kind: 'public', anonymous: true };
export const signedIn: RoutePolicy = { kind: 'signedIn' };
/** allowed even before a forced password change: me, change password, sign out */
export const signedInDuringPasswordChange: RoutePolicy = { kind: 'signedIn', duringPasswordChange: true };
export const requires = (permission: Permission): RoutePolicy => ({ kind: 'permission', permission });
/**
 * Credentials and the account's own security (sign-in, password, TOTP, sessions, API tokens): a
 * Bearer token is for integrations and must never turn into a password, a second factor or another
 * token, so these answer 403 session_required to it — a stolen token cannot take the account over.
 */
export const sessionOnly = (policy: RoutePolicy): RoutePolicy => ({ ...policy, interactive: true });

export const has = (actor: Actor | null, permission: Permission) => !!actor && actor.permissions.has(permission);

/** May the actor see records of this department (data scope)? */
export function inDepartmentScope(actor: Actor, departmentId: string | null): boolean {
  if (actor.scope.all) return true;
  return departmentId !== null && actor.scope.departmentIds.includes(departmentId);
}

type Rule<R> = { permission: Permission; when?: (actor: Actor, record: R) => boolean };

/**
 * A module's policy as data: `definePolicy({ manage: { permission: 'org.manage', when: (a, d) => … } })`.
 * `see` decides visibility (out of sight answers 404); the other rules decide abilities (403).
 */
export function definePolicy<R, A extends string>(see: (actor: Actor, record: R) => boolean, rules: Record<A, Rule<R>>) {
  const allowed = (actor: Actor, action: A, record: R) => {
    const rule = rules[action];
    return actor.permissions.has(rule.permission) && see(actor, record) && (rule.when?.(actor, record) ?? true);
  };
  return {
    route: (action: A): RoutePolicy => requires(rules[action].permission),
    canSee: see,
    allowed,
    /** 404 when out of sight, 403 when visible but not allowed */
    assert(actor: Actor, action: A, record: R): void {
      if (!see(actor, record)) throw notFound();
      if (!allowed(actor, action, record)) throw forbidden();
    },
    assertVisible(actor: Actor, record: R): void {
      if (!see(actor, record)) throw notFound();
    },
    abilities(actor: Actor, record: R): Record<A, boolean> {
      return Object.fromEntries(Object.keys(rules).map((a) => [a, allowed(actor, a as A, record)])) as Record<A, boolean>;
    },
  };
}
