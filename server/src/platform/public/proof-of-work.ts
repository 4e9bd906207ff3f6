import crypto from 'node:crypto';
import { CHALLENGE_SOLUTION, challengeProofInput, leadingZeroBits, type PublicChallenge } from '@qinlian/contracts';
import type { Config } from '../config.ts';
import { keyedDigest } from '../crypto/sealed.ts';

/**
 * 安全校验 — a proof of work in place of a CAPTCHA (no third party, nothing to read or click): the
 * server signs a random challenge with its key and an expiry; the client finds a solution whose
 * SHA-256 starts with `difficulty` zero bits. Issuing costs one HMAC and keeps nothing; checking
 * costs one HMAC and one SHA-256, and remembers the challenge until it expires so it serves once.
 * A challenge is `v1.<scope>.<difficulty>.<expiry, ms base 36>.<nonce>.<mac>`.
 */

type Keys = Pick<Config, 'secretKey' | 'dataDir'>;

/** Long enough for a slow phone and a retry; short enough that a stock of solved challenges goes stale. */
export const CHALLENGE_TTL_MS = 2 * 60_000;
const VERSION = 'v1';
const PURPOSE = 'public-challenge';
const SCOPE = /^[a-z][a-z0-9-]{0,31}$/;

const macOf = (keys: Keys, signed: string) => keyedDigest(keys, PURPOSE, signed);

/** A fresh challenge for `scope` (the routes that share a gate): a solution for one scope is refused by another. */
export function issueChallenge(keys: Keys, scope: string, difficulty: number, now: Date): PublicChallenge {
  if (!SCOPE.test(scope)) throw new Error(`challenge scope "${scope}" must be lower-case letters, digits and -`);
  const expiresAt = now.getTime() + CHALLENGE_TTL_MS;
  const signed = [VERSION, scope, difficulty, expiresAt.toString(36), crypto.randomBytes(12).toString('base64url')].join('.');
  return { challenge: `${signed}.${macOf(keys, signed)}`, difficulty, expiresAt: new Date(expiresAt).toISOString() };
}

export type ChallengeCheck =
  { ok: true; nonce: string; expiresAtMs: number } | { ok: false; code: 'challenge_failed' | 'challenge_expired' };

const failed: ChallengeCheck = { ok: false, code: 'challenge_failed' };

/** For this scope, ours (the signature), not expired, and solved — in that order: the proof is hashed last. */
export function checkSolution(keys: Keys, scope: string, challenge: string, solution: string, now: Date): ChallengeCheck {
  const parts = challenge.split('.');
  if (parts.length !== 6 || !CHALLENGE_SOLUTION.test(solution)) return failed;
  const [version, ofScope, difficultyText, expiry, nonce, mac] = parts as [string, string, string, string, string, string];
  if (version !== VERSION || ofScope !== scope) return failed;
  const expected = Buffer.from(macOf(keys, parts.slice(0, 5).join('.')));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return failed;
  const expiresAtMs = parseInt(expiry, 36);
  if (!(expiresAtMs > now.getTime())) return { ok: false, code: 'challenge_expired' };
  const digest = crypto.createHash('sha256').update(challengeProofInput(challenge, solution)).digest();
  if (leadingZeroBits(digest) < Number(difficultyText)) return failed;
  return { ok: true, nonce, expiresAtMs };
}

/**
 * The challenges already used, each kept until it expires (then it would be refused anyway). Bounded:
 * at `capacity` it first forgets the expired, and when every one is still live it refuses to take
 * more — a source that solves that many in two minutes is past what this check is for.
 */
export class SpentChallenges {
  private readonly spent = new Map<string, number>();
  constructor(private readonly capacity = 100_000) {}

  /** `ok` the first time a challenge is used; `used` after that; `full` when there is no room for it. */
  spend(nonce: string, expiresAtMs: number, nowMs: number): 'ok' | 'used' | 'full' {
    if (this.spent.has(nonce)) return 'used';
    if (this.spent.size >= this.capacity) for (const [n, until] of this.spent) if (until <= nowMs) this.spent.delete(n);
    if (this.spent.size >= this.capacity) return 'full';
    this.spent.set(nonce, expiresAtMs);
    return 'ok';
  }
}
