import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createClient } from '@hey-api/openapi-ts';
import ts from 'typescript';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.ts';
import { operationIdOf, SECURITY } from './openapi.ts';

/**
 * The API document is a contract with integrations: it must pass Redocly's `recommended` rules with
 * no error, and a client generated from it (@hey-api/openapi-ts) must type-check, refuse a wrong
 * call, and work against the real server. One engine is enough: this is about the document.
 * `npm run lint:openapi` runs this file alone.
 */

type Operation = { operationId?: string; security?: Array<Record<string, string[]>>; 'x-permission'?: string };
type Doc = { paths: Record<string, Record<string, Operation>>; servers?: Array<{ url: string }> };

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** A small program against the generated client: sign in, issue a token, call with it. */
const USAGE = `
import { client } from './client/client.gen';
import { getDepartments, getDepartmentsById, getHealth, postApiTokens, postAuthLogin } from './client/sdk.gen';
import type { Auth } from './client/core/auth.gen';

export async function run(baseUrl: string, password: string) {
  client.setConfig({ baseUrl });
  const health = await getHealth({ throwOnError: true });
  const status: 'ok' | 'degraded' = health.data.status;

  const login = await postAuthLogin({ body: { username: 'admin', password }, throwOnError: true });
  const cookie = login.response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('qinlian_session='))!;
  const csrfToken: string = login.data.csrfToken;
  const userId: string = login.data.user.id;
  const asSession = (auth: Auth) => (auth.in === 'cookie' ? cookie.split('=')[1] : auth.name === 'x-csrf-token' ? csrfToken : undefined);
  const issued = await postApiTokens({ body: { userId, name: 'openapi test' }, auth: asSession, throwOnError: true });

  const asToken = (auth: Auth) => (auth.scheme === 'bearer' ? issued.data.token : undefined);
  const departments = await getDepartments({ auth: asToken, throwOnError: true });
  const names: string[] = departments.data.items.map((d) => d.name);
  const missing = await getDepartmentsById({ path: { id: 'no-such-department' }, auth: asToken });
  const code: string | undefined = missing.error?.error.code;
  return { status, names, code, httpStatus: missing.response?.status };
}
`;

/** The same client called wrongly: a number where the path wants a string, a typo'd query key. */
const WRONG = `
import { getDepartmentsById, getDepartments } from './client/sdk.gen';
export const wrongType = () => getDepartmentsById({ path: { id: 42 } });
export const wrongQuery = () => getDepartments({ query: { includeArchivd: 'true' } });
`;

function diagnosticsOf(dir: string) {
  const program = ts.createProgram([path.join(dir, 'usage.ts'), path.join(dir, 'wrong.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.relative(dir, d.file.fileName) : '(global)';
    byFile.set(file, [...(byFile.get(file) ?? []), `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`]);
  }
  return byFile;
}

describe('the OpenAPI document (GET /api/openapi.json)', () => {
  let t: TestApp;
  let doc: Doc;
  let source: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-openapi-'));

  beforeAll(async () => {
    // a built console, so that its routes (/, /*, static files) exist and must stay out of the document
    const webDist = path.join(work, 'web');
    fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>勤廉</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'export {};');
    t = await startTestApp('sqlite', { webDist });
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    source = res.body;
    doc = res.json();
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: path.join(work, 'openapi.json'), config });
    const show = (p: (typeof problems)[number]) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`;
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(`[lint:openapi] ${problems.length - warnings.length} errors, ${warnings.length} warnings`, warnings.map(show));
    expect(problems.filter((p) => p.severity === 'error').map(show)).toEqual([]);
    expect(doc.servers).toEqual([{ url: '/' }]);
  });

  it('documents only the API: no console routes, static files or Swagger UI', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200); // the console is there…
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    const outside = Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') || p.startsWith('/api/docs') || p === '/api/openapi.json');
    expect(outside).toEqual([]); // …but not in the document
  });

  it('gives every operation a unique operationId derived from its method and path', () => {
    const routes = t.app.routePolicies.filter((r) => r.method !== 'HEAD' && r.url !== '/api/openapi.json');
    expect(routes.length).toBeGreaterThan(50);
    const ids = routes.map((r) => doc.paths[openapiPath(r.url)]?.[r.method.toLowerCase()]?.operationId);
    expect(ids).toEqual(routes.map((r) => operationIdOf(r.method, r.url)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf('GET', '/api/departments/:id')).toBe('getDepartmentsById');
    expect(operationIdOf('POST', '/api/tasks/:id/milestones/:milestoneId/complete')).toBe('postTasksByIdMilestonesByMilestoneIdComplete');
    expect(operationIdOf('GET', '/api/people/export.xlsx')).toBe('getPeopleExportXlsx');
  });

  it('states the security of every operation from its route policy', () => {
    const session = { [SECURITY.session]: [] };
    const sessionWithCsrf = { [SECURITY.session]: [], [SECURITY.csrf]: [] };
    const token = { [SECURITY.apiToken]: [] };
    for (const r of t.app.routePolicies.filter((r) => r.method !== 'HEAD' && r.url !== '/api/openapi.json')) {
      const op = doc.paths[openapiPath(r.url)]![r.method.toLowerCase()]!;
      const cookie = r.method === 'GET' ? session : sessionWithCsrf;
      // session-only routes (sign-in, password, TOTP, API-token management) do not take a token
      const expected = r.policy.kind === 'public' ? [] : r.policy.interactive ? [cookie] : [cookie, token];
      expect(op.security, `${r.method} ${r.url}`).toEqual(expected);
      expect(op['x-permission'], `${r.method} ${r.url}`).toBe(r.policy.kind === 'permission' ? r.policy.permission : undefined);
    }
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/departments']!.post!.security).toEqual([sessionWithCsrf, token]);
    expect(doc.paths['/api/api-tokens']!.post!.security).toEqual([sessionWithCsrf]);
  });

  it('generates a typed client that compiles, rejects a wrong call, and works against the server', async () => {
    const dir = path.join(work, 'consumer');
    await createClient({
      input: JSON.parse(source),
      output: { path: path.join(dir, 'client'), tsConfigPath: null, postProcess: [] },
      logs: { level: 'silent', file: false },
      plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
    });
    fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    fs.writeFileSync(path.join(dir, 'wrong.ts'), WRONG);

    const diagnostics = diagnosticsOf(dir);
    const wrong = diagnostics.get('wrong.ts') ?? [];
    diagnostics.delete('wrong.ts');
    expect(Object.fromEntries(diagnostics)).toEqual({}); // the generated client and the right calls
    expect(wrong).toEqual([expect.stringMatching(/^TS2322 .*number.*string/), expect.stringMatching(/^TS2561 .*'includeArchivd'/)]);

    // the document's servers entry is relative ('/'); a client is given the origin it talks to
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { run } = (await import(pathToFileURL(path.join(dir, 'usage.ts')).href)) as {
      run: (baseUrl: string, password: string) => Promise<{ status: string; names: string[]; code?: string; httpStatus?: number }>;
    };
    const result = await run(address, ADMIN_PASSWORD);
    expect(result.status).toBe('ok');
    expect(Array.isArray(result.names)).toBe(true);
    expect(result).toMatchObject({ httpStatus: 404, code: 'not_found' });
  });
});
