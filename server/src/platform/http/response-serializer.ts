import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { $ZodType, mergeValues, safeEncode } from 'zod/v4/core';

/**
 * The response serializer: what leaves the server is what the route's response schema declares.
 *
 * fastify-type-provider-zod's serializer runs zod's `safeEncode` on every response (≈0.7 ms of a
 * 3 ms request for a page of 20 tasks). In production we keep the one property of it that matters
 * — undeclared keys never leave (a presenter that spreads a row must not leak a password hash) —
 * and drop the validation: once per route schema the zod schema is compiled into a *projection*, a
 * tree of closures that copies the declared keys only, in zod's output order, so the JSON is
 * byte-identical to `JSON.stringify(safeEncode(schema, data).data)`.
 *
 * With `verify` (config.verifyResponses: NODE_ENV=test, and the test harness) every response is also encoded by zod, as before:
 * a presenter that breaks its contract still fails with the library's ResponseSerializationError,
 * and the projected JSON must equal zod's — so the whole route suite checks the projection.
 *
 * What the projection cannot copy faithfully (transforms, pipes, codecs, dates, lazy, unions of
 * objects, strings that trim/lowercase...) it hands to zod for that subtree, and a schema it cannot
 * compile at all keeps the library's serializer.
 */

type Project = (value: unknown) => unknown;
type Def = { type: string; checks?: Array<{ _zod: { def: { check?: string } } }>; coerce?: boolean; [k: string]: any };
type ZodInternals = { def: Def; optin?: 'optional' | 'defaulted'; optout?: 'optional'; values?: Set<unknown> };
const internals = (schema: unknown): ZodInternals => (schema as { _zod: ZodInternals })._zod;

/** A response that breaks its schema in a way the projection sees (an object where a string was declared, a subtree zod rejected). */
class ProjectionError extends Error {}

/**
 * Primitives, enums and literals pass as they are — but never an object or a function: an object
 * in a slot declared as a string could carry anything, so it fails as zod would have failed.
 */
const leaf: Project = (v) => {
  if ((typeof v === 'object' && v !== null) || typeof v === 'function')
    throw new ProjectionError(`an object where a primitive is declared`);
  return v;
};
/** Declared as anything (z.unknown(), z.any()): zod passes it on untouched, so do we. */
const anything: Project = (v) => v;

/** A container given the wrong container could leak what it holds; a primitive cannot, and zod rejects it in tests. */
const wrongShape = (v: unknown, expected: string) => {
  if (typeof v === 'object' && v !== null)
    throw new ProjectionError(`${Array.isArray(v) ? 'an array' : 'an object'} where ${expected} is declared`);
  return v;
};

const LEAF_TYPES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'never',
  'nan',
  'enum',
  'literal',
  'template_literal',
]);
/** Wrappers that, when encoding, pass the value to their inner schema unchanged (zod's `default` does not fill in when encoding). */
const TRANSPARENT_TYPES = new Set(['default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** A check that rewrites the value (`.trim()`, `.toLowerCase()`, `.overwrite()`) runs when encoding too. */
const rewrites = (def: Def) => def.coerce === true || (def.checks ?? []).some((c) => c._zod.def.check === 'overwrite');

export type Projection = { project: Project; /** subtrees handed to zod, as `type at path` */ fallbacks: string[] };

/** Compile a zod schema into its projection. Throws only if the schema cannot be walked at all. */
export function compileProjection(root: $ZodType): Projection {
  const fallbacks: string[] = [];
  const memo = new Map<unknown, Project>();

  const viaZod = (schema: unknown, path: string, why: string): Project => {
    fallbacks.push(`${why} at ${path || '(root)'}`);
    return (v) => {
      const result = safeEncode(schema as $ZodType, v);
      if (!result.success) throw new ProjectionError(`zod rejected ${path || 'the response'}`, { cause: result.error });
      return result.data;
    };
  };

  const compile = (schema: unknown, path: string): Project => {
    const known = memo.get(schema);
    if (known) return known;
    // a recursive schema (an object whose shape getter returns itself) reaches itself again here:
    // the inner reference calls the finished projection through this trampoline
    // eslint-disable-next-line prefer-const -- assigned once the trampoline that refers to it is in place
    let built: Project | undefined;
    memo.set(schema, (v) => built!(v));
    built = build(schema, path);
    memo.set(schema, built);
    return built;
  };

  const build = (schema: unknown, path: string): Project => {
    const def = internals(schema).def;
    const type = def.type;
    if (rewrites(def)) return viaZod(schema, path, `${type} that rewrites its value`);
    if (LEAF_TYPES.has(type)) return leaf;
    if (type === 'any' || type === 'unknown') return anything;
    if (TRANSPARENT_TYPES.has(type)) return compile(def.innerType, path);
    switch (type) {
      case 'object':
        return object(schema, def, path);
      case 'array':
        return array(def, path);
      case 'record':
        return record(schema, def, path);
      case 'nullable': {
        const inner = compile(def.innerType, path);
        return inner === leaf ? leaf : (v) => (v === null ? null : inner(v));
      }
      case 'optional': {
        const inner = compile(def.innerType, path);
        if (inner === leaf) return leaf;
        // .optional() over a default: zod tries the inner schema and answers undefined if it fails
        if (internals(def.innerType).optin === 'defaulted')
          return (v) => {
            if (v !== undefined) return inner(v);
            try {
              return inner(v);
            } catch {
              return undefined;
            }
          };
        return (v) => (v === undefined ? undefined : inner(v));
      }
      case 'union': {
        // primitives only (z.union([z.string(), z.null()]), z.enum(...).or(...)): the value passes;
        // a union of objects needs zod to tell which option matched
        const options = (def.options as unknown[]).map((o, i) => compile(o, `${path}|${i}`));
        return options.every((o) => o === leaf)
          ? leaf
          : viaZod(schema, path, def.discriminator ? 'discriminated union of objects' : 'union of objects');
      }
      case 'intersection':
        return intersection(def, path);
      default:
        return viaZod(schema, path, type); // pipe, transform, codec, date, lazy, tuple, map, set, custom...
    }
  };

  const object = (schema: unknown, def: Def, path: string): Project => {
    const catchall = def.catchall as unknown;
    if (catchall && internals(catchall).def.type !== 'never') return viaZod(schema, path, 'object with a catchall (loose/passthrough)');
    // declared keys in shape order: zod's output order, so the JSON is byte-identical
    const fields = Object.keys(def.shape as object)
      .filter((key) => key !== '__proto__')
      .map((key) => {
        const field = internals((def.shape as Record<string, unknown>)[key]);
        return {
          key,
          project: compile((def.shape as Record<string, unknown>)[key], `${path}.${key}`),
          // zod leaves out an absent optional key whatever its schema makes of undefined, and ignores
          // errors on an absent key whose schema is optional on the way out
          absent:
            field.optout !== 'optional' ? 'run' : field.optin === 'optional' ? 'skip' : field.optin === 'defaulted' ? 'tolerate' : 'run',
        } as const;
      });
    return (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return wrongShape(v, 'an object');
      const input = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const x = input[f.key];
        let r: unknown;
        if (x === undefined && f.absent !== 'run' && !(f.key in input)) {
          if (f.absent === 'skip') continue;
          try {
            r = f.project(x);
          } catch {
            continue;
          }
        } else {
          r = f.project(x);
        }
        if (r !== undefined) out[f.key] = r;
      }
      return out;
    };
  };

  const array = (def: Def, path: string): Project => {
    const item = compile(def.element, `${path}[]`);
    return (v) => {
      if (!Array.isArray(v)) return wrongShape(v, 'an array');
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = item(v[i]);
      return out;
    };
  };

  const record = (schema: unknown, def: Def, path: string): Project => {
    const keyType = internals(def.keyType);
    const keyKind = keyType.def.type;
    const value = compile(def.valueType, `${path}{}`);
    const loose = def.mode === 'loose';
    const declared = keyType.values ? [...keyType.values] : undefined;
    let enumKeys: string[] | undefined;
    if ((keyKind === 'enum' || keyKind === 'literal') && declared?.every((k) => typeof k === 'string') && !rewrites(keyType.def)) {
      enumKeys = (declared as string[]).filter((k) => k !== '__proto__');
    } else if (keyKind !== 'string' || rewrites(keyType.def)) {
      // a string key schema's checks (a regex) only validate: every key is declared
      return viaZod(schema, path, `record keyed by ${keyKind}`);
    }
    const notRecord = (v: unknown) => typeof v !== 'object' || v === null || Array.isArray(v);

    if (enumKeys && !def.partial) {
      // z.record(z.enum([...]), …) is exhaustive: its keys come out in the enum's order
      const keySet = new Set(enumKeys);
      return (v) => {
        if (notRecord(v)) return wrongShape(v, 'a record');
        const input = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of enumKeys) {
          const r = value(input[key]);
          if (r !== undefined) out[key] = r;
        }
        if (loose) for (const key in input) if (!keySet.has(key) && key !== '__proto__') out[key] = input[key];
        return out;
      };
    }
    const keySet = enumKeys && new Set(enumKeys);
    return (v) => {
      if (notRecord(v)) return wrongShape(v, 'a record');
      const input = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(input)) {
        if (key === '__proto__') continue;
        if (keySet && !keySet.has(key)) {
          if (loose) out[key] = input[key];
          continue;
        }
        const r = value(input[key]);
        if (r !== undefined) out[key] = r;
      }
      return out;
    };
  };

  /** `z.record(TaskAction, z.boolean()).and(z.object({ edit: … }))`: each side keeps its own keys, then zod merges them. */
  const intersection = (def: Def, path: string): Project => {
    const left = compile(def.left, `${path}&0`);
    const right = compile(def.right, `${path}&1`);
    return (v) => merge(left(v), right(v), path);
  };

  return { project: compile(root, ''), fallbacks };
}

const isPlain = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

/**
 * zod's `mergeValues` ({ ...a, ...b }, shared keys merged in a's place), written out for the case
 * that matters — two plain objects, as the projections of both sides are — because zod's own costs
 * about 7 µs per call, twice the projection of the rest of a task. Anything else goes to zod's.
 */
function merge(a: unknown, b: unknown, path: string): unknown {
  if (a === b) return a;
  if (isPlain(a) && isPlain(b)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) if (key !== '__proto__') out[key] = a[key];
    for (const key of Object.keys(b)) {
      if (key === '__proto__') continue;
      out[key] = Object.hasOwn(a, key) ? merge(a[key], b[key], `${path}.${key}`) : b[key];
    }
    return out;
  }
  const merged = mergeValues(a, b);
  if (!merged.valid) throw new ProjectionError(`the two sides of the intersection at ${path || '(root)'} disagree`);
  return merged.data;
}

/** The zod schema of a route's response, as fastify-type-provider-zod accepts it. */
function zodSchemaOf(maybeSchema: unknown): $ZodType | undefined {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : undefined;
}

export function createResponseSerializerCompiler({ verify }: { verify: boolean }): FastifySerializerCompiler<unknown> {
  return (routeSchema) => {
    const { schema: maybeSchema, method, url } = routeSchema;
    const schema = zodSchemaOf(maybeSchema);
    let projection: Projection | undefined;
    try {
      if (schema) projection = compileProjection(schema);
    } catch {
      projection = undefined;
    }
    if (!schema || !projection) return zodSerializerCompiler(routeSchema as Parameters<typeof zodSerializerCompiler>[0]);
    const { project } = projection;

    const projected = (data: unknown) => {
      try {
        return JSON.stringify(project(data));
      } catch (err) {
        // the library types its cause as a ZodError; ours is zod's error for a subtree, or the projection's own
        if (err instanceof ProjectionError)
          throw new ResponseSerializationError(method, url, {
            cause: (err.cause ?? err) as ConstructorParameters<typeof ResponseSerializationError>[2]['cause'],
          });
        throw err;
      }
    };
    if (!verify) return projected;

    return (data) => {
      const result = safeEncode(schema, data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      const expected = JSON.stringify(result.data);
      let actual: string;
      try {
        actual = projected(data);
      } catch (err) {
        actual = `threw ${String(err)}`;
      }
      if (actual !== expected) {
        const err = new Error(
          `response-serializer: the projection of ${method} ${url} differs from zod's encoding\n  zod:        ${String(expected).slice(0, 2000)}\n  projection: ${String(actual).slice(0, 2000)}`,
        );
        console.error(err.message); // tests run with the logger off; the 500 alone would not say why
        throw err;
      }
      return expected;
    };
  };
}
