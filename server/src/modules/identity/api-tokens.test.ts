import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildRole, buildSignedInUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { totpCode } from '../../platform/auth/totp.ts';
import { loadConfig } from '../../platform/config.ts';

/** Issue #11: tokens are for integrations, never for credentials, and die with the owner's credentials. */

type Account = Awaited<ReturnType<typeof buildSignedInUser>> & {
  token: string;
  tokenId: string;
  bearer: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
};

/** A fresh account that may manage users, signed in at the console and holding an API token of its own. */
async function accountWithToken(t: TestApp): Promise<Account> {
  const account = await buildSignedInUser(t, { permissions: ['org.read', 'users.manage'] });
  const issued = await t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: account.user.id, name: '集成' } });
  expect(issued.statusCode).toBe(201);
  const { token, id } = issued.json();
  const bearer = (opts: InjectOptions) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) } });
  return { ...account, token, tokenId: id, bearer };
}

const departments: InjectOptions = { method: 'GET', url: '/api/departments' };

/** Each credential route: the request (built for the account) and what a session of that account gets. */
const CREDENTIAL_ROUTES: Array<{ route: string; request: (t: TestApp, a: Account) => Promise<InjectOptions>; session: number }> = [
  {
    route: 'POST /api/auth/login',
    request: async (_t, a) => ({ method: 'POST', url: '/api/auth/login', payload: { username: a.user.username, password: TEST_PASSWORD } }),
    session: 200,
  },
  { route: 'POST /api/auth/logout', request: async () => ({ method: 'POST', url: '/api/auth/logout' }), session: 200 },
  { route: 'GET /api/auth/session', request: async () => ({ method: 'GET', url: '/api/auth/session' }), session: 200 },
  {
    route: 'POST /api/auth/password',
    request: async () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Token#Free2026' },
    }),
    session: 200,
  },
  {
    route: 'POST /api/auth/totp/setup',
    request: async () => ({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: TEST_PASSWORD } }),
    session: 200,
  },
  {
    // nothing set up yet: the session gets past the policy to the service's 409
    route: 'POST /api/auth/totp/enable',
    request: async () => ({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: '000000', password: TEST_PASSWORD } }),
    session: 409,
  },
  {
    route: 'POST /api/auth/totp/disable',
    request: async () => ({ method: 'POST', url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD } }),
    session: 200,
  },
  {
    route: 'POST /api/users/:id/reset-password',
    request: async (t) => {
      const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
      return { method: 'POST', url: `/api/users/${user.id}/reset-password` };
    },
    session: 200,
  },
  { route: 'GET /api/api-tokens', request: async () => ({ method: 'GET', url: '/api/api-tokens' }), session: 200 },
  {
    route: 'POST /api/api-tokens',
    request: async (_t, a) => ({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { userId: a.user.id, name: '再签一个', expiresInDays: 365 },
    }),
    session: 201,
  },
  {
    route: 'DELETE /api/api-tokens/:id',
    request: async (t) => {
      const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
      const issued = await t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: user.id, name: '待吊销' } });
      return { method: 'DELETE', url: `/api/api-tokens/${issued.json().id}` };
    },
    session: 200,
  },
];

describe.each(ENGINES)('API tokens are not credentials on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CREDENTIAL_ROUTES)(
    '$route: a session of the account may, its Bearer token gets 403 session_required',
    async ({ request, session }) => {
      const a = await accountWithToken(t);
      const zh = await a.bearer(await request(t, a));
      expect(zh.statusCode).toBe(403);
      expect(zh.json().error).toEqual({
        code: 'session_required',
        message: 'API 令牌不能用于登录、密码、动态验证码、会话或令牌管理，请在控制台登录后操作',
      });
      const en = await a.bearer({ ...(await request(t, a)), headers: { 'accept-language': 'en-US' } });
      expect(en.json().error.message).toMatch(/^API tokens cannot be used for sign-in/);
      expect((await a.session.request(await request(t, a))).statusCode).toBe(session);
    },
  );

  it('refuses the TOTP takeover: a token can neither set up nor enable a second factor', async () => {
    const a = await accountWithToken(t);
    const setup = await a.bearer({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: TEST_PASSWORD } });
    expect(setup.statusCode).toBe(403);
    expect(setup.json()).not.toHaveProperty('secret');
    // even with a code from a secret the session set up, the token cannot switch it on
    const secret = (await a.session.request({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: TEST_PASSWORD } })).json()
      .secret as string;
    const enable = await a.bearer({
      method: 'POST',
      url: '/api/auth/totp/enable',
      payload: { code: totpCode(secret, t.clock.now()), password: TEST_PASSWORD },
    });
    expect(enable.statusCode).toBe(403);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.user.username, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200); // still no second factor on the account
  });

  it('an admin token cannot mint a token, least of all a 3,650-day one', async () => {
    const a = await accountWithToken(t);
    const res = await a.bearer({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { userId: a.user.id, name: '十年', expiresInDays: 3650 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('session_required');
  });

  it('stops the token when its owner changes the password, at the very next request', async () => {
    const a = await accountWithToken(t);
    expect((await a.bearer(departments)).statusCode).toBe(200); // the actor is cached now
    const changed = await a.session.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh#Pass2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(401);
    const listed = (await t.admin.request({ method: 'GET', url: '/api/api-tokens' })).json().items;
    expect(listed.find((x: { id: string }) => x.id === a.tokenId).revokedAt).toBeTruthy();
  });

  it('stops the token when an admin resets its owner’s password', async () => {
    const a = await accountWithToken(t);
    expect((await a.bearer(departments)).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${a.user.id}/reset-password` })).statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(401);
  });

  it('stops the token when its owner is disabled, and it stays dead after the account is enabled again', async () => {
    const a = await accountWithToken(t);
    expect((await a.bearer(departments)).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${a.user.id}/disable` })).statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(401);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${a.user.id}/enable` })).statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(401);
  });

  it('stops the token when its owner loses a role, but not when one is added', async () => {
    const a = await accountWithToken(t);
    const extra = await buildRole(t, ['org.read'], 'all', []);
    const setRoles = (roleIds: string[]) => t.admin.request({ method: 'PUT', url: `/api/users/${a.user.id}/roles`, payload: { roleIds } });
    expect((await a.bearer(departments)).statusCode).toBe(200);
    expect((await setRoles([a.role.id, extra.id])).statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(200);
    expect((await setRoles([extra.id])).statusCode).toBe(200);
    expect((await a.bearer(departments)).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('API token lifetime on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  const issue = async (expiresInDays?: number) => {
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
    return t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: user.id, name: '有效期', expiresInDays } });
  };

  it('refuses a 3,650-day token with a field error and accepts 365 (QINLIAN_TOKEN_MAX_DAYS defaults to 365)', async () => {
    expect(t.config.tokenMaxDays).toBe(365);
    const tooLong = await issue(3650);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      code: 'token_lifetime_too_long',
      message: 'API 令牌有效期最长 365 天',
      fields: [{ path: 'body.expiresInDays', message: 'API 令牌有效期最长 365 天' }],
    });
    expect((await issue(366)).statusCode).toBe(400);
    const ok = await issue(365);
    expect(ok.statusCode).toBe(201);
    expect(Date.parse(ok.json().expiresAt) - t.clock.now().getTime()).toBe(365 * 86_400_000);
  });

  it('gives a token issued without a lifetime the longest one instead of none', async () => {
    const res = await issue();
    expect(res.statusCode).toBe(201);
    expect(Date.parse(res.json().expiresAt) - t.clock.now().getTime()).toBe(365 * 86_400_000);
  });
});

describe('API token lifetime configured', () => {
  it('validates QINLIAN_TOKEN_MAX_DAYS at boot', () => {
    expect(loadConfig({}).tokenMaxDays).toBe(365);
    expect(loadConfig({ QINLIAN_TOKEN_MAX_DAYS: '90' }).tokenMaxDays).toBe(90);
    for (const bad of ['0', '3651', 'a year', '1.5'])
      expect(() => loadConfig({ QINLIAN_TOKEN_MAX_DAYS: bad }), bad).toThrow(/QINLIAN_TOKEN_MAX_DAYS/);
  });

  it('follows QINLIAN_TOKEN_MAX_DAYS', async () => {
    const t = await startTestApp('sqlite', { tokenMaxDays: 30 });
    try {
      const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
      const issue = (expiresInDays: number) =>
        t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId: user.id, name: '短期', expiresInDays } });
      expect((await issue(31)).json().error.message).toBe('API 令牌有效期最长 30 天');
      expect((await issue(30)).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});
