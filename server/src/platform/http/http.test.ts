import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { rootDepartment } from '../../../test/factories.ts';
import { buildApp } from '../../app.ts';

const countDepartments = async (t: TestApp) =>
  Number(
    (
      await t.db.db
        .selectFrom('departments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('HTTP surface on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await rootDepartment(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports health with engine and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: engine, version: '0.1.0', runtime: process.version });
    expect(res.json().runtime).toMatch(/^v24\./);
  });

  it('publishes OpenAPI 3 generated from the validating schemas, and Swagger UI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['username', 'password']));
    expect(doc.paths['/api/departments/{id}']).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('declares a policy on every route, and every non-public route refuses the anonymous', async () => {
    const routes = t.app.routePolicies;
    expect(routes.length).toBeGreaterThan(15);
    const before = await countDepartments(t);
    for (const r of routes) {
      expect(r.policy, `${r.method} ${r.url}`).toBeDefined();
      if (r.policy.kind === 'public' || r.method === 'HEAD') continue;
      const url = r.url.replace(/:(\w+)/g, '01a212e1-2afa-7e86-bbea-773967ac6454');
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
    expect(await countDepartments(t)).toBe(before);
  });

  it('answers malformed JSON, wrong types, missing fields and oversize bodies with 4xx JSON, no partial record', async () => {
    const before = await countDepartments(t);
    const send = (payload: string, headers: Record<string, string> = {}) =>
      t.admin.request({ method: 'POST', url: '/api/departments', payload, headers: { 'content-type': 'application/json', ...headers } });
    const malformed = await send('{"name": "未闭合');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const wrongType = await send(JSON.stringify({ name: 42, parentId: null, sort: 'first' }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.name', 'body.sort']));
    const missing = await send(JSON.stringify({}), { 'accept-language': 'en' });
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', message: 'Some fields are invalid; please check them' });
    expect(missing.json().error.fields).toContainEqual({ path: 'body.name', message: 'required' });
    const huge = await send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), parentId: null }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
    const tooLong = await send(JSON.stringify({ name: '长'.repeat(101), parentId: null }));
    expect(tooLong.json().error.fields[0]).toEqual({ path: 'body.name', message: '最多 100 个字符' });
    expect(await countDepartments(t)).toBe(before);
  });

  it('stores hostile text verbatim as data and never echoes a stack trace', async () => {
    const root = await rootDepartment(t);
    const hostile = `'); DROP TABLE departments; -- <script>alert(1)</script>`;
    const res = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: hostile, parentId: root.id } });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(hostile);
    const unknownId = await t.admin.request({ method: 'GET', url: '/api/departments/..%2F..%2Fetc%2Fpasswd' });
    expect(unknownId.statusCode).toBe(400);
    const notFound = await t.admin.request({ method: 'GET', url: '/api/no/such/route' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error.code).toBe('route_not_found');
    for (const r of [unknownId, notFound]) expect(r.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it('sends security headers: CSP, frame denial, no-sniff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('route registration', () => {
  it('refuses to start when a route declares no policy', async () => {
    const t = await startTestApp('sqlite');
    try {
      const app = await buildApp({ config: t.config, database: t.db, logger: false });
      await expect(
        app
          .register(async (api) => {
            api.get('/api/unguarded', async () => 'x');
          })
          .ready(),
      ).rejects.toThrow(/declares no policy/);
    } finally {
      await t.close();
    }
  });
});
