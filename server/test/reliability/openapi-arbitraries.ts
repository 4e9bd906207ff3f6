import fc from 'fast-check';

/**
 * fast-check arbitraries from the app's own OpenAPI document: values that fit each route's schema
 * (so the handler really runs) mixed with hostile ones (wrong types, huge and deep values,
 * prototype-pollution keys, SQL and HTML, traversal, broken unicode) so that validation is attacked too.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  format?: string;
};
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };
export type Operation = {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

export const ID_PATTERN = '^[0-9a-zA-Z_-]+$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Strings that have broken other applications. Each must come back as a 4xx or as plain data. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE people; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  "\\'; --",
  '%',
  '_',
  '\\',
  '%_\\%',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/dev/null',
  'C:\\con\\aux',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066reversed',
  '\ufeffbom',
  '\u200b',
  'e\u0301',
  '𠜎𠜱𠝹',
  '👨‍👩‍👧‍👦',
  ' ',
  '\t\n\r',
  '',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  '勤廉新区'.repeat(40),
  'x'.repeat(5000),
  '长'.repeat(70_000),
];

/** Raw path segments that a client can send but a well-behaved client would not. */
export const HOSTILE_PATH_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '.',
  '%2e%2e',
  '%00',
  'a%00b',
  '%FF',
  '%E4%B8',
  '%',
  '%zz',
  '%C0%AF',
  '%EF%BF%BF',
  encodeURIComponent('<script>'),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('长'.repeat(40)),
  'x'.repeat(300),
  '0',
  '-1',
  'null',
  '__proto__',
  'constructor',
  '%5F%5Fproto%5F%5F',
  ';',
  encodeURIComponent('a/b'),
  '%20',
  '+',
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Any JSON value, including deep and odd ones. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, -1e308, [], {}, [[[[[]]]]]) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => deepNest(d)) },
);

function deepNest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

export type Known = { ids: string[]; /** public codes (查询码) the path parameter `code` may take */ codes?: string[] };

function resolve(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
    return resolve(doc, target);
  }
  return s;
}

const calendarDate = fc
  .date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2101-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A value that fits the schema (mostly: patterns and lengths are honoured, ids are often real ones). */
export function validValue(doc: OpenApiDoc, schema: JsonSchema, known: Known, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const base = baseValue(doc, s, known, depth);
  return s.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function baseValue(doc: OpenApiDoc, s: JsonSchema, known: Known, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(doc, a, known, depth + 1)));
  if (s.allOf) return validValue(doc, Object.assign({}, ...s.allOf.map((a) => resolve(doc, a))), known, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      return stringValue(s, known);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1_000_000), max: Math.min(s.maximum ?? 100_000, 1_000_000) });
    case 'number':
      return fc.double({ min: Math.max(s.minimum ?? -1e6, -1e6), max: Math.min(s.maximum ?? 1e6, 1e6), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4 || !s.items) return fc.constant([]);
      return fc.array(validValue(doc, s.items, known, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    }
    case 'object': {
      if (depth > 4 || !s.properties) return fc.constant({});
      const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, validValue(doc, v, known, depth + 1)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) as never[] });
    }
    default:
      return anyJson;
  }
}

function stringValue(s: JsonSchema, known: Known): fc.Arbitrary<string> {
  const max = Math.min(s.maxLength ?? 60, 60);
  const min = s.minLength ?? 0;
  if (s.pattern === ID_PATTERN) {
    const made = fc.stringMatching(/^[0-9a-zA-Z_-]{1,40}$/);
    return known.ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known.ids) }, { weight: 1, arbitrary: made }) : made;
  }
  if (s.pattern === DATE_PATTERN)
    return fc.oneof(
      { weight: 4, arbitrary: calendarDate },
      { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31') },
    );
  if (s.pattern) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern);
    } catch {
      return fc.string({ minLength: min, maxLength: max });
    }
    return fc.stringMatching(re).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, min, 1), unit: 'grapheme' }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('勤廉新区', '经济发展局', '综合科', '张三', '李四', 'Zhang San', '13900000000', '010-12345678'),
    },
    { weight: 1, arbitrary: hostileString },
  );
}

/** A value that does not fit: another type, a hostile string, a huge or deep value, an extra or missing key. */
export function hostileValue(doc: OpenApiDoc, schema: JsonSchema, known: Known): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const wrongType = fc.constantFrom<unknown>(42, -1, 1.5, true, null, 'text', [], {}, ['a'], { a: 1 }, '', Number.MAX_SAFE_INTEGER + 2);
  const choices: fc.Arbitrary<unknown>[] = [wrongType, hostileString, anyJson];
  if (s.type === 'object' && s.properties) {
    const keys = Object.keys(s.properties);
    choices.push(
      validValue(doc, s, known).chain((v) =>
        fc
          .record({
            key: fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', 'polluted', 'extra'),
            value: fc.oneof(wrongType, hostileString, anyJson, fc.constant({ polluted: 'yes' })),
          })
          .map(({ key, value }) => {
            const o = { ...(v as object) } as Record<string, unknown>;
            Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
            return o;
          }),
      ),
    );
    choices.push(
      validValue(doc, s, known).map((v) => {
        const o = { ...(v as object) } as Record<string, unknown>;
        for (const k of s.required ?? []) {
          delete o[k];
          break;
        }
        return o;
      }),
    );
  }
  return fc.oneof(...choices);
}

export const HOSTILE_RAW_BODIES: (string | Buffer)[] = [
  '{"name": "未闭合',
  '{',
  '[',
  'null',
  '""',
  '0',
  'true',
  '[]',
  '{"a":1}{"b":2}',
  "{'single':'quotes'}",
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"a": {"__proto__": {"polluted": "yes"}}}',
  `{"name": "${'\\u0000'}", "parentId": null}`,
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3, 0x28, 0x7d]), // invalid UTF-8 inside JSON
  Buffer.from('{"name":"\xe4\xb8"}', 'latin1'),
  '\u0000\u0000\u0000',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  'application/json, text/plain',
  ';;;',
  'application/vnd.api+json',
  '*/*',
];

export const ACCEPT_LANGUAGES = [
  'zh-CN',
  'en',
  'en-US,en;q=0.9',
  '*',
  '',
  'xx',
  ';q=',
  'en'.repeat(500),
  'zh-CN,zh;q=0.9,en;q=0.8',
  '\u00ff',
];
