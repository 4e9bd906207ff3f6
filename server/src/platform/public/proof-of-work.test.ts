import crypto from 'node:crypto';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { challengeProofInput, leadingZeroBits } from '@qinlian/contracts';
import { solveChallenge as solve } from '../../../test/challenge.ts';
import { CHALLENGE_TTL_MS, checkSolution, issueChallenge, SpentChallenges } from './proof-of-work.ts';

const keys = { secretKey: 'proof-of-work-test-key-0123456789', dataDir: os.tmpdir() };
const NOW = new Date('2026-12-07T01:00:00Z');

describe('安全校验: the proof of work', () => {
  it('counts the leading zero bits of a digest', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x01]))).toBe(15);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x20, 0xff]))).toBe(18);
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32);
  });

  it('accepts a solved challenge of its scope before it expires', () => {
    const c = issueChallenge(keys, 'demands', 10, NOW);
    expect(c).toMatchObject({ difficulty: 10, expiresAt: new Date(NOW.getTime() + CHALLENGE_TTL_MS).toISOString() });
    const check = checkSolution(keys, 'demands', c.challenge, solve(c.challenge, 10), new Date(NOW.getTime() + 60_000));
    expect(check.ok).toBe(true);
  });

  it('refuses a wrong solution, a forged or altered challenge, another scope, another key, and an expired one', () => {
    const c = issueChallenge(keys, 'demands', 12, NOW);
    const good = solve(c.challenge, 12);
    let wrong = 0;
    while (
      leadingZeroBits(
        crypto
          .createHash('sha256')
          .update(challengeProofInput(c.challenge, wrong.toString(36)))
          .digest(),
      ) >= 12
    )
      wrong++;
    expect(checkSolution(keys, 'demands', c.challenge, wrong.toString(36), NOW)).toEqual({ ok: false, code: 'challenge_failed' });
    // an easier difficulty written into the challenge breaks its signature
    const easier = c.challenge.replace('.12.', '.1.');
    expect(checkSolution(keys, 'demands', easier, solve(easier, 1), NOW)).toEqual({ ok: false, code: 'challenge_failed' });
    expect(checkSolution(keys, 'ratings', c.challenge, good, NOW)).toEqual({ ok: false, code: 'challenge_failed' });
    expect(checkSolution({ ...keys, secretKey: 'another-key-of-another-server' }, 'demands', c.challenge, good, NOW).ok).toBe(false);
    expect(checkSolution(keys, 'demands', 'v1.demands.12.zzz.nonce.mac', '1', NOW)).toEqual({ ok: false, code: 'challenge_failed' });
    expect(checkSolution(keys, 'demands', c.challenge, 'NOT-A-SOLUTION', NOW)).toEqual({ ok: false, code: 'challenge_failed' });
    const late = new Date(NOW.getTime() + CHALLENGE_TTL_MS);
    expect(checkSolution(keys, 'demands', c.challenge, good, late)).toEqual({ ok: false, code: 'challenge_expired' });
  });

  it('lets a challenge serve once, forgets the expired ones when full, and says when it cannot keep more', () => {
    const spent = new SpentChallenges(2);
    const now = NOW.getTime();
    expect(spent.spend('a', now + 1000, now)).toBe('ok');
    expect(spent.spend('a', now + 1000, now)).toBe('used');
    expect(spent.spend('b', now + 5000, now)).toBe('ok');
    expect(spent.spend('c', now + 5000, now)).toBe('full');
    expect(spent.spend('c', now + 5000, now + 2000)).toBe('ok'); // 'a' expired and made room
    expect(spent.spend('b', now + 5000, now + 2000)).toBe('used');
  });
});
