import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { authorizationChanged } from '../../platform/auth/authorization-epoch.ts';
import { writeEpoch } from '../../platform/db/write-epoch.ts';
import type { ApiTokensTable, RolesTable, SessionsTable, SignInLogTable, UsersTable } from '../../platform/db/schema.ts';

export type UserRow = UsersTable;
export type RoleRow = RolesTable;

/** What every request reads of the account beside its session or token. */
const ACCOUNT_COLUMNS = ['users.username', 'users.displayName', 'users.personId', 'users.disabled', 'users.mustChangePassword'] as const;

/**
 * Moves on after every committed change to a session or to the account a session check reads
 * (revoked, signed out, disabled, password changed): cached session checks are redone at once.
 */
export const sessionsEpoch = writeEpoch('sessions');

/** Accounts, roles, sessions, API tokens and the sign-in log: the only SQL on these tables. */
export const identityRepo = {
  userById: (db: Executor, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  userByUsername: (db: Executor, username: string) =>
    db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
  userByPerson: (db: Executor, personId: string) => db.selectFrom('users').selectAll().where('personId', '=', personId).executeTakeFirst(),
  usersByUsernames(db: Executor, usernames: string[]) {
    if (usernames.length === 0) return Promise.resolve([] as Pick<UserRow, 'id' | 'username'>[]);
    return db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', [...new Set(usernames)])
      .execute();
  },
  usersByPeople(db: Executor, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([] as Pick<UserRow, 'id' | 'personId' | 'username' | 'disabled'>[]);
    return db.selectFrom('users').select(['id', 'personId', 'username', 'disabled']).where('personId', 'in', personIds).execute();
  },
  roleIdsOfUsers(db: Executor, userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([] as { userId: string; roleId: string }[]);
    return db.selectFrom('userRoles').select(['userId', 'roleId']).where('userId', 'in', userIds).execute();
  },
  /** The people behind the enabled accounts holding one of these roles. */
  peopleWithRoles(db: Executor, roleIds: string[]) {
    if (roleIds.length === 0) return Promise.resolve([] as string[]);
    return db
      .selectFrom('userRoles')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select('users.personId')
      .distinct()
      .where('userRoles.roleId', 'in', roleIds)
      .where('users.disabled', '=', 0)
      .where('users.personId', 'is not', null)
      .execute()
      .then((r) => r.map((x) => x.personId!));
  },
  insertUser: (db: Executor, row: UserRow) => db.insertInto('users').values(row).execute(),
  async updateUser(db: Executor, id: string, patch: Partial<UserRow>) {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
    sessionsEpoch.changed(db); // after the write: outside a transaction it moves at once
  },
  rolesOfUser: (db: Executor, userId: string) =>
    db
      .selectFrom('userRoles')
      .innerJoin('roles', 'roles.id', 'userRoles.roleId')
      .selectAll('roles')
      .where('userRoles.userId', '=', userId)
      .execute(),
  async setUserRoles(db: Executor, userId: string, roleIds: string[]) {
    authorizationChanged(db);
    await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
    if (roleIds.length)
      await db
        .insertInto('userRoles')
        .values(roleIds.map((roleId) => ({ userId, roleId })))
        .execute();
  },
  listRoles: (db: Executor) => db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('code').execute(),
  roleById: (db: Executor, id: string) => db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst(),
  roleByCode: (db: Executor, code: string) => db.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst(),
  rolesByIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as RoleRow[]);
    return db.selectFrom('roles').selectAll().where('id', 'in', ids).execute();
  },
  insertRole: (db: Executor, row: RoleRow) => db.insertInto('roles').values(row).execute(),
  updateRole(db: Executor, id: string, version: number, patch: Partial<RoleRow>) {
    authorizationChanged(db);
    return updateVersioned(db, 'roles', id, version, patch);
  },
  deleteRole(db: Executor, id: string) {
    authorizationChanged(db);
    return db.deleteFrom('roles').where('id', '=', id).execute();
  },
  async roleUserCounts(db: Executor): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('userRoles')
      .select(['roleId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('roleId')
      .execute();
    return new Map(rows.map((r) => [r.roleId, Number(r.n)]));
  },

  insertSession: (db: Executor, row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
  /** A session and its account in one statement: checked on every request. */
  sessionWithAccount: (db: Executor, id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .selectAll('sessions')
      .select(ACCOUNT_COLUMNS)
      .where('sessions.id', '=', id)
      .executeTakeFirst(),
  touchSession: (db: Executor, id: string, at: string) => db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute(),
  async revokeSession(db: Executor, id: string, at: string) {
    await db.updateTable('sessions').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
    sessionsEpoch.changed(db);
  },
  async revokeUserSessions(db: Executor, userId: string, at: string, exceptId?: string) {
    let q = db.updateTable('sessions').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
    sessionsEpoch.changed(db);
  },

  insertToken: (db: Executor, row: ApiTokensTable) => db.insertInto('apiTokens').values(row).execute(),
  /** An API token and its account in one statement: checked on every request. */
  tokenWithAccount: (db: Executor, hash: string) =>
    db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .selectAll('apiTokens')
      .select(ACCOUNT_COLUMNS)
      .where('apiTokens.tokenHash', '=', hash)
      .executeTakeFirst(),
  tokenById: (db: Executor, id: string) => db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst(),
  listTokens: (db: Executor) =>
    db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .selectAll('apiTokens')
      .select('users.username')
      .orderBy('apiTokens.createdAt', 'desc')
      .execute(),
  touchToken: (db: Executor, id: string, at: string) => db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute(),
  revokeToken: (db: Executor, id: string, at: string) => db.updateTable('apiTokens').set({ revokedAt: at }).where('id', '=', id).execute(),
  /** every live API token of the account: its credentials or duties changed */
  revokeUserTokens: (db: Executor, userId: string, at: string) =>
    db.updateTable('apiTokens').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null).execute(),

  insertSignIn: (db: Executor, row: SignInLogTable) => db.insertInto('signInLog').values(row).execute(),
  /** The latest attempts with this name from this address and one of these results, newest first. */
  recentSignIns: (db: Executor, username: string, ip: string, results: string[], since: string, limit: number) =>
    db
      .selectFrom('signInLog')
      .select(['result', 'at'])
      .where('username', '=', username)
      .where('result', 'in', results)
      .where('ip', '=', ip)
      .where('at', '>=', since)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  async listSignIns(db: Executor, q: { page: number; pageSize: number; username?: string }) {
    let base = db.selectFrom('signInLog');
    if (q.username) base = base.where('username', '=', q.username);
    const [items, total] = await Promise.all([
      base
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
};
