import type { ApiTokenScope, ApiTokenScopeShown, Permission } from '@qinlian/contracts';
import { DomainError } from '../../platform/errors.ts';
import type { ApiTokensTable } from '../../platform/db/schema.ts';

/** 令牌权限范围 — what an API token may do, as stored beside it (migration 20261207T0320_api_token_scope). */
type ScopeColumns = Pick<ApiTokensTable, 'scope' | 'permissions'>;

/** A token issued without a scope is read-only: the least a token can do. */
export const DEFAULT_TOKEN_SCOPE: ApiTokenScope = { kind: 'read_only' };

export function scopeColumns(scope: ApiTokenScope): ScopeColumns {
  if (scope.kind === 'read_only') return { scope: 'read_only', permissions: null };
  return { scope: 'permissions', permissions: JSON.stringify([...new Set(scope.permissions)].sort()) };
}

export function scopeOf(row: ScopeColumns): ApiTokenScopeShown {
  if (row.scope === 'read_only') return { kind: 'read_only' };
  if (row.scope === 'permissions') return { kind: 'permissions', permissions: JSON.parse(row.permissions ?? '[]') as Permission[] };
  return { kind: 'legacy' };
}

/** At issue time: a token may name only permissions its owner holds now (refused with the ones too many). */
export function assertScopeWithinOwner(scope: ApiTokenScope, ownerPermissions: ReadonlySet<Permission>) {
  if (scope.kind !== 'permissions') return;
  const beyond = [...new Set(scope.permissions)].filter((p) => !ownerPermissions.has(p));
  if (beyond.length)
    throw new DomainError('token_scope_exceeds_owner', 400, { permissions: beyond.join(', ') }, [
      { path: 'body.scope.permissions', message: 'token_scope_exceeds_owner' },
    ]);
}

/**
 * At use time: the token's named permissions that its owner still holds. Read-only and legacy
 * tokens carry the owner's current permissions (read-only ones are held to GET/HEAD by the auth hook).
 */
export function effectivePermissions(row: ScopeColumns, ownerPermissions: ReadonlySet<Permission>): ReadonlySet<Permission> {
  const scope = scopeOf(row);
  if (scope.kind !== 'permissions') return ownerPermissions;
  return new Set(scope.permissions.filter((p) => ownerPermissions.has(p)));
}

export const isReadOnly = (row: ScopeColumns) => row.scope === 'read_only';
