import type { ApiTokenScope, DataScope, Permission, RoleCreateBody, RoleUpdateBody } from '@qinlian/contracts';
import { RoleCreateBody as RoleCreateSchema, ALL_PERMISSIONS } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, duplicate, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import { hashPassword, newSecret, randomPassword, secretDigest, assertPasswordPolicy } from '../../platform/auth/passwords.ts';
import type { Executor } from '../../platform/db/database.ts';
import { identityRepo, type RoleRow, type UserRow } from './identity.repo.ts';
import { mayActOnAccount } from './account-power.ts';
import { assertScopeWithinOwner, DEFAULT_TOKEN_SCOPE, scopeColumns } from './token-scope.ts';

/** Built-in roles every installation starts with (内置角色). */
export const BUILTIN_ROLES: { code: string; name: string; permissions: Permission[]; dataScope: DataScope }[] = [
  { code: 'admin', name: '系统管理员', permissions: [...ALL_PERMISSIONS], dataScope: 'all' },
  {
    code: 'office',
    name: '领导小组办公室',
    permissions: [
      'org.read',
      'people.read',
      'audit.read',
      'tasks.read',
      'plan.manage',
      'tasks.backfill',
      'time_limits.manage',
      'time_limits.stats',
      'rectification.read',
      'rectification.verify',
      'enquiries.handle',
      'enquiries.read',
      'badges.manage',
      'ratings.read',
      'ratings.review',
      'demands.read',
      'demands.dispatch',
      'demands.moderate',
      'demands.manage',
      'demands.evaluate',
      'whereabouts.read',
      'whereabouts.manage',
      'dispatch.read',
      'dispatch.manage',
      'bulletins.read',
      'bulletins.manage',
      'summaries.read',
      'summaries.review', // 一月一小结、半年一总结: review, select, compile and publish
    ],
    dataScope: 'all',
  },
  {
    code: 'dept_head',
    name: '部门负责人',
    permissions: [
      'org.read',
      'people.read',
      'people.manage',
      'tasks.read',
      'tasks.handle',
      'time_limits.stats',
      'rectification.read',
      'rectification.handle',
      'enquiries.handle',
      'enquiries.read',
      'badges.manage',
      'ratings.read',
      'ratings.appeal',
      'demands.read',
      'demands.handle',
      'whereabouts.read',
      'whereabouts.manage',
      'dispatch.read', // the sheets of their own department
      'bulletins.read', // published bulletins: every department reads where it ranks
      'summaries.read',
      'summaries.submit', // the head submits the department's monthly summary and its experiences
    ],
    dataScope: 'dept_and_below',
  },
  {
    code: 'staff',
    name: '工作人员',
    permissions: [
      'org.read',
      'people.read',
      'tasks.read',
      'tasks.handle',
      'rectification.read',
      'rectification.handle',
      'enquiries.handle',
      'demands.read',
      'demands.handle',
      'whereabouts.read',
      'summaries.read', // their department's summaries and experiences; the head submits them
    ],
    dataScope: 'dept',
  },
  {
    code: 'leader',
    name: '领导',
    permissions: [
      'org.read',
      'people.read',
      'tasks.read',
      'tasks.instruct',
      'time_limits.stats',
      'rectification.read',
      'ratings.read',
      'enquiries.read',
      'demands.read',
      'demands.evaluate', // 领导小组: 论证议题; selecting one into a task is the office's (plan.manage)
      'whereabouts.read',
      'dispatch.read', // 分管领导 chair the weekly dispatch; the office keeps the sheet
      'bulletins.read',
      'bulletins.comment', // 领导点评 on a bulletin in review
      'summaries.read',
    ],
    dataScope: 'all',
  },
  // 纪检监察 supervises the campaign too: it reads plans, tasks and the board (tasks.read), and acts on none of them
  {
    code: 'inspector',
    name: '纪检监察',
    permissions: [
      'org.read',
      'people.read',
      'audit.read',
      'signins.read',
      'tasks.read',
      'time_limits.stats',
      'rectification.read',
      'enquiries.read',
      'ratings.read',
      'demands.read',
      'whereabouts.read',
      'dispatch.read',
      'bulletins.read',
      'summaries.read',
    ],
    dataScope: 'all',
  },
];

export async function ensureBuiltinRoles(ctx: Ctx): Promise<Map<string, string>> {
  return inTransaction(ctx, async (tx) => {
    const ids = new Map<string, string>();
    for (const r of BUILTIN_ROLES) {
      const existing = await identityRepo.roleByCode(tx.db, r.code);
      if (existing) {
        ids.set(r.code, existing.id);
        // A built-in role gains the permissions a newer release gives it (admin: every permission);
        // nothing an administrator granted is taken away.
        const held = new Set(JSON.parse(existing.permissions) as string[]);
        const missing = r.permissions.filter((p) => !held.has(p));
        if (missing.length) {
          const next = { permissions: JSON.stringify([...held, ...missing]), updatedAt: iso(tx.clock.now()) };
          if (await identityRepo.updateRole(tx.db, existing.id, existing.version, next)) {
            await recordAudit(tx, {
              action: 'role.update',
              entityType: 'role',
              entityId: existing.id,
              before: existing,
              after: { ...existing, ...next, version: existing.version + 1 },
            });
          }
        }
        continue;
      }
      const row = await insertRole(tx, { ...r, customDepartmentIds: [] }, true);
      ids.set(r.code, row.id);
    }
    return ids;
  });
}

async function insertRole(
  ctx: Ctx & { db: any },
  body: { code: string; name: string; permissions: Permission[]; dataScope: DataScope; customDepartmentIds: string[] },
  builtin: boolean,
) {
  const now = iso(ctx.clock.now());
  const row: RoleRow = {
    id: newId(),
    code: body.code,
    name: body.name,
    permissions: JSON.stringify([...new Set(body.permissions)]),
    dataScope: body.dataScope,
    customDepartmentIds: JSON.stringify(body.dataScope === 'custom' ? [...new Set(body.customDepartmentIds)] : []),
    builtin: builtin ? 1 : 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await identityRepo.insertRole(ctx.db, row);
  await recordAudit(ctx, { action: 'role.create', entityType: 'role', entityId: row.id, after: row });
  return row;
}

export async function createRole(ctx: Ctx, input: RoleCreateBody) {
  const body = RoleCreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    if (await identityRepo.roleByCode(tx.db, body.code)) throw duplicate('body.code', body.code);
    return insertRole(tx, body, false);
  });
}

export async function updateRole(ctx: Ctx, id: string, patch: RoleUpdateBody) {
  return inTransaction(ctx, async (tx) => {
    const before = await identityRepo.roleById(tx.db, id);
    if (!before) throw notFound();
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<RoleRow> = { updatedAt: iso(tx.clock.now()) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.permissions !== undefined) next.permissions = JSON.stringify([...new Set(patch.permissions)]);
    if (patch.dataScope !== undefined) next.dataScope = patch.dataScope;
    const scope = patch.dataScope ?? before.dataScope;
    if (patch.customDepartmentIds !== undefined || patch.dataScope !== undefined) {
      next.customDepartmentIds = JSON.stringify(
        scope === 'custom' ? [...new Set(patch.customDepartmentIds ?? JSON.parse(before.customDepartmentIds))] : [],
      );
    }
    if (before.code === 'admin' && (next.permissions || next.dataScope)) throw new DomainError('builtin_role', 409);
    if (!(await identityRepo.updateRole(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: 'role.update', entityType: 'role', entityId: id, before, after });
    return after;
  });
}

export async function deleteRole(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const role = await identityRepo.roleById(tx.db, id);
    if (!role) throw notFound();
    if (role.builtin) throw new DomainError('builtin_role', 409);
    const count = (await identityRepo.roleUserCounts(tx.db)).get(id) ?? 0;
    if (count > 0) throw new DomainError('role_in_use', 409, { count });
    await identityRepo.deleteRole(tx.db, id);
    await recordAudit(tx, { action: 'role.delete', entityType: 'role', entityId: id, before: role });
  });
}

export async function listRoles(ctx: Ctx) {
  const [roles, counts] = await Promise.all([identityRepo.listRoles(ctx.db), identityRepo.roleUserCounts(ctx.db)]);
  return roles.map((r) => ({ row: r, userCount: counts.get(r.id) ?? 0 }));
}

async function assertRolesExist(ctx: Ctx, roleIds: string[], field: string) {
  const found = await identityRepo.rolesByIds(ctx.db, roleIds);
  if (found.length !== new Set(roleIds).size) throw new DomainError('not_found', 404, {}, [{ path: field, message: 'unknown role' }]);
}

/**
 * A sign-in account. Without a password a random initial one is made, returned once, and must be
 * changed at first sign-in.
 */
export async function createAccount(
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    personId: string | null;
    roleIds: string[];
    password?: string;
    mustChange?: boolean;
    /** `password` hashed already: the demo seed hashes its one password once for a hundred accounts */
    passwordHash?: string;
  },
) {
  return inTransaction(ctx, async (tx) => {
    if (await identityRepo.userByUsername(tx.db, input.username)) throw duplicate('username', input.username);
    await assertRolesExist(tx, input.roleIds, 'roleIds');
    if (input.password) assertPasswordPolicy(input.password);
    const password = input.password ?? randomPassword();
    const now = iso(tx.clock.now());
    const row: UserRow = {
      id: newId(),
      personId: input.personId,
      username: input.username,
      displayName: input.displayName,
      passwordHash: input.password && input.passwordHash ? input.passwordHash : await hashPassword(password),
      mustChangePassword: input.password && input.mustChange === false ? 0 : 1,
      totpSecret: null,
      totpEnabled: 0,
      failedCount: 0,
      lockedUntil: null,
      disabled: 0,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await identityRepo.insertUser(tx.db, row);
    await identityRepo.setUserRoles(tx.db, row.id, [...new Set(input.roleIds)]);
    const { passwordHash: _secret, ...visible } = row;
    await recordAudit(tx, { action: 'user.create', entityType: 'user', entityId: row.id, after: { ...visible, roleIds: input.roleIds } });
    return { user: row, initialPassword: input.password ? null : password };
  });
}

/**
 * No one may take over an account more powerful than their own: acting on another account
 * (reset, disable, token, roles) needs every permission that account holds or will hold, and a
 * data scope at least as broad.
 */
export async function assertMayActOnAccount(ctx: Ctx, userId: string, extraRoleIds: string[] = []) {
  const roles = [...(await identityRepo.rolesOfUser(ctx.db, userId)), ...(await identityRepo.rolesByIds(ctx.db, extraRoleIds))];
  if (!mayActOnAccount(ctx.actor!, roles)) throw new DomainError('account_more_powerful', 403);
}

export async function setUserRoles(ctx: Ctx, userId: string, roleIds: string[]) {
  return inTransaction(ctx, async (tx) => {
    const user = await identityRepo.userById(tx.db, userId);
    if (!user) throw notFound();
    await assertRolesExist(tx, roleIds, 'body.roleIds');
    await assertMayActOnAccount(tx, userId, roleIds);
    const before = (await identityRepo.rolesOfUser(tx.db, userId)).map((r) => r.id);
    await identityRepo.setUserRoles(tx.db, userId, [...new Set(roleIds)]);
    // a token issued for the old duties must not outlive them: losing any role ends the account's tokens
    if (before.some((id) => !roleIds.includes(id))) await identityRepo.revokeUserTokens(tx.db, userId, iso(tx.clock.now()));
    await recordAudit(tx, {
      action: 'user.set_roles',
      entityType: 'user',
      entityId: userId,
      before: { roleIds: before },
      after: { roleIds },
    });
  });
}

/** An administrator's reset: a new random password, changed at next sign-in; sessions and API tokens end. */
export async function resetPassword(ctx: Ctx, userId: string, password?: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await identityRepo.userById(tx.db, userId);
    if (!user) throw notFound();
    await assertMayActOnAccount(tx, userId);
    if (password) assertPasswordPolicy(password);
    const next = password ?? randomPassword();
    const at = iso(tx.clock.now());
    await identityRepo.updateUser(tx.db, userId, {
      passwordHash: await hashPassword(next),
      mustChangePassword: 1,
      failedCount: 0,
      lockedUntil: null,
      passwordChangedAt: at,
      updatedAt: at,
    });
    await identityRepo.revokeUserSessions(tx.db, userId, at);
    await identityRepo.revokeUserTokens(tx.db, userId, at);
    await recordAudit(tx, { action: 'user.reset_password', entityType: 'user', entityId: userId });
    return next;
  });
}

export async function setUserDisabled(ctx: Ctx, userId: string, disabled: boolean) {
  return inTransaction(ctx, async (tx) => {
    if (tx.actor?.userId === userId) throw new DomainError('cannot_disable_self', 409);
    const user = await identityRepo.userById(tx.db, userId);
    if (!user) throw notFound();
    await assertMayActOnAccount(tx, userId);
    const at = iso(tx.clock.now());
    await identityRepo.updateUser(tx.db, userId, { disabled: disabled ? 1 : 0, updatedAt: at });
    if (disabled) await identityRepo.revokeUserSessions(tx.db, userId, at);
    // the disabled flag already refuses them; revoking keeps them dead once the account is enabled again
    if (disabled) await identityRepo.revokeUserTokens(tx.db, userId, at);
    await recordAudit(tx, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: { disabled: !!user.disabled },
      after: { disabled },
    });
  });
}

/**
 * An API token for integrations: acts as the person it is issued to, within the scope the issuer
 * picks — read-only, or named permissions the person holds now (read-only when none is picked).
 * Shown once. It always expires — at most `maxDays` (QINLIAN_TOKEN_MAX_DAYS) from now, which is
 * also its lifetime when none is asked for — so a leaked token is not a key for a decade.
 */
export async function issueApiToken(
  ctx: Ctx,
  input: { userId: string; name: string; expiresInDays?: number; scope?: ApiTokenScope },
  maxDays: number,
) {
  const days = input.expiresInDays ?? maxDays;
  if (days > maxDays)
    throw new DomainError('token_lifetime_too_long', 400, { max: maxDays }, [
      { path: 'body.expiresInDays', message: 'token_lifetime_too_long' },
    ]);
  const scope = input.scope ?? DEFAULT_TOKEN_SCOPE;
  return inTransaction(ctx, async (tx) => {
    const user = await identityRepo.userById(tx.db, input.userId);
    if (!user) throw new DomainError('not_found', 404, {}, [{ path: 'body.userId', message: 'unknown user' }]);
    await assertMayActOnAccount(tx, user.id);
    const owned = (await identityRepo.rolesOfUser(tx.db, user.id)).flatMap((r) => JSON.parse(r.permissions) as Permission[]);
    assertScopeWithinOwner(scope, new Set(owned));
    const token = newSecret('qlt_');
    const now = tx.clock.now();
    const row = {
      id: newId(),
      userId: user.id,
      name: input.name,
      tokenHash: secretDigest(token),
      createdBy: tx.actor!.userId,
      createdAt: iso(now),
      expiresAt: iso(new Date(now.getTime() + days * 86_400_000)),
      lastUsedAt: null,
      revokedAt: null,
      ...scopeColumns(scope),
    };
    await identityRepo.insertToken(tx.db, row);
    const { tokenHash: _h, ...visible } = row;
    await recordAudit(tx, { action: 'api_token.issue', entityType: 'api_token', entityId: row.id, after: visible });
    return { ...row, username: user.username, token };
  });
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const token = await identityRepo.tokenById(tx.db, id);
    if (!token) throw notFound();
    if (!token.revokedAt) {
      await identityRepo.revokeToken(tx.db, id, iso(tx.clock.now()));
      await recordAudit(tx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id });
    }
  });
}

export const listApiTokens = (ctx: Ctx) => identityRepo.listTokens(ctx.db);
export const listSignIns = (ctx: Ctx, q: { page: number; pageSize: number; username?: string }) => identityRepo.listSignIns(ctx.db, q);
/** For other modules: the accounts of these people. */
export async function accountsOfPeople(db: Executor, personIds: string[]) {
  const users = await identityRepo.usersByPeople(db, personIds);
  const links = await identityRepo.roleIdsOfUsers(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, disabled: !!u.disabled, roleIds: links.filter((l) => l.userId === u.id).map((l) => l.roleId) }));
}
export const accountOfPerson = identityRepo.userByPerson;
/** For other modules: the person behind an account, null when it is bound to nobody (admin, API clients). */
export async function personOfAccount(db: Executor, userId: string): Promise<string | null> {
  return (await identityRepo.userById(db, userId))?.personId ?? null;
}
/** For other modules: the people whose enabled accounts hold `permission` over all data (e.g. the campaign office, plan.manage). */
export async function peopleHoldingEverywhere(db: Executor, permission: Permission): Promise<string[]> {
  const roles = (await identityRepo.listRoles(db)).filter(
    (r) => r.dataScope === 'all' && (JSON.parse(r.permissions) as string[]).includes(permission),
  );
  return identityRepo.peopleWithRoles(
    db,
    roles.map((r) => r.id),
  );
}
/** For other modules: which of these usernames are already taken. */
export async function takenUsernames(db: Executor, usernames: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < usernames.length; i += 500)
    for (const u of await identityRepo.usersByUsernames(db, usernames.slice(i, i + 500))) taken.add(u.username);
  return taken;
}
/** For the CLI and start-up: an account or a role by the name people type. */
export const accountByUsername = identityRepo.userByUsername;
export const roleByCode = identityRepo.roleByCode;
