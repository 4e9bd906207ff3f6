import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ADMIN_PASSWORD, ENGINES, startTestApp, type TestApp } from '../harness.ts';
import { buildSignedInUser, TEST_PASSWORD } from '../factories.ts';
import { buildWorld, registeredRoutes, type World } from './world.ts';

/**
 * 7. Security headers and sessions — what server/src/platform/http/http.test.ts and
 * server/src/modules/identity/auth.test.ts do not already show: HSTS only behind TLS, headers on the
 * console's HTML too, the Secure cookie flag, a planted session id that never becomes a session,
 * CSRF on EVERY cookie-authenticated write route (walked from app.routePolicies), CSRF tokens that
 * do not cross sessions, sign-in delays counted by parallel attempts, and passwords set by an
 * administrator held to the same policy as a user's own.
 */
const ROUTES = await registeredRoutes();
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const WRITE_ROUTES = ROUTES.filter((r) => !SAFE.has(r.method) && r.policy.kind !== 'public');

const sample = (url: string) => url.replace(/:(\w+)/g, '01a212e1-2afa-7e86-bbea-773967ac6454');

/** A console build of our own (QINLIAN_WEB_DIST), so the HTML is checked whether or not web/dist has been built yet. */
const CONSOLE_HTML =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';
const CONSOLE_JS = 'document.getElementById("root").textContent = "勤廉";';

describe('security headers', () => {
  let plain: TestApp;
  let tls: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), CONSOLE_HTML);
    fs.writeFileSync(path.join(webDist, 'assets/app.js'), CONSOLE_JS);
    plain = await startTestApp('sqlite', { webDist });
    tls = await startTestApp('sqlite', { secureCookies: true });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends HSTS only when the server is behind TLS (QINLIAN_SECURE_COOKIES=true), with upgrade-insecure-requests', async () => {
    const http = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    expect(http.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const https = await tls.app.inject({ method: 'GET', url: '/api/health' });
    expect(https.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(https.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('marks the session cookie Secure behind TLS, and always httpOnly and SameSite=Strict', async () => {
    const res = await tls.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'qinlian_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    const plainLogin = await plain.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(plainLogin.cookies.find((c) => c.name === 'qinlian_session')!.httpOnly).toBe(true);
  });

  it('puts CSP, frame denial and no-sniff on errors, on the console HTML and its scripts too; no X-Powered-By', async () => {
    const notFound = await plain.app.inject({ method: 'GET', url: '/api/no/such/route' });
    expect(notFound.statusCode).toBe(404);
    const refused = await plain.app.inject({ method: 'POST', url: '/api/departments', payload: {} });
    expect(refused.statusCode).toBe(401);
    const consoleRoute = await plain.app.inject({ method: 'GET', url: '/org/people' }); // a client-side route: index.html
    expect(consoleRoute.statusCode).toBe(200);
    expect(consoleRoute.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(consoleRoute.body).toBe(CONSOLE_HTML);
    const home = await plain.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toBe(CONSOLE_HTML);
    const script = await plain.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body).toBe(CONSOLE_JS);
    const responses = [notFound, refused, consoleRoute, home, script];
    for (const res of responses) {
      expect(res.headers['content-security-policy'], res.body.slice(0, 80)).toMatch(
        /default-src 'self'.*frame-ancestors 'none'|frame-ancestors 'none'.*default-src 'self'/,
      );
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['content-security-policy']).toContain("script-src-attr 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('believes X-Forwarded-For only from a trusted proxy (loopback by default): a client cannot pick the IP that the rate limit, the sign-in log and the audit chain see', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await plain.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // a new name each time: only the per-IP rate limit may answer 429, not the per-name sign-in delay
        payload: { username: `nobody-here-${i}`, password: 'Whatever#1' },
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      statuses.push(r.statusCode);
    }
    expect(
      statuses.filter((s) => s === 429).length,
      `the login rate limit (30/min) counted the real client, not the forged addresses: ${statuses}`,
    ).toBe(5);
    const log = await plain.admin.request({ method: 'GET', url: '/api/sign-ins?username=nobody-here-0&pageSize=100' });
    expect(new Set(log.json().items.map((i: { ip: string }) => i.ip)), log.body.slice(0, 300)).toEqual(new Set(['203.0.113.7']));
    // behind a reverse proxy on the same host (loopback), the forwarded client address is used
    const proxied = await plain.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'via-proxy', password: 'Whatever#1' },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    expect(proxied.statusCode).toBe(401);
    const viaProxy = await plain.admin.request({ method: 'GET', url: '/api/sign-ins?username=via-proxy' });
    expect(viaProxy.json().items[0].ip).toBe('192.0.2.10');
  });

  it('tells browsers and proxies not to keep API answers that carry personal data (Cache-Control: no-store)', async () => {
    const people = await plain.admin.request({ method: 'GET', url: '/api/people' });
    expect(people.statusCode).toBe(200);
    expect(people.headers['cache-control']).toMatch(/no-store/);
    const session = await plain.admin.request({ method: 'GET', url: '/api/auth/session' });
    expect(session.headers['cache-control']).toMatch(/no-store/);
  });
});

describe.each(ENGINES)('sessions and CSRF on %s', (engine) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`refuses every cookie-authenticated write route without x-csrf-token (${WRITE_ROUTES.length} routes from app.routePolicies)`, async () => {
    const wrong: string[] = [];
    for (const r of WRITE_ROUTES) {
      const admin = await w.client('admin');
      const before = await t.db.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      for (const csrf of [undefined, 'forged', `${admin.auth.csrf}x`]) {
        const headers: Record<string, string> = { cookie: admin.auth.cookie! };
        if (csrf) headers['x-csrf-token'] = csrf;
        const res = await t.app.inject({ method: r.method as InjectOptions['method'], url: sample(r.url), payload: {}, headers });
        if (res.statusCode !== 403 || res.json().error?.code !== 'csrf_failed')
          wrong.push(`${r.method} ${r.url} (csrf=${csrf ?? 'none'}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      const after = await t.db.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      if (after.seq !== before.seq) wrong.push(`${r.method} ${r.url}: a refused request wrote to the audit chain`);
    }
    expect(wrong).toEqual([]);
    expect(WRITE_ROUTES.length).toBeGreaterThan(20);
  });

  it("does not accept one session's CSRF token for another session of the same user", async () => {
    const a = await w.client('staff');
    const b = await w.client('staff');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/setup',
      headers: { cookie: a.auth.cookie!, 'x-csrf-token': b.auth.csrf! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('needs no CSRF token with an API token (no ambient credential), and ignores a cookie sent beside it', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${w.staffPerson.id}`,
      payload: { title: '令牌修改' },
      headers: { authorization: `Bearer ${w.tokenSecret}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('never turns a session id planted before sign-in into a session (fixation)', async () => {
    const { user } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const planted = 'qls_attacker-chosen-session-id-0000000000000000000';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { cookie: `qinlian_session=${planted}` },
    });
    expect(login.statusCode).toBe(200);
    const issued = login.cookies.find((c) => c.name === 'qinlian_session')!.value;
    expect(issued).not.toBe(planted);
    const withPlanted = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `qinlian_session=${planted}` } });
    expect(withPlanted.statusCode).toBe(401);
    // the session id is stored only as a digest: the cookie value is nowhere in the table
    const rows = await t.db.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(issued);
  });

  it('ends every session of an account when an administrator disables it or resets its password', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${user.id}/reset-password` })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const again = await buildSignedInUser(t, { permissions: ['org.read'] });
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${again.user.id}/disable` })).statusCode).toBe(200);
    expect((await again.session.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('delays an address after the configured failures even when its attempts arrive in parallel', async () => {
    const { user } = await buildSignedInUser(t, { permissions: [] });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: `wrong-${i}` },
          remoteAddress: '10.9.0.1',
        }),
      ),
    );
    expect(attempts.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const right = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
        remoteAddress,
      });
    const fromGuesser = await right('10.9.0.1');
    expect(fromGuesser.statusCode).toBe(429);
    expect(fromGuesser.json().error.code).toBe('too_many_attempts');
    // the owner elsewhere is not locked out by someone else's guesses
    expect((await right('10.9.0.99')).statusCode).toBe(200);
  });

  it('holds passwords set through the command line or an account to the same policy (8+ characters, 3 of 4 classes)', async () => {
    const { createAccount } = await import('../../src/modules/identity/access.service.ts');
    const { systemCtx } = await import('../../src/bootstrap.ts');
    for (const weak of ['short1A', 'alllowercase', 'ALLUPPERCASE1', '12345678']) {
      await expect(
        createAccount(systemCtx(t.db, t.clock), {
          username: `weak${Math.random().toString(36).slice(2, 8)}`,
          displayName: 'x',
          personId: null,
          roleIds: [],
          password: weak,
          mustChange: false,
        }),
      ).rejects.toMatchObject({ code: 'weak_password' });
    }
  });

  it('does not reveal whether an account exists: unknown users and wrong passwords get the same answer', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'no-such-user-x', password: 'Whatever#1' },
      remoteAddress: '10.8.0.1',
    });
    const wrongPw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Whatever#1' },
      remoteAddress: '10.8.0.2',
    });
    expect(unknown.statusCode).toBe(wrongPw.statusCode);
    expect(unknown.json()).toEqual(wrongPw.json());
  });
});
