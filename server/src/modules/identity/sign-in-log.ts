import type { Ctx } from '../../platform/context.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { identityRepo } from './identity.repo.ts';
import { currentDelay, FAILURES, SPELL_ENDS, SPELL_MEMORY_MS, SPELL_ROWS_BEYOND_LIMIT, type DelayRule } from './sign-in-delay.ts';

/**
 * 登录日志 and the delay it imposes, shared by sign-in and by re-authentication (the current
 * password asked again for one's own security steps): both count into one spell per name and address.
 */
export type Origin = { userAgent: string };

export async function logSignIn(ctx: Ctx, input: { username: string; userId: string | null; result: string }, origin: Origin) {
  await identityRepo.insertSignIn(ctx.db, {
    id: newId(),
    ...input,
    ip: ctx.ip,
    userAgent: origin.userAgent.slice(0, 300),
    at: iso(ctx.clock.now()),
  });
}

/** The wait this name from this address has earned by its failures since its last success there. */
export async function delayOf(ctx: Ctx, username: string, rule: DelayRule) {
  const since = iso(new Date(ctx.clock.now().getTime() - SPELL_MEMORY_MS));
  const rows = await identityRepo.recentSignIns(
    ctx.db,
    username,
    ctx.ip,
    [...FAILURES, ...SPELL_ENDS],
    since,
    rule.attempts + SPELL_ROWS_BEYOND_LIMIT,
  );
  return currentDelay(rows, rule);
}
