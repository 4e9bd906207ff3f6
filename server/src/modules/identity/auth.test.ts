import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signIn, startTestApp, type TestApp, ADMIN_PASSWORD } from '../../../test/harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { totpCode } from '../../platform/auth/totp.ts';

const login = (t: TestApp, username: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...extra }, headers });

describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const res = await login(t, 'admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qinlian_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().user.permissions).toContain('audit.read');
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `qinlian_session=${cookie.value}` } });
    expect(session.json().user.username).toBe('admin');
  });

  it("refuses a wrong password in the caller's language and logs the attempt with IP", async () => {
    const zh = await login(t, 'admin', 'wrong-password');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toEqual({ code: 'bad_credentials', message: '用户名或密码错误' });
    const en = await login(t, 'admin', 'wrong-password', {}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toBe('Wrong username or password');
    const log = await t.admin.request({ method: 'GET', url: '/api/sign-ins?username=admin&pageSize=50' });
    const results = log.json().items.map((i: { result: string }) => i.result);
    expect(results).toContain('bad_password');
    expect(results).toContain('success');
    expect(log.json().items[0].ip).toBeTruthy();
    // resetting the counter: a success clears earlier failures
    await login(t, 'admin', ADMIN_PASSWORD);
  });

  it('answers unknown users exactly like wrong passwords', async () => {
    const res = await login(t, 'nobody-here', 'whatever1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
  });

  it('needs x-csrf-token on cookie-authenticated writes', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const payload = { password: TEST_PASSWORD };
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie: session.cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const right = await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload });
    expect(right.statusCode).toBe(200);
  });

  it('expires an idle session and issues a new session id at every sign-in', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await session.request({ method: 'GET', url: '/api/auth/session' });
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('session_expired');
    const first = await signIn(t.app, user.username, TEST_PASSWORD);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { cookie: first.cookie },
    });
    const second = again.cookies.find((c) => c.name === 'qinlian_session')!.value;
    expect(first.cookie).not.toContain(second);
    expect((await first.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('signs out', async () => {
    const { session } = await buildSignedInUser(t, { permissions: [] });
    expect((await session.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('passwords and second factor on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('forces a change of an initial password before anything else, then enforces the policy', async () => {
    const roles = (await t.admin.request({ method: 'GET', url: '/api/roles' })).json().items;
    const staffRole = roles.find((r: { code: string }) => r.code === 'staff');
    const { createAccount } = await import('./access.service.ts');
    const { systemCtx } = await import('../../bootstrap.ts');
    const { user, initialPassword } = await createAccount(systemCtx(t.db, t.clock), {
      username: 'newcomer',
      displayName: '新同事',
      personId: null,
      roleIds: [staffRole.id],
    });
    expect(initialPassword).toBeTruthy();
    const s = await signIn(t.app, user.username, initialPassword!);
    expect(s.user).toMatchObject({ username: 'newcomer' });
    const blocked = await s.request({ method: 'GET', url: '/api/departments' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    for (const weak of ['short1A', 'alllowercaseletters', '12345678', 'abcdefgh1']) {
      const res = await s.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: initialPassword, newPassword: weak },
      });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.code).toBe('weak_password');
    }
    const wrongCurrent = await s.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'Better#2026' },
    });
    expect(wrongCurrent.json().error.code).toBe('wrong_current_password');
    expect(
      (
        await s.request({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: initialPassword, newPassword: 'Better#2026' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await s.request({ method: 'GET', url: '/api/departments' })).statusCode).toBe(200);
    expect((await login(t, 'newcomer', initialPassword!)).statusCode).toBe(401);
    expect((await login(t, 'newcomer', 'Better#2026')).statusCode).toBe(200);
  });

  it('turns on TOTP only with a valid code, then requires it at sign-in', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: [] });
    const password = TEST_PASSWORD;
    const setup = (await session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password } })).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const wrongCode = await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: '000000', password } });
    expect(wrongCode.statusCode).toBe(400);
    const code = totpCode(setup.secret, t.clock.now());
    expect((await session.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code, password } })).statusCode).toBe(200);
    const noCode = await login(t, user.username, TEST_PASSWORD);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    const badCode = await login(t, user.username, TEST_PASSWORD, { totp: code === '123456' ? '654321' : '123456' });
    expect(badCode.json().error.code).toBe('bad_totp');
    t.clock.advance(60_000);
    const good = await login(t, user.username, TEST_PASSWORD, { totp: totpCode(setup.secret, t.clock.now()) });
    expect(good.statusCode).toBe(200);
  });
});

describe.each(ENGINES)('API tokens on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('are issued by an admin, act as their person without CSRF, show once, and stop when revoked', async () => {
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const issued = await t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: user.id, name: '对接 OA 系统' } });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^qlt_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/departments', headers: bearer })).statusCode).toBe(200);
    // scoped like its person: no audit.read
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer })).statusCode).toBe(403);
    const listed = (await t.admin.request({ method: 'GET', url: '/api/api-tokens' })).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await t.admin.request({ method: 'DELETE', url: `/api/api-tokens/${id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/departments', headers: bearer })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/departments', headers: { authorization: 'Bearer qlt_forged' } })).statusCode,
    ).toBe(401);
  });

  it('cannot be issued without users.manage', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read', 'people.read'] });
    const res = await session.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: user.id, name: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});
