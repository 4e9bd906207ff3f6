import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMIN_PASSWORD, ENGINES, freshDatabaseConfig, signIn, testConfig, type Session } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { loadConfig, type Config } from '../config.ts';
import { fixedClock } from '../clock.ts';
import type { Database, Engine } from '../db/database.ts';
import { publicApiRoute, publicRoute } from '../policy/policy.ts';
import { DEVICE_ID_HEADER, registerPublicApi } from './public-api.ts';

/** What a public route sees of its caller: proof that nothing sent can make it someone. */
const whoAmI: FastifyPluginAsyncZod = async (api) => {
  api.get(
    '/who-am-i',
    {
      config: { policy: publicApiRoute },
      schema: { response: { 200: z.object({ actor: z.string().nullable(), authentication: z.string() }) } },
    },
    async (req) => ({ actor: req.actor?.username ?? null, authentication: req.authentication.status }),
  );
  api.post('/echo', { config: { policy: publicApiRoute }, schema: { body: z.object({ n: z.number() }) } }, async (req) => ({
    n: req.body.n,
  }));
};

/** The real app on a fresh database, with a public module of this test's own registered before it starts. */
async function startWithPublicModule(engine: Engine, publicApi: Config['publicApi']) {
  const config = await testConfig(engine, { publicApi });
  const db: Database = await prepareDatabase(config, () => {});
  const app = await buildApp({ config, database: db, clock: fixedClock(new Date('2026-03-02T01:00:00Z')), logger: false });
  await registerPublicApi(app, [whoAmI]);
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

const device = (n: number) => `device-${String(n).padStart(12, '0')}`;

describe.each(ENGINES)('the public API on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startWithPublicModule>>;
  let admin: Session;
  beforeAll(async () => {
    t = await startWithPublicModule(engine, { perAddress: 6, perDevice: 3, windowMs: 60_000 });
    admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  // every test calls from an address of its own, so that the counters of one do not spill into another
  const call = (remoteAddress: string, deviceId?: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: '/api/public/who-am-i',
      remoteAddress,
      headers: { ...(deviceId ? { [DEVICE_ID_HEADER]: deviceId } : {}), ...headers },
    });

  it('serves the public prefix anonymously: an administrator session or Bearer token elevates nothing', async () => {
    const anonymous = await call('198.51.100.1', device(1));
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ actor: null, authentication: 'none' });

    const issued = await admin.request({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { userId: admin.user.id, name: '公开接口测试' },
    });
    const bearer = `Bearer ${issued.json().token}`;
    // the same credentials are good on the console API (a token on a business route: /api/auth/* is session-only) …
    expect((await admin.request({ method: 'GET', url: '/api/departments' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/departments', headers: { authorization: bearer } })).statusCode).toBe(200);
    // … and mean nothing under /api/public
    const withSession = await call('198.51.100.1', device(2), { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken });
    expect(withSession.json()).toEqual({ actor: null, authentication: 'none' });
    const withToken = await call('198.51.100.1', device(3), { authorization: bearer });
    expect(withToken.json()).toEqual({ actor: null, authentication: 'none' });
    // a write needs no CSRF token: there is no session whose authority could be borrowed
    const echo = await t.app.inject({ method: 'POST', url: '/api/public/echo', payload: { n: 7 }, remoteAddress: '198.51.100.1' });
    expect(echo.statusCode).toBe(200);
  });

  it('counts per device and per address: another device behind the same address has its own budget', async () => {
    const [a, b] = ['203.0.113.10', '203.0.113.20'];
    const codes = async (address: string, deviceId: string | undefined, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await call(address, deviceId)).statusCode);
      return out;
    };
    expect(await codes(a, device(10), 3)).toEqual([200, 200, 200]); // address a: 3, device 10: 3
    const tripped = await call(a, device(10)); // device 10 is over its 3 (address a: 4)
    expect(tripped.statusCode).toBe(429);
    expect(tripped.json().error).toEqual({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    expect(Number(tripped.headers['retry-after'])).toBeGreaterThan(0);
    expect(await codes(a, device(11), 2)).toEqual([200, 200]); // another phone on the same Wi-Fi (address a: 6)
    expect((await call(a, device(12))).statusCode).toBe(429); // address a is over its 6, whatever device it claims
    expect((await call(a, undefined)).statusCode).toBe(429);
    expect((await call(b, device(10))).statusCode).toBe(429); // device 10 is still over, from any address
    expect(await codes(b, device(13), 3)).toEqual([200, 200, 200]); // address b has its own count
    const english = await call(b, device(13), { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.statusCode).toBe(429);
    expect(english.json().error.message).toBe('Too many requests; please wait a moment');
  });

  it('counts callers without a usable device id as one device per address', async () => {
    const c = '203.0.113.30';
    for (const id of [undefined, 'short', 'has spaces in it, no good']) expect((await call(c, id)).statusCode, String(id)).toBe(200);
    expect((await call(c, undefined)).statusCode).toBe(429); // the 4th request without an id: the device budget of 3
    expect((await call(c, device(30))).statusCode).toBe(200); // a real device id still has its own budget
  });

  it('takes the device id from ?deviceId= where a page cannot set a header (EventSource)', async () => {
    const viaQuery = () =>
      t.app.inject({ method: 'GET', url: `/api/public/who-am-i?deviceId=${device(40)}`, remoteAddress: '203.0.113.50' });
    for (let i = 0; i < 3; i++) expect((await viaQuery()).statusCode).toBe(200);
    expect((await viaQuery()).statusCode).toBe(429);
    expect((await call('203.0.113.51', device(40))).statusCode).toBe(429); // the same device, named in the header
    expect((await call('203.0.113.50', device(41))).statusCode).toBe(200);
  });

  it('leaves the console API outside these limits', async () => {
    for (let i = 0; i < 8; i++)
      expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.60' })).statusCode).toBe(200);
  });
});

describe('the public prefix and its policy go together', () => {
  const bare = async (register: (app: FastifyInstance) => Promise<void>) => {
    const { dataDir, ...database } = await freshDatabaseConfig('sqlite');
    const config: Config = { ...loadConfig({}), dataDir, database: database as Config['database'], logLevel: 'silent', seedDemo: false };
    const db = await prepareDatabase(config, () => {});
    const app = await buildApp({ config, database: db, logger: false });
    try {
      await register(app);
      await app.ready();
    } finally {
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  };

  it('refuses to start with a route under /api/public that could read a session', async () => {
    const signedInLooking: FastifyPluginAsyncZod = async (api) => {
      api.get('/peek', { config: { policy: publicRoute } }, async () => ({}));
    };
    await expect(bare((app) => registerPublicApi(app, [signedInLooking]))).rejects.toThrow(/publicApiRoute/);
  });

  it('refuses to start with the anonymous policy outside /api/public', async () => {
    await expect(
      bare(async (app) => {
        app.get('/api/not-public', { config: { policy: publicApiRoute } }, async () => ({}));
      }),
    ).rejects.toThrow(/publicApiRoute/);
  });
});
