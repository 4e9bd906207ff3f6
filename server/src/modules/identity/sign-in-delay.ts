/**
 * 登录限速: failed sign-ins are counted per (name as typed, source address), never per account, so
 * someone guessing from one address cannot lock the owner out from another, and a name that exists
 * is delayed exactly like one that does not. After `attempts` failures since the last success from
 * that address, each further attempt waits 1 minute, then 2, 4, … up to `maxMinutes`.
 */

/**
 * Results that count as a failed guess — at sign-in, or of the current password asked again for
 * one's own security steps (reauth.ts: a stolen session guessing it); 'delayed' refusals and a
 * missing second factor do not.
 */
export const FAILURES = ['unknown_user', 'bad_password', 'bad_totp', 'bad_current_password'];
/** Results that end a spell of failures: a success, the current password given right, or an administrator releasing the name (解除限速). */
export const SPELL_ENDS = ['success', 'reauth', 'unlocked'];
/** How far back a spell of failures is read: older ones are forgotten. */
export const SPELL_MEMORY_MS = 24 * 3_600_000;
/** Rows worth reading: past `attempts + 30` failures the wait is long capped. */
export const SPELL_ROWS_BEYOND_LIMIT = 30;

export type Attempt = { result: string; at: string };
export type DelayRule = { attempts: number; maxMinutes: number };
export type Delay = { failures: number; until: number | null };

/** The delay a spell of `failures` ending at `lastFailureAt` imposes (null: none yet). */
export function delayAfter(failures: number, lastFailureAt: number, rule: DelayRule): number | null {
  if (failures < rule.attempts) return null;
  const minutes = Math.min(rule.maxMinutes, 2 ** Math.min(failures - rule.attempts, 30));
  return lastFailureAt + minutes * 60_000;
}

/** From the attempts of one (name, address), newest first: failures since the last success (or release) and the wait they impose. */
export function currentDelay(newestFirst: Attempt[], rule: DelayRule): Delay {
  let failures = 0;
  let lastFailureAt: number | null = null;
  for (const a of newestFirst) {
    if (SPELL_ENDS.includes(a.result)) break;
    if (!FAILURES.includes(a.result)) continue;
    failures++;
    lastFailureAt ??= Date.parse(a.at);
  }
  return { failures, until: lastFailureAt === null ? null : delayAfter(failures, lastFailureAt, rule) };
}
