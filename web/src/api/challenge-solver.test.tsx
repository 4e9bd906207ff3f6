import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from '@qinlian/contracts/public-challenge-proof';
import { PUBLIC_CHALLENGE_HEADER, PUBLIC_CHALLENGE_SOLUTION_HEADER, type PublicChallenge } from '@qinlian/contracts';
import { fakeApi } from '../test/fakeApi.ts';
import { solveChallenge } from './challenge-solver.ts';
import { api } from './client.ts';
import { sha256 } from './sha256.ts';

const subtle = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
const plain = async (bytes: Uint8Array) => sha256(bytes);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const challenge = (difficulty: number): PublicChallenge => ({
  challenge: `v1.demands.${difficulty}.test.nonce${difficulty}.mac`,
  difficulty,
  expiresAt: '2026-12-07T01:02:00.000Z',
});
const proofBits = async (c: string, solution: string) => leadingZeroBits(await subtle(new TextEncoder().encode(`${c}:${solution}`)));

describe('安全校验 in the browser: the proof-of-work solver', () => {
  it('hashes as SubtleCrypto does where the page has none (plain HTTP)', async () => {
    const texts = ['', 'abc', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), '正在进行安全校验…'.repeat(20)];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      expect(hex(sha256(bytes)), text).toBe(hex(await subtle(bytes)));
    }
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('finds the first solution whose digest starts with enough zero bits, with either digest', async () => {
    const c = challenge(10);
    const solution = await solveChallenge(c, undefined, subtle);
    expect(await proofBits(c.challenge, solution)).toBeGreaterThanOrEqual(10);
    expect(await solveChallenge(c, undefined, plain)).toBe(solution);
    // nothing smaller solves it: the browser counts from 0
    for (let n = 0; n < parseInt(solution, 36); n++) expect(await proofBits(c.challenge, n.toString(36))).toBeLessThan(10);
  });

  it('stops when the page leaves', async () => {
    const leaving = new AbortController();
    leaving.abort();
    await expect(solveChallenge(challenge(20), leaving.signal)).rejects.toThrow();
  });

  it('answers a public route’s 428 by solving its challenge and sending the request again with the solution', async () => {
    const c = challenge(8);
    const fake = fakeApi().on('POST', '/api/public/demands', async (req) => {
      const solution = req.headers.get(PUBLIC_CHALLENGE_SOLUTION_HEADER);
      if (req.headers.get(PUBLIC_CHALLENGE_HEADER) === c.challenge && solution && (await proofBits(c.challenge, solution)) >= 8)
        return { status: 201, body: { code: 'OK' } };
      return { status: 428, body: { error: { code: 'challenge_required', message: '提交较为频繁，请先完成安全校验' }, challenge: c } };
    });
    await expect(api.post('/api/public/demands', { title: '路灯' })).resolves.toEqual({ code: 'OK' });
    const sent = fake.calls('POST', '/api/public/demands');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toEqual({ title: '路灯' });
  });

  it('gives up with the server’s words after a few rounds, and never solves for a console route', async () => {
    const c = challenge(4);
    const refuse = () => ({
      status: 428,
      body: { error: { code: 'challenge_failed', message: '安全校验未通过，请重新提交' }, challenge: c },
    });
    const fake = fakeApi().on('POST', '/api/public/demands', refuse).on('POST', '/api/demands', refuse);
    await expect(api.post('/api/public/demands', {})).rejects.toMatchObject({ status: 428, code: 'challenge_failed' });
    expect(fake.calls('POST', '/api/public/demands')).toHaveLength(3);
    await expect(api.post('/api/demands', {})).rejects.toMatchObject({ status: 428 });
    expect(fake.calls('POST', '/api/demands')).toHaveLength(1);
  });
});
