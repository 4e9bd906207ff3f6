import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { totpCode } from '../../platform/auth/totp.ts';
import { identityRepo } from './identity.repo.ts';

/** Issue #11: the second factor changes only with the current password — a session alone is not enough. */
describe.each(ENGINES)('TOTP changes ask for the current password on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  const secretOf = async (userId: string) => (await identityRepo.userById(t.db.db, userId))!;

  it('refuses to set up TOTP for a session without the password, or with a wrong one (zh-CN / en)', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const bare = await session.request({ method: 'POST', url: '/api/auth/totp/setup' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('validation_failed');
    const wrong = await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: 'not-mine' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'wrong_current_password',
      message: '当前密码不正确',
      fields: [{ path: 'body.password' }],
    });
    const en = await session.request({
      method: 'POST',
      url: '/api/auth/totp/setup',
      payload: { password: 'not-mine' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toBe('The current password is wrong');
    expect((await secretOf(user.id)).totpSecret).toBeNull();
  });

  it('switches TOTP on only with the password and a code, and will not replace the secret while it is on', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const setup = await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: TEST_PASSWORD } });
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json();
    const code = totpCode(secret, t.clock.now());
    const withoutPassword = await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code } });
    expect(withoutPassword.statusCode).toBe(400);
    const wrongPassword = await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code, password: 'not-mine' } });
    expect(wrongPassword.json().error.code).toBe('wrong_current_password');
    expect((await secretOf(user.id)).totpEnabled).toBe(0);
    const on = await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code, password: TEST_PASSWORD } });
    expect(on.statusCode).toBe(200);

    const again = await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('totp_already_enabled');
    expect((await secretOf(user.id)).totpSecret).toBe(secret);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(login.json().error.code).toBe('totp_required'); // still on, with the first secret
  });

  it('switches TOTP off only with the right password', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const password = TEST_PASSWORD;
    const { secret } = (await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password } })).json();
    const code = totpCode(secret, t.clock.now());
    expect((await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code, password } })).statusCode).toBe(200);
    const wrong = await session.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { password: 'not-mine' } });
    expect(wrong.statusCode).toBe(400);
    expect((await secretOf(user.id)).totpEnabled).toBe(1);
    expect((await session.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { password } })).statusCode).toBe(200);
    expect((await secretOf(user.id)).totpEnabled).toBe(0);
  });
});
