import type { Permission } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { RoleRow } from './identity.repo.ts';

/**
 * No one may take over an account more powerful than their own: acting on another account
 * (reset, disable, unlock, token, roles) needs every permission its roles hold, and a data scope
 * at least as broad. One rule for the actions (access.service.ts) and the abilities a list shows.
 */
export function mayActOnAccount(actor: Actor, roles: Pick<RoleRow, 'permissions' | 'dataScope'>[]): boolean {
  const needed = roles.flatMap((r) => JSON.parse(r.permissions) as Permission[]);
  const broader = roles.some((r) => r.dataScope === 'all') && !actor.scope.all;
  return !broader && needed.every((p) => actor.permissions.has(p));
}
