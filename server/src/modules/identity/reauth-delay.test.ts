import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { identityRepo } from './identity.repo.ts';

const START = new Date('2026-03-02T01:00:00Z');

/**
 * Issue 12 follow-up: the current password asked again for one's own security steps (TOTP setup,
 * enable, disable; password change) is not a free oracle for a stolen session. Wrong answers count
 * into the sign-in delay of the account from that address (5 failures, then 1 minute, 2, 4 …).
 */
describe.each(ENGINES)('re-authentication counts into the sign-in delay on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.set(START));

  const from = (session: Session, remoteAddress: string) => ({
    setup: (password: string, lang = 'zh-CN') =>
      session.request({
        method: 'POST',
        url: '/api/auth/totp/setup',
        payload: { password },
        remoteAddress,
        headers: { 'accept-language': lang },
      }),
    disable: (password: string) => session.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { password }, remoteAddress }),
    enable: (password: string) =>
      session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { password, code: '000000' }, remoteAddress }),
    changePassword: (currentPassword: string) =>
      session.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'Another#Pass2026' },
        remoteAddress,
      }),
  });
  const login = (username: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD }, remoteAddress });
  const results = async (username: string, ip: string) =>
    (await t.db.db.selectFrom('signInLog').select(['result', 'ip']).where('username', '=', username).orderBy('id').execute())
      .filter((r) => r.ip === ip)
      .map((r) => r.result);

  it('answers 429 after five wrong answers — even to the right one — and delays sign-in from that address too, not from others', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const guess = from(session, '10.7.0.1');
    const wrong = [await guess.setup('guess-1'), await guess.disable('guess-2'), await guess.enable('guess-3')];
    wrong.push(await guess.changePassword('guess-4'), await guess.setup('guess-5'));
    expect(wrong.map((r) => [r.statusCode, r.json().error.code])).toEqual(Array(5).fill([400, 'wrong_current_password']));

    const right = await guess.setup(TEST_PASSWORD);
    expect(right.statusCode, right.body).toBe(429);
    expect(right.json().error.code).toBe('too_many_attempts');
    expect(right.headers['retry-after']).toBe('60');
    expect((await identityRepo.userById(t.db.db, user.id))!.totpSecret).toBeNull(); // nothing changed while delayed
    const en = await guess.setup(TEST_PASSWORD, 'en-US');
    expect(en.json().error.message).toMatch(/try again/i);

    expect((await login(user.username, '10.7.0.1')).statusCode).toBe(429); // one delay for sign-in and re-authentication
    expect((await login(user.username, '10.7.0.2')).statusCode).toBe(200); // the owner elsewhere is not locked out
    expect(await results(user.username, '10.7.0.1')).toEqual([...Array(5).fill('bad_current_password'), 'delayed', 'delayed', 'delayed']);

    // the administrator sees them in the sign-in log, named
    const log = await t.admin.request({ method: 'GET', url: `/api/sign-ins?username=${user.username}&pageSize=50` });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items.filter((e: { result: string }) => e.result === 'bad_current_password')).toHaveLength(5);
  });

  it('lets the right answer through once the delay is over, and that ends the spell', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const guess = from(session, '10.7.1.1');
    for (let i = 0; i < 5; i++) expect((await guess.disable(`guess-${i}`)).statusCode).toBe(400);
    expect((await guess.disable(TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(61_000);
    const setup = await guess.setup(TEST_PASSWORD);
    expect(setup.statusCode, setup.body).toBe(200);
    // the spell is over: a slip of the finger now is one failure, not a sixth
    expect((await guess.disable('slip')).statusCode).toBe(400);
    expect((await guess.disable(TEST_PASSWORD)).statusCode).toBe(200);
    expect(await results(user.username, '10.7.1.1')).toEqual([
      ...Array(5).fill('bad_current_password'),
      'delayed',
      'reauth',
      'bad_current_password',
      'reauth',
    ]);
  });
});
