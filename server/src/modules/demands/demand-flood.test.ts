import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_CHALLENGE_HEADER,
  PUBLIC_CHALLENGE_SOLUTION_HEADER,
  type PublicChallengeRefusal,
  type PublicDemandReceipt,
} from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { solveChallenge, solvedHeaders, wrongSolution } from '../../../test/challenge.ts';

/** Low thresholds and an easy proof, so that a flood is a handful of requests and solving takes no time. */
const SOFT = { perDevice: 3, perAddress: 6, difficulty: 8 };

/**
 * 洪峰时的轻量校验 on the public form: past the soft thresholds (per address, per device) a submission
 * needs a solved proof of work; a wrong, forged, expired or reused one is refused with 428 and a fresh
 * challenge, before the body is read and with nothing stored; a solved one is taken.
 */
describe.each(ENGINES)('the public form under a flood (安全校验) on %s', (engine) => {
  let t: TestApp;
  let device = 0;
  beforeAll(async () => {
    t = await startTestApp(engine, { publicChallenge: SOFT });
  });
  afterAll(() => t.close());

  const demand = { kind: 'demand', title: '路灯不亮', body: '小区门口的路灯坏了，晚上看不见路。' };
  const submit = (from: string, headers: Record<string, string> = {}, payload: object = demand) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/demands',
      payload,
      remoteAddress: from,
      headers: { 'x-device-id': `flood-${engine}-${++device}-abcdefgh`, ...headers },
    });
  const stored = async () => {
    const [demands, audit] = await Promise.all([
      t.db.db
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      t.db.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { demands: Number(demands.n), audit: Number(audit.n) };
  };
  const refusal = (res: { statusCode: number; body: string; json(): unknown }, code: string) => {
    expect(res.statusCode, res.body).toBe(428);
    const body = res.json() as PublicChallengeRefusal;
    expect(body.error.code).toBe(code);
    expect(body.challenge).toMatchObject({ difficulty: SOFT.difficulty });
    return body;
  };

  it('asks one address for a proof once it passes its soft threshold, before reading the body, and takes a solved one', async () => {
    const from = '198.51.100.10';
    for (let i = 0; i < SOFT.perAddress; i++) expect((await submit(from)).statusCode).toBe(201); // each from a device of its own
    const before = await stored();
    const asked = refusal(await submit(from), 'challenge_required');
    expect(asked.error.message).toBe('提交较为频繁，请先完成安全校验；网页会自动完成，请稍候');
    expect(Date.parse(asked.challenge.expiresAt)).toBeGreaterThan(t.clock.now().getTime());
    // checked before the body is read: an empty one is not even looked at
    refusal(await submit(from, {}, {}), 'challenge_required');
    expect(await stored()).toEqual(before);

    const solved = await submit(from, solvedHeaders(await submit(from)));
    expect(solved.statusCode, solved.body).toBe(201);
    expect((solved.json() as PublicDemandReceipt).status).toBe('received');
    expect((await stored()).demands).toBe(before.demands + 1);
    // another address is not held to this one's count
    expect((await submit('198.51.100.11')).statusCode).toBe(201);
  });

  it('refuses a wrong, forged, reused or expired solution with 428, a clear reason and a fresh challenge, storing nothing', async () => {
    const from = '198.51.100.20';
    for (let i = 0; i < SOFT.perAddress; i++) await submit(from);
    const { challenge } = refusal(await submit(from), 'challenge_required');
    const before = await stored();

    const good = solveChallenge(challenge.challenge, challenge.difficulty);
    const answer = (c: string, s: string, lang?: string) =>
      submit(from, { [PUBLIC_CHALLENGE_HEADER]: c, [PUBLIC_CHALLENGE_SOLUTION_HEADER]: s, ...(lang ? { 'accept-language': lang } : {}) });
    refusal(await answer(challenge.challenge, wrongSolution(challenge.challenge, challenge.difficulty)), 'challenge_failed');
    const forged = refusal(await answer(challenge.challenge.replace(/\.[^.]+$/, '.forged'), good, 'en-US'), 'challenge_failed');
    expect(forged.error.message).toBe('The security check did not pass; please submit again');
    refusal(await answer('not a challenge', 'abc'), 'challenge_failed');

    expect((await answer(challenge.challenge, good)).statusCode).toBe(201);
    const reused = refusal(await answer(challenge.challenge, good), 'challenge_used');
    expect(reused.challenge.challenge).not.toBe(challenge.challenge);

    const stale = refusal(await submit(from), 'challenge_required').challenge;
    t.clock.advance(2 * 60_000 + 1);
    refusal(await answer(stale.challenge, solveChallenge(stale.challenge, stale.difficulty)), 'challenge_expired');
    expect((await stored()).demands).toBe(before.demands + 1);
  });

  it('asks one device for a proof past its own soft threshold, whatever address it comes from', async () => {
    const headers = { 'x-device-id': `one-phone-${engine}-0123456789` };
    const codes: number[] = [];
    for (let i = 0; i < SOFT.perDevice + 1; i++) codes.push((await submit(`203.0.113.${i + 1}`, headers)).statusCode);
    expect(codes).toEqual([201, 201, 201, 428]);
    const refused = await submit('203.0.113.50', headers);
    const solved = await submit('203.0.113.50', { ...headers, ...solvedHeaders(refused) });
    expect(solved.statusCode, solved.body).toBe(201);
  });
});
