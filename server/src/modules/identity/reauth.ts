import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import type { UserRow } from './identity.repo.ts';
import { delayOf, logSignIn, type Origin } from './sign-in-log.ts';
import type { DelayRule } from './sign-in-delay.ts';

/** What re-authentication needs besides the password: the sign-in delay's rule and where the request came from. */
export type Reauth = Origin & { rule: DelayRule };

/**
 * Re-authentication for the account's own security steps: a session proves a browser, not the
 * person at it, so password and second-factor changes carry the current password in the body.
 * A stolen session must not guess it without limit, so a wrong answer counts as a failed sign-in
 * of this account from this address (登录日志 `bad_current_password`) in the one delay sign-in
 * keeps (sign-in-delay.ts): while it runs, the answer is 429 too_many_attempts and the password is
 * not even checked. A right answer ends the spell, as a sign-in does (`reauth`).
 */
export async function assertCurrentPassword(ctx: Ctx, user: UserRow, password: string, field: string, reauth: Reauth) {
  const now = ctx.clock.now().getTime();
  const log = (result: string) => inTransaction(ctx, (tx) => logSignIn(tx, { username: user.username, userId: user.id, result }, reauth));
  const delay = await delayOf(ctx, user.username, reauth.rule);
  if (delay.until !== null && delay.until > now) {
    await log('delayed');
    const seconds = Math.ceil((delay.until - now) / 1000);
    throw new DomainError('too_many_attempts', 429, { minutes: Math.ceil(seconds / 60), seconds });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await log('bad_current_password');
    throw new DomainError('wrong_current_password', 400, {}, [{ path: field, message: 'wrong_current_password' }]);
  }
  await log('reauth');
}
