import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { currentDelay, delayAfter } from './sign-in-delay.ts';

const rule = { attempts: 5, maxMinutes: 15 };

describe('the delay a spell of failures earns', () => {
  it('starts at the fifth failure with 1 minute and doubles up to the cap', () => {
    expect(delayAfter(4, 0, rule)).toBeNull();
    expect([5, 6, 7, 8, 9, 30].map((n) => delayAfter(n, 0, rule)! / 60_000)).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('counts failures back to the last success only, ignoring delayed refusals', () => {
    const at = '2026-03-02T01:00:00.000Z';
    const rows = [
      { result: 'bad_password', at },
      { result: 'delayed', at },
      { result: 'unknown_user', at },
      { result: 'success', at },
      { result: 'bad_password', at },
    ];
    expect(currentDelay(rows, rule)).toEqual({ failures: 2, until: null });
  });
});

describe.each(ENGINES)('sign-in delays per (name, address) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  /** what a caller can see of a refusal */
  const seen = (res: Awaited<ReturnType<typeof login>>) => ({
    status: res.statusCode,
    body: res.body,
    retryAfter: res.headers['retry-after'] ?? null,
  });

  it('answers an unknown name exactly like a known one at every attempt, 1 to 8', async () => {
    // the owner of the known name is told of the delay (a notice): the answer must not show it
    const { user } = await buildSignedInUser(t, { permissions: [], personId: (await buildPerson(t)).id });
    for (let i = 1; i <= 8; i++) {
      const known = seen(await login(user.username, 'Wrong-pass1', '10.1.0.1'));
      const unknown = seen(await login(`${user.username}-nobody`, 'Wrong-pass1', '10.1.0.1'));
      expect(unknown, `attempt ${i}`).toEqual(known);
      expect(known.status, `attempt ${i}`).toBe(i <= 5 ? 401 : 429);
    }
  });

  it('never locks the owner out from another address; the delay from the guessing address grows', async () => {
    const { user } = await buildSignedInUser(t, { permissions: [] });
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'nope', '10.2.0.1')).statusCode).toBe(401);
    const delayed = await login(user.username, TEST_PASSWORD, '10.2.0.1');
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json().error.code).toBe('too_many_attempts');
    expect(delayed.headers['retry-after']).toBe('60');
    expect((await login(user.username, TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);

    t.clock.advance(61_000); // the first minute is over: one more failure earns 2 minutes
    expect((await login(user.username, 'nope', '10.2.0.1')).statusCode).toBe(401);
    const longer = await login(user.username, TEST_PASSWORD, '10.2.0.1');
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('120');
    expect((await login(user.username, TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    t.clock.advance(121_000);
    expect((await login(user.username, TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    // the sign-in log shows the delayed refusals beside the failures
    const log = await t.admin.request({ method: 'GET', url: `/api/sign-ins?username=${user.username}&pageSize=50` });
    expect(log.statusCode).toBe(200);
    expect(log.json().items.map((i: { result: string }) => i.result)).toContain('delayed');
  });

  it('tells the owner once per spell that sign-ins are being delayed, without changing the answer', async () => {
    const person = await buildPerson(t);
    const { user, session } = await buildSignedInUser(t, { permissions: [], personId: person.id });
    const inbox = async () =>
      ((await session.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json().items as { kind: string; body: string }[]).filter(
        (i) => i.kind === 'auth.sign_in_delayed',
      );
    for (let i = 0; i < 7; i++) await login(user.username, 'nope', '10.3.0.1');
    t.clock.advance(61_000); // the spell goes on after the first minute: no second notice
    expect((await login(user.username, 'nope', '10.3.0.1')).statusCode).toBe(401);
    const notices = await inbox();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('10.3.0.1');
  });

  it('forgets the failures from an address once the right password succeeds there, and only there', async () => {
    const { user } = await buildSignedInUser(t, { permissions: [] });
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'nope', '10.4.0.1')).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'nope', '10.4.0.2')).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'nope', '10.4.0.1')).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    // the other address keeps its count: its fifth failure starts a delay there
    expect((await login(user.username, 'nope', '10.4.0.2')).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, '10.4.0.2')).statusCode).toBe(429);
  });
});
