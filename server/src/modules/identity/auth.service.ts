import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import type { Authentication } from '../../platform/http/auth-hook.ts';
import { assertPasswordPolicy, hashPassword, newSecret, secretDigest, verifyPassword } from '../../platform/auth/passwords.ts';
import { newTotpSecret, totpUrl, totpValid } from '../../platform/auth/totp.ts';
import { identityRepo, type UserRow } from './identity.repo.ts';
import { actorForUser, cachedActorForUser } from './actor.ts';
import { cachedSessionCheck } from './session-cache.ts';
import { effectivePermissions, isReadOnly } from './token-scope.ts';
import { FAILURES, type DelayRule } from './sign-in-delay.ts';
import { delayOf, logSignIn, type Origin } from './sign-in-log.ts';
import { assertCurrentPassword, type Reauth } from './reauth.ts';

export const SESSION_COOKIE = 'qinlian_session';
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(newSecret('decoy-')));
const TOUCH_EVERY_MS = 60_000;

type SignInInput = { username: string; password: string; totp?: string };

/** Tell the owner once per spell that sign-ins to their account are being delayed from one address. */
async function tellOwnerOfDelay(tx: TxCtx, user: UserRow) {
  if (!user.personId) return;
  const at = iso(tx.clock.now());
  await notify(tx, {
    kind: 'auth.sign_in_delayed',
    recipientPersonIds: [user.personId],
    title: '账号登录失败次数过多',
    body: `来自 ${tx.ip} 的登录连续失败，该地址的登录已暂缓；您从其他地址登录不受影响。如非本人操作，请修改密码并联系管理员。`,
    en: {
      title: 'Too many failed sign-ins to your account',
      body: `Sign-ins from ${tx.ip} kept failing and are now delayed; signing in from elsewhere is not affected. If this was not you, change your password and tell an administrator.`,
    },
    entityType: 'user',
    entityId: user.id,
    dedupeKey: `auth.sign_in_delayed|${user.id}|${tx.ip}|${at}`,
  });
}

/** A refused attempt is written (and committed) before the refusal is thrown. */
async function refuse(
  ctx: Ctx,
  attempt: { user: UserRow | undefined; username: string; failuresBefore: number; rule: DelayRule },
  result: string,
  origin: Origin,
  error: DomainError,
): Promise<never> {
  const { user, username, failuresBefore, rule } = attempt;
  await inTransaction(ctx, async (tx) => {
    await logSignIn(tx, { username, userId: user?.id ?? null, result }, origin);
    // this failure starts a delay: the owner hears of it (the answer stays the same for every name)
    if (user && FAILURES.includes(result) && failuresBefore + 1 === rule.attempts) await tellOwnerOfDelay(tx, user);
  });
  throw error;
}

/**
 * Sign in: check the delay of this name from this address, then password and (when enabled) the
 * TOTP code; start a fresh session. Until the password is right, a name that exists is answered
 * exactly like one that does not, after the same argon2 work.
 */
export async function signIn(ctx: Ctx, input: SignInInput, origin: Origin, config: Config, previousSessionToken?: string) {
  const now = ctx.clock.now();
  const rule: DelayRule = { attempts: config.lockout.attempts, maxMinutes: config.lockout.minutes };
  const delay = await delayOf(ctx, input.username, rule);
  const user = await identityRepo.userByUsername(ctx.db, input.username);
  const attempt = { user, username: input.username, failuresBefore: delay.failures, rule };
  const fail = (result: string, error: DomainError) => refuse(ctx, attempt, result, origin, error);
  if (delay.until !== null && delay.until > now.getTime()) {
    const seconds = Math.ceil((delay.until - now.getTime()) / 1000);
    return fail('delayed', new DomainError('too_many_attempts', 429, { minutes: Math.ceil(seconds / 60), seconds }));
  }
  const passwordRight = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user) return fail('unknown_user', new DomainError('bad_credentials', 401));
  if (!passwordRight) return fail('bad_password', new DomainError('bad_credentials', 401));
  if (user.disabled) return fail('disabled', new DomainError('account_disabled', 403));
  if (user.totpEnabled && !input.totp) return fail('totp_required', new DomainError('totp_required', 401));
  if (user.totpEnabled && !totpValid(user.totpSecret!, input.totp!, now)) return fail('bad_totp', new DomainError('bad_totp', 401));

  const token = newSecret('qls_');
  const csrfToken = newSecret('');
  await inTransaction(ctx, async (tx) => {
    const at = iso(now);
    // A new id at every sign-in (no session fixation); the cookie's old session ends here.
    if (previousSessionToken) await identityRepo.revokeSession(tx.db, secretDigest(previousSessionToken), at);
    await identityRepo.insertSession(tx.db, {
      id: secretDigest(token),
      userId: user.id,
      csrfToken,
      ip: tx.ip,
      userAgent: origin.userAgent.slice(0, 300),
      createdAt: at,
      lastSeenAt: at,
      revokedAt: null,
    });
    await logSignIn(tx, { username: user.username, userId: user.id, result: 'success' }, origin);
    await recordAudit(
      { ...tx, actor: await actorForUser(tx.db, user, 'session') },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
  });
  return { token, csrfToken, user };
}

export async function signOut(ctx: Ctx, sessionToken: string | undefined) {
  if (!sessionToken || !ctx.actor) return;
  await inTransaction(ctx, async (tx) => {
    await identityRepo.revokeSession(tx.db, secretDigest(sessionToken), iso(tx.clock.now()));
    await recordAudit(tx, { action: 'auth.logout', entityType: 'user', entityId: tx.actor!.userId });
  });
}

/** Who is calling: an API token (Bearer) or a session cookie that has not idled out. */
export async function authenticate(request: FastifyRequest, config: Config): Promise<Authentication> {
  const { db, clock } = request.server.deps;
  const now = clock.now();
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await identityRepo.tokenWithAccount(db, secretDigest(bearer));
    if (!token || token.revokedAt || (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime())) return { status: 'none' };
    // a password change, reset, disable or lost role revokes the account's tokens in its own transaction
    // (revokeUserTokens): no comparison of instants here, which clock skew between instances would defeat
    if (token.disabled) return { status: 'none' };
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS)
      await identityRepo.touchToken(db, token.id, iso(now));
    const owner = await cachedActorForUser(db, { ...token, id: token.userId }, 'token', now.getTime());
    // the token's scope within what its owner holds today: a permission the owner loses, the token loses
    const actor = { ...owner, permissions: effectivePermissions(token, owner.permissions) };
    return { status: 'ok', via: 'token', actor, readOnly: isReadOnly(token), mustChangePassword: false };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return { status: 'none' };
  const session = await cachedSessionCheck(db, secretDigest(cookie));
  if (!session || session.revokedAt) return { status: session ? 'expired' : 'none' };
  if (now.getTime() - Date.parse(session.lastSeenAt) > config.sessionIdleMinutes * 60_000) {
    await identityRepo.revokeSession(db, session.id, iso(now));
    return { status: 'expired' };
  }
  if (session.disabled) return { status: 'none' };
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    // noted on the shared check first: the requests in flight with this session touch it once, not each
    session.lastSeenAt = iso(now);
    await identityRepo.touchSession(db, session.id, iso(now));
  }
  const actor = await cachedActorForUser(db, { ...session, id: session.userId }, 'session', now.getTime());
  return { status: 'ok', via: 'session', actor, csrfToken: session.csrfToken, mustChangePassword: !!session.mustChangePassword };
}

export async function currentUserRow(ctx: Ctx): Promise<UserRow> {
  const user = await identityRepo.userById(ctx.db, ctx.actor!.userId);
  if (!user) throw new DomainError('unauthenticated', 401);
  return user;
}

/** Change one's own password; the other sessions and every API token of this account end. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  reauth: Reauth,
  keepSessionToken?: string,
) {
  const user = await currentUserRow(ctx);
  await assertCurrentPassword(ctx, user, input.currentPassword, 'body.currentPassword', reauth);
  assertPasswordPolicy(input.newPassword);
  if (input.currentPassword === input.newPassword)
    throw new DomainError('password_reused', 400, {}, [{ path: 'body.newPassword', message: 'reused' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const at = iso(tx.clock.now());
    await identityRepo.updateUser(tx.db, user.id, { passwordHash, mustChangePassword: 0, passwordChangedAt: at, updatedAt: at });
    await identityRepo.revokeUserSessions(tx.db, user.id, at, keepSessionToken && secretDigest(keepSessionToken));
    await identityRepo.revokeUserTokens(tx.db, user.id, at);
    await recordAudit(tx, { action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}

/**
 * Step one of TOTP: a new secret, not yet active until a code from it is confirmed. Refused while
 * TOTP is on: a new secret would silently switch the second factor off.
 */
export async function setupTotp(ctx: Ctx, password: string, reauth: Reauth) {
  const user = await currentUserRow(ctx);
  await assertCurrentPassword(ctx, user, password, 'body.password', reauth);
  if (user.totpEnabled) throw new DomainError('totp_already_enabled', 409);
  const secret = newTotpSecret();
  await inTransaction(ctx, async (tx) => {
    await identityRepo.updateUser(tx.db, user.id, { totpSecret: secret, totpEnabled: 0, updatedAt: iso(tx.clock.now()) });
    await recordAudit(tx, { action: 'user.totp_setup', entityType: 'user', entityId: user.id });
  });
  return { secret, otpauthUrl: totpUrl(secret, user.username) };
}

export async function enableTotp(ctx: Ctx, input: { code: string; password: string }, reauth: Reauth) {
  const user = await currentUserRow(ctx);
  await assertCurrentPassword(ctx, user, input.password, 'body.password', reauth);
  if (!user.totpSecret) throw new DomainError('totp_not_setup', 409);
  if (!totpValid(user.totpSecret, input.code, ctx.clock.now()))
    throw new DomainError('bad_totp', 400, {}, [{ path: 'body.code', message: 'bad_totp' }]);
  await inTransaction(ctx, async (tx) => {
    await identityRepo.updateUser(tx.db, user.id, { totpEnabled: 1, updatedAt: iso(tx.clock.now()) });
    await recordAudit(tx, { action: 'user.totp_enable', entityType: 'user', entityId: user.id });
  });
}

export async function disableTotp(ctx: Ctx, password: string, reauth: Reauth) {
  const user = await currentUserRow(ctx);
  await assertCurrentPassword(ctx, user, password, 'body.password', reauth);
  await inTransaction(ctx, async (tx) => {
    await identityRepo.updateUser(tx.db, user.id, { totpEnabled: 0, totpSecret: null, updatedAt: iso(tx.clock.now()) });
    await recordAudit(tx, { action: 'user.totp_disable', entityType: 'user', entityId: user.id });
  });
}
