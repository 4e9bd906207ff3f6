import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fastify from 'fastify';
import { z } from 'zod';
import { Task, TaskPage } from '@qinlian/contracts';
import { compileProjection, createResponseSerializerCompiler } from './response-serializer.ts';

/** The projection's JSON must be zod's JSON, byte for byte, and nothing undeclared may appear in it. */
function expectSameAsZod(schema: z.ZodType, input: unknown) {
  const { project } = compileProjection(schema);
  const actual = JSON.stringify(project(input));
  expect(actual).toBe(JSON.stringify(z.encode(schema, input as never)));
  expect(actual).not.toContain('passwordHash');
  return actual;
}

const secret = { passwordHash: '$argon2id$v=19$secret' };
const abilities = z.record(z.enum(['assign', 'close']), z.boolean()).and(z.object({ edit: z.boolean(), urge: z.boolean() }));

describe('response projection', () => {
  it('copies declared keys of nested objects and arrays in shape order, and drops the rest', () => {
    const Person = z.object({ id: z.string(), name: z.string(), dept: z.object({ id: z.string(), name: z.string() }) });
    const schema = z.object({ items: z.array(Person), total: z.number().int() });
    const row = { ...secret, name: '张三', id: 'p1', dept: { name: '办公室', ...secret, id: 'd1' } };
    expect(expectSameAsZod(schema, { total: 1, items: [row], ...secret })).toBe(
      '{"items":[{"id":"p1","name":"张三","dept":{"id":"d1","name":"办公室"}}],"total":1}',
    );
  });

  it('passes null for nullable, and leaves absent optional keys out but keeps present ones', () => {
    const schema = z.object({ a: z.string().nullable(), b: z.string().optional(), c: z.object({ x: z.number() }).nullable().optional() });
    expect(expectSameAsZod(schema, { a: null, ...secret })).toBe('{"a":null}');
    expect(expectSameAsZod(schema, { a: 'x', b: 'y', c: { x: 1, ...secret } })).toBe('{"a":"x","b":"y","c":{"x":1}}');
    expect(expectSameAsZod(schema, { a: 'x', b: undefined, c: null })).toBe('{"a":"x","c":null}');
  });

  it('encodes a default as zod does: the value when present, nothing filled in when absent', () => {
    // zod's encode direction does not apply defaults (it would reject an absent z.number().default())
    const schema = z.object({ n: z.number().default(5), s: z.string().optional().default('x') });
    expect(expectSameAsZod(schema, { n: 1, s: 'y' })).toBe('{"n":1,"s":"y"}');
    expect(expectSameAsZod(schema, { n: 1 })).toBe('{"n":1}');
  });

  it('passes enums and literals', () => {
    expectSameAsZod(z.object({ status: z.enum(['draft', 'closed']), ok: z.literal(true) }), { ok: true, status: 'closed', ...secret });
  });

  it('projects the values of a record: every key of a string-keyed one, the enum keys in enum order of an exhaustive one', () => {
    const byId = z.record(z.string(), z.object({ n: z.number() }));
    expect(expectSameAsZod(byId, { b: { n: 1, ...secret }, a: { n: 2 } })).toBe('{"b":{"n":1},"a":{"n":2}}');
    const colours = z.object({ byColour: z.record(z.enum(['red', 'blue']), z.number()) });
    expect(expectSameAsZod(colours, { byColour: { blue: 2, red: 1 } })).toBe('{"byColour":{"red":1,"blue":2}}');
  });

  it('merges the two sides of a record-and-object intersection (the abilities of a record)', () => {
    const schema = z.object({ abilities });
    const out = expectSameAsZod(schema, { abilities: { urge: false, close: true, edit: true, assign: false, ...secret } });
    expect(out).toBe('{"abilities":{"assign":false,"close":true,"edit":true,"urge":false}}');
    const nested = z.object({ a: z.object({ x: z.number() }), b: z.string() }).and(z.object({ a: z.object({ y: z.number() }) }));
    expect(expectSameAsZod(nested, { a: { y: 2, x: 1, ...secret }, b: 'b', ...secret })).toBe('{"a":{"x":1,"y":2},"b":"b"}');
  });

  it('hands a union of objects to zod, which strips it too', () => {
    const schema = z.object({
      who: z.union([z.object({ kind: z.literal('person'), name: z.string() }), z.object({ kind: z.literal('dept'), code: z.string() })]),
    });
    expectSameAsZod(schema, { who: { kind: 'dept', code: 'D1', ...secret } });
    expect(compileProjection(schema).fallbacks).toEqual(['union of objects at .who']);
    const primitives = z.object({ v: z.union([z.string(), z.number(), z.null()]) });
    expectSameAsZod(primitives, { v: 3 });
    expect(compileProjection(primitives).fallbacks).toEqual([]);
  });

  it('hands what rewrites values to zod: a trimmed string, a pipe, and a transform (which zod cannot encode)', () => {
    const trimmed = z.object({ note: z.string().trim() });
    expect(expectSameAsZod(trimmed, { note: '  说明 ', ...secret })).toBe('{"note":"说明"}');
    const piped = z.object({ when: z.string().pipe(z.string().min(1)) });
    expectSameAsZod(piped, { when: '2026-03-02', ...secret });
    const transformed = z.object({ n: z.string().transform((s) => s.length) });
    expect(compileProjection(transformed).fallbacks).toEqual(['pipe at .n']);
    expect(() => compileProjection(transformed).project({ n: 3 })).toThrow(/unidirectional transform/);
    expect(() => z.encode(transformed, { n: 3 })).toThrow(/unidirectional transform/);
  });

  it('refuses an object where a primitive is declared, as zod would', () => {
    const { project } = compileProjection(z.object({ name: z.string() }));
    expect(() => project({ name: { ...secret } })).toThrow(/object where a primitive/);
  });

  it('matches zod on the task contract, including one with undeclared row columns', () => {
    const task = sampleTask();
    expectSameAsZod(TaskPage, {
      items: [{ ...task, ...secret, deleted_at: null }, task],
      total: 2,
      page: 1,
      pageSize: 20,
      totalCapped: false,
    });
  });

  it('matches zod on generated tasks (property)', () => {
    const grade = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const arbitraryTask = fc.record({
      title: fc.string(),
      handlerName: fc.option(fc.string(), { nil: null }),
      progress: fc.integer({ min: 0, max: 100 }),
      grade: fc.record({ zhun: grade, kuai: grade, shi: grade, nong: grade, xian: grade }),
      milestones: fc.array(fc.record({ name: fc.string(), doneAt: fc.option(fc.constant('2026-03-02T01:00:00.000Z'), { nil: null }) }), {
        maxLength: 3,
      }),
      abilities: fc.record({ assign: fc.boolean(), close: fc.boolean(), edit: fc.boolean(), urge: fc.boolean() }),
      extra: fc.dictionary(
        fc.string().filter((k) => !(k in Task.shape) && k !== '__proto__'),
        fc.jsonValue(),
        { maxKeys: 4 },
      ),
    });
    const base = sampleTask();
    fc.assert(
      fc.property(arbitraryTask, (t) => {
        const input = {
          ...t.extra,
          ...base,
          title: t.title,
          handlerName: t.handlerName,
          progress: t.progress,
          grade: t.grade,
          milestones: t.milestones.map((m, i) => ({ id: `m${i}`, dueDate: '2026-06-30', doneByName: null, ...m })),
          abilities: { ...base.abilities, ...t.abilities },
        };
        const { project } = compileProjection(Task);
        expect(JSON.stringify(project(input))).toBe(JSON.stringify(z.encode(Task, input)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('response serializer in Fastify', () => {
  async function appWith(verify: boolean, body: unknown) {
    const app = Fastify({ logger: false });
    app.setSerializerCompiler(createResponseSerializerCompiler({ verify }));
    app.get('/thing', { schema: { response: { 200: z.object({ id: z.string(), name: z.string() }) } } }, async () => body);
    await app.ready();
    return app;
  }

  it('sends only declared keys, with or without the zod check', async () => {
    for (const verify of [true, false]) {
      const app = await appWith(verify, { name: 'x', id: '1', ...secret });
      const res = await app.inject({ method: 'GET', url: '/thing' });
      expect(res.body).toBe('{"id":"1","name":"x"}');
      await app.close();
    }
  });

  it('with the check on, a response that breaks its schema fails with the library error', async () => {
    const app = await appWith(true, { id: 1 });
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('FST_ERR_RESPONSE_SERIALIZATION');
    await app.close();
  });
});

function sampleTask(): z.input<typeof Task> {
  return {
    id: '01960000-0000-7000-8000-000000000001',
    planId: 'plan1',
    measureId: 'm1',
    measureName: '举措一',
    programmeId: 'pr1',
    programmeName: '工程一',
    parentId: null,
    code: 'T-001',
    title: '整改任务',
    statement: '任务书',
    deliverables: '成果',
    leadDepartmentId: 'd1',
    leadDepartmentName: '办公室',
    cooperatingDepartmentIds: ['d2', 'd3'],
    responsiblePostId: null,
    responsiblePostName: null,
    handlerPersonId: 'p1',
    handlerName: '张三',
    handlerActingForName: null,
    leaderPersonId: null,
    leaderName: null,
    startDate: '2026-01-05',
    dueDate: '2026-06-30',
    originalDueDate: null,
    weight: 1,
    status: 'in_progress',
    progress: 40,
    scheduleProgress: 35,
    warning: 'blue',
    workingDaysLeft: 12,
    tagged: false,
    grade: { zhun: 4, kuai: null, shi: 3, nong: null, xian: null },
    milestones: [{ id: 'ms1', name: '方案', dueDate: '2026-02-27', doneAt: '2026-02-26T08:00:00.000Z', doneByName: '张三' }],
    version: 3,
    updatedAt: '2026-03-01T02:00:00.000Z',
    closedAt: null,
    closedLateDays: null,
    departmentReview: false,
    pendingReview: null,
    cooperation: [],
    extensions: [],
    assignments: [],
    abilities: {
      assign: false,
      accept: false,
      refuse: false,
      report: true,
      request_close: true,
      approve: false,
      send_back: false,
      close: false,
      return: false,
      reopen: false,
      edit: true,
      urge: false,
      instruct: false,
      grade: false,
      milestones: true,
      dispatch: false,
      request_extension: true,
      decide_extension: false,
      review_setting: false,
    },
  };
}
