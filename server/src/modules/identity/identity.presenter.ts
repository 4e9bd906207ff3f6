import type { ApiToken, CurrentUser, Permission, Role, SignInLogEntry, DataScope } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { getDepartmentName } from '../org/index.ts';
import { identityRepo, type RoleRow, type UserRow } from './identity.repo.ts';
import { scopeOf } from './token-scope.ts';
import { describeUserAgent } from './user-agent.ts';

export async function presentCurrentUser(db: Executor, actor: Actor, user: UserRow): Promise<CurrentUser> {
  const roles = await identityRepo.rolesOfUser(db, user.id);
  return {
    id: user.id,
    username: user.username,
    personId: user.personId,
    name: actor.name,
    departmentId: actor.departmentId,
    departmentName: actor.departmentId ? await getDepartmentName(db, actor.departmentId) : null,
    permissions: [...actor.permissions],
    dataScope: actor.scope.kind,
    mustChangePassword: !!user.mustChangePassword,
    totpEnabled: !!user.totpEnabled,
    roles: roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  };
}

export const presentRole = (row: RoleRow, userCount: number): Role => ({
  id: row.id,
  code: row.code,
  name: row.name,
  permissions: JSON.parse(row.permissions) as Permission[],
  dataScope: row.dataScope as DataScope,
  customDepartmentIds: JSON.parse(row.customDepartmentIds) as string[],
  builtin: !!row.builtin,
  userCount,
  version: row.version,
});

export const presentToken = (row: {
  id: string;
  userId: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: string;
  permissions: string | null;
}): ApiToken => ({
  id: row.id,
  userId: row.userId,
  username: row.username,
  name: row.name,
  scope: scopeOf(row),
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

export const presentSignIn = (row: {
  id: string;
  username: string;
  userId: string | null;
  ip: string;
  userAgent: string;
  result: string;
  at: string;
}): SignInLogEntry => ({ ...row, client: describeUserAgent(row.userAgent), result: row.result as SignInLogEntry['result'] });
