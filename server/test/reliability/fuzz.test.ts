import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../harness.ts';
import {
  applicationTables,
  buildWorld,
  registeredRoutes,
  ROLES,
  snapshot,
  writesBetween,
  type Client,
  type RoleName,
  type World,
} from './world.ts';
import {
  ACCEPT_LANGUAGES,
  CONTENT_TYPES,
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_RAW_BODIES,
  hostileValue,
  validValue,
  type Known,
  type OpenApiDoc,
  type Operation,
} from './openapi-arbitraries.ts';
import { FUZZ_SEED, SIZE } from './size.ts';
import { officeRuleVictims } from './fuzz-victims.ts';
import { dispatchVictims } from './authz-matrix.dispatch.ts';
import { bulletinVictims } from './authz-matrix.bulletins.ts';
import { summaryVictims } from './authz-matrix.summaries.ts';

/**
 * 1. API fuzzing from the OpenAPI document (GET /api/openapi.json of the real app): for every
 * registered route and every role, random and hostile parameters, bodies and headers. Each answer
 * must be < 500; a 4xx body must be an ErrorBody; a 2xx body must fit the route's own response
 * schema in the document; a refused request must leave every table, the audit head and the stored
 * files as they were; and nothing may pollute Object.prototype.
 */

type Route = { method: string; url: string };
type FuzzCase = {
  role: RoleName;
  url: string;
  method: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  remoteAddress: string;
  csrf: 'ok' | 'missing' | 'wrong';
};

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A request that never answers holds a connection forever: that is a failure too. */
function withDeadline<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A short, pasteable description of a case (payloads cut to 300 characters). */
function describeCase(c: FuzzCase): string {
  const payload =
    c.payload === undefined
      ? undefined
      : Buffer.isBuffer(c.payload)
        ? `<${c.payload.length} bytes: ${c.payload.subarray(0, 60).toString('hex')}>`
        : c.payload.length > 300
          ? `${c.payload.slice(0, 300)}…(${c.payload.length} chars)`
          : c.payload;
  return JSON.stringify({ role: c.role, method: c.method, url: c.url.slice(0, 300), payload, headers: c.headers, csrf: c.csrf });
}

/** One seed per route and role, derived from FUZZ_SEED: reruns with the same FUZZ_SEED reproduce. */
const seedFor = (key: string) => [...key].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, FUZZ_SEED);

/** encodeURIComponent, but lone surrogates go out as the bytes Node would send (EF BF BD) instead of throwing. */
const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
};

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Inline $refs and drop `nullable` where no type goes with it (z.unknown().nullable()), for Ajv. */
function forAjv(doc: OpenApiDoc, s: unknown): unknown {
  if (Array.isArray(s)) return s.map((x) => forAjv(doc, x));
  if (!s || typeof s !== 'object') return s;
  const o = s as Record<string, unknown>;
  if (typeof o.$ref === 'string') return forAjv(doc, doc.components?.schemas?.[o.$ref.split('/').pop()!]);
  const out = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, forAjv(doc, v)]));
  if (out.nullable !== undefined && out.type === undefined) delete out.nullable;
  return out;
}

function multipartBody(kind: 'png' | 'junk' | 'empty' | 'wrongField' | 'noFile', bytes: Uint8Array) {
  const boundary = '----qinlianfuzz';
  const part = (field: string, filename: string | null, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"${filename ? `; filename="${filename}"` : ''}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n'),
    ]);
  const parts = {
    png: part('file', '../../照片.png', PNG),
    junk: part('file', 'x.xlsx', Buffer.from(bytes)),
    empty: part('file', 'empty.xlsx', Buffer.alloc(0)),
    wrongField: part('photo', 'a.png', PNG),
    noFile: part('file', null, Buffer.from('just a field')),
  }[kind];
  return { payload: Buffer.concat([parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function caseArbitrary(doc: OpenApiDoc, route: Route, role: RoleName, known: Known): fc.Arbitrary<FuzzCase> {
  const op: Operation | undefined = doc.paths[openapiPath(route.url)]?.[route.method === 'HEAD' ? 'get' : route.method.toLowerCase()];
  const params = op?.parameters ?? [];
  const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

  const segment = (name: string) => {
    const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string', pattern: '^[0-9a-zA-Z_-]+$' };
    // a public code (查询码: enquiries, badges, door boards, rating pages) is a free string in the schema: send real ones too
    if (name === 'code' && known.codes?.length)
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known.codes).map(enc) },
        { weight: 2, arbitrary: validValue(doc, schema, known).map((v) => enc(String(v))) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH_SEGMENTS) },
      );
    return fc.oneof(
      { weight: 4, arbitrary: validValue(doc, schema, known).map((v) => enc(String(v))) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH_SEGMENTS) },
    );
  };
  const pathArb = fc.tuple(...pathNames.map(segment)).map((segs) => {
    let i = 0;
    return route.url.replace(/:(\w+)/g, () => segs[i++]!);
  });

  const queryParams = params.filter((p) => p.in === 'query');
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) =>
        fc
          .option(
            fc.oneof(
              { weight: 4, arbitrary: validValue(doc, p.schema, known) },
              { weight: 1, arbitrary: hostileValue(doc, p.schema, known) },
            ),
            { freq: 3 },
          )
          .map((v) => [p.name, v] as const),
      ),
      fc.option(
        fc.constantFrom(
          'page=0',
          'page=1&page=2',
          'pageSize=100000',
          'q=%',
          'q=%FF',
          '__proto__[polluted]=yes',
          'constructor[prototype][polluted]=yes',
          'x=%00',
          'a[b][c][d][e]=1',
          '%=%',
        ),
        { freq: 4 },
      ),
    )
    .map((parts) => {
      const extra = parts.pop() as string | null;
      const pairs = (parts as (readonly [string, unknown])[])
        .filter(([, v]) => v !== null && v !== undefined)
        .flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(typeof x === 'object' ? JSON.stringify(x) : String(x))}`),
        );
      if (extra) pairs.push(extra);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });

  const jsonSchema = op?.requestBody?.content?.['application/json']?.schema;
  const multipart = !!op?.requestBody?.content?.['multipart/form-data'] || /\/(import|photo)$/.test(route.url);
  const raw = fc
    .constantFrom(...HOSTILE_RAW_BODIES)
    .map((b) => ({ payload: b as string | Buffer | undefined, contentType: 'application/json' }));
  const json = (a: fc.Arbitrary<unknown>) =>
    a.map((v) => ({ payload: JSON.stringify(v) as string | Buffer | undefined, contentType: 'application/json' }));
  let bodyArb: fc.Arbitrary<{ payload: string | Buffer | undefined; contentType: string }>;
  if (route.method === 'GET' || route.method === 'HEAD') bodyArb = fc.constant({ payload: undefined, contentType: 'application/json' });
  else if (multipart) {
    bodyArb = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom('png', 'junk', 'empty', 'wrongField', 'noFile') as fc.Arbitrary<'png'>, fc.uint8Array({ maxLength: 200 }))
          .map(([k, b]) => multipartBody(k, b)),
      },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: fc.constant({ payload: undefined, contentType: 'multipart/form-data' }) },
    );
  } else if (jsonSchema) {
    bodyArb = fc.oneof(
      { weight: 5, arbitrary: json(validValue(doc, jsonSchema, known)) },
      { weight: 3, arbitrary: json(hostileValue(doc, jsonSchema, known)) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: fc.constant({ payload: undefined, contentType: 'application/json' }) },
    );
  } else {
    bodyArb = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ payload: undefined, contentType: 'application/json' }) },
      { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 2 })) },
      { weight: 1, arbitrary: raw },
    );
  }

  return fc
    .record({
      path: pathArb,
      query: queryArb,
      body: bodyArb,
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 6 }),
      acceptLanguage: fc.constantFrom(...ACCEPT_LANGUAGES),
      csrf: fc.constantFrom<'ok' | 'missing' | 'wrong'>('ok', 'ok', 'ok', 'ok', 'missing', 'wrong'),
      forwardedFor: fc.option(fc.constantFrom('1.2.3.4', 'not-an-ip', '127.0.0.1, 10.0.0.1', '<script>', '::1', 'x'.repeat(500)), {
        freq: 5,
      }),
      junkAuth: fc.option(
        fc.constantFrom('Bearer ', 'Bearer qlt_forged', 'Basic YWRtaW46YWRtaW4=', 'Bearer ' + 'x'.repeat(5000), 'bearer\u0000x'),
        { freq: 8 },
      ),
      junkCookie: fc.option(
        fc.constantFrom('qinlian_session=forged', 'qinlian_session=', 'qinlian_session=%FF', 'a=b; qinlian_session=' + 'y'.repeat(4000)),
        { freq: 8 },
      ),
      ip: fc.ipV4(),
    })
    .map((c) => {
      const headers: Record<string, string> = { 'accept-language': c.acceptLanguage };
      if (c.body.payload !== undefined || c.contentType) headers['content-type'] = c.contentType ?? c.body.contentType;
      if (c.forwardedFor) headers['x-forwarded-for'] = c.forwardedFor;
      if (role === 'anonymous' && c.junkAuth) headers.authorization = c.junkAuth;
      if (role === 'anonymous' && c.junkCookie) headers.cookie = c.junkCookie;
      return {
        role,
        method: route.method,
        url: `${c.path}${c.query}`,
        payload: c.body.payload,
        headers,
        remoteAddress: c.ip,
        csrf: role === 'token' || role === 'anonymous' ? 'ok' : c.csrf,
      };
    });
}

/** The routes as registered by the real app (top-level await: one `it` per route, each with its own time limit). */
const ROUTES: Route[] = (await registeredRoutes())
  .filter((r) => r.method !== 'HEAD' || SIZE.fuzzHeadRoutes)
  // a live stream (…/live, text/event-stream) stays open while its client does: sse.test.ts and the modules' own tests read them
  .filter((r) => !r.url.endsWith('/live'))
  .map((r) => ({ method: r.method, url: r.url }));

/** Routes that check a password, where a refusal is logged in sign_in_log (sign-in-delay.ts, reauth.ts). */
const PASSWORD_CHECKED = new Set([
  '/api/auth/login',
  '/api/auth/password',
  '/api/auth/totp/setup',
  '/api/auth/totp/enable',
  '/api/auth/totp/disable',
]);

describe.each(ENGINES)('API fuzzing from the OpenAPI document on %s', (engine) => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDoc;
  let tables: string[];
  let known: Known;
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  const counts = { requests: 0, byClass: {} as Record<string, number> };

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await buildWorld(t);
    // victims: records the fuzzer may hit by id (never the world's own actors, whose loss would blind later runs)
    const victims = await Promise.all([
      w.make.department('in'),
      w.make.department('out'),
      w.make.person('in'),
      w.make.person('out'),
      w.make.post('in'),
      w.make.post('out'),
      w.make.role(),
      w.make.user(),
      w.make.token(),
    ]);
    const officeRules = await officeRuleVictims(w);
    known = {
      ids: [
        ...victims.map((v) => v.id),
        ...officeRules.ids,
        ...(await dispatchVictims(w)),
        ...(await bulletinVictims(w)),
        ...(await summaryVictims(w)),
      ],
      codes: officeRules.codes,
    };
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    tables = await applicationTables(t);
    expect(tables).toEqual(expect.arrayContaining(['departments', 'people', 'audit_events', 'audit_head']));
  });
  afterAll(async () => {
    console.log(`[fuzz ${engine}] ${counts.requests} requests, statuses ${JSON.stringify(counts.byClass)}, seed ${FUZZ_SEED}`);
    await t?.close();
  });

  function responseValidator(route: Route, status: number): ValidateFunction | null {
    const key = `${route.method} ${route.url} ${status}`;
    if (validators.has(key)) return validators.get(key)!;
    const op = doc.paths[openapiPath(route.url)]?.[route.method.toLowerCase()];
    const schema = op?.responses?.[String(status)]?.content?.['application/json']?.schema;
    const v = schema ? ajv.compile(forAjv(doc, schema) as object) : null;
    if (v) validators.set(key, v);
    return v;
  }

  it('covers every registered route with a document entry (hidden ones excepted)', () => {
    const missing = t.app.routePolicies
      .filter((r) => r.method !== 'HEAD' && r.url !== '/api/openapi.json')
      .filter((r) => !doc.paths[openapiPath(r.url)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes missing from /api/openapi.json').toEqual([]);
  });

  it.each(ROUTES)(
    '$method $url: as every role, hostile input gets no 5xx, bodies fit their schema, refused requests write nothing',
    async (route) => {
      const failures = new Map<string, string>();
      const started = Date.now();
      for (const role of ROLES) {
        const client = await w.client(role);
        await fc.assert(
          fc.asyncProperty(caseArbitrary(doc, route, role, known), async (c) => {
            try {
              await check(route, client, c);
            } catch (err) {
              const message = (err as Error).message.split('\n')[0]!.slice(0, 600);
              const key = message.replace(/→ (\d+) .*/, '→ $1').replace(/^(.*?): \w+ (GET|POST|PUT|PATCH|DELETE|HEAD) \S+/, '$1');
              if (!failures.has(key)) failures.set(key, `${message}\n    reproduce: ${describeCase(c)}`);
            }
          }),
          { numRuns: SIZE.fuzzRunsPerRole, seed: seedFor(`${route.method} ${route.url} ${role}`) },
        );
      }
      if (process.env.FUZZ_TRACE) process.stderr.write(`[route] ${route.method} ${route.url} ${Date.now() - started} ms\n`);
      expect([...failures.values()], `${failures.size} distinct failures on ${route.method} ${route.url} (FUZZ_SEED=${FUZZ_SEED})`).toEqual(
        [],
      );
    },
    120_000,
  );

  async function check(route: Route, client: Client, c: FuzzCase) {
    const headers = { ...c.headers };
    if (client.auth.cookie && !headers.cookie) headers.cookie = client.auth.cookie;
    if (client.auth.bearer) headers.authorization = `Bearer ${client.auth.bearer}`;
    if (client.auth.csrf && c.csrf === 'ok') headers['x-csrf-token'] = client.auth.csrf;
    if (client.auth.csrf && c.csrf === 'wrong') headers['x-csrf-token'] = `${client.auth.csrf}x`;
    if (process.env.FUZZ_TRACE === 'cases') process.stderr.write(`[trace] ${describeCase(c).slice(0, 400)}\n`);
    const watch = SIZE.snapshotReads || (c.method !== 'GET' && c.method !== 'HEAD');
    const before = watch ? await snapshot(t, tables) : null;
    const res = await withDeadline(
      t.app.inject({
        method: c.method as InjectOptions['method'],
        url: c.url,
        payload: c.payload,
        headers,
        remoteAddress: c.remoteAddress,
      } as InjectOptions),
      15_000,
      `no answer within 15 s: ${c.role} ${c.method} ${c.url.slice(0, 200)}`,
    );
    counts.requests++;
    const cls = `${Math.floor(res.statusCode / 100)}xx`;
    counts.byClass[cls] = (counts.byClass[cls] ?? 0) + 1;
    const where = `${c.role} ${c.method} ${c.url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;

    expect(res.statusCode, where).toBeLessThan(500);
    expect(res.body, where).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|\.ts:\d+/);
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), `prototype polluted by ${where}`).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted, `prototype polluted by ${where}`).toBeUndefined();

    const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
    if (res.statusCode >= 400) {
      if (c.method !== 'HEAD') {
        expect(isJson, where).toBe(true);
        const parsed = ErrorBody.safeParse(res.json());
        expect(parsed.success, `not an ErrorBody: ${where}`).toBe(true);
      }
      if (before) {
        const after = await snapshot(t, tables);
        // a refused sign-in, and a wrong current password on a re-authenticated step, is logged (and
        // counts towards the delay) by design
        const ignore = PASSWORD_CHECKED.has(route.url) ? ['sign_in_log'] : [];
        expect(writesBetween(before, after, ignore), `refused request wrote: ${where}`).toEqual([]);
      }
    } else if (res.statusCode < 300 && isJson && c.method !== 'HEAD') {
      const validate = responseValidator(route, res.statusCode);
      if (route.url !== '/api/openapi.json')
        expect(validate, `no ${res.statusCode} response schema for ${route.method} ${route.url}`).not.toBeNull();
      if (validate && !validate(res.json())) throw new Error(`2xx body breaks its schema: ${where}\n${ajv.errorsText(validate.errors)}`);
    }
  }
});
