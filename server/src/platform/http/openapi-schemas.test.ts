import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repairSchemas } from './openapi-schemas.ts';

const NULL_ONLY = { type: 'string', nullable: true, enum: [null] };
const openapi30 = (schema: z.ZodType) => repairSchemas(z.toJSONSchema(schema, { target: 'openapi-3.0' })) as Record<string, any>;

describe('repairSchemas (zod → OpenAPI 3.0)', () => {
  it('drops `nullable` where no type goes with it: an unknown value already admits null', () => {
    const s = openapi30(z.object({ before: z.unknown().nullable() }));
    expect(s.properties.before).toEqual({});
  });

  it('keeps `nullable` beside a type, and gives nullable unions and $refs an explicit null branch', () => {
    const s = openapi30(z.object({ name: z.string().nullable(), either: z.union([z.string(), z.number()]).nullable() }));
    expect(s.properties.name).toEqual({ type: 'string', nullable: true });
    expect(s.properties.either).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }, NULL_ONLY] });
    const ref = repairSchemas({ nullable: true, $ref: '#/components/schemas/X', description: 'd' });
    expect(ref).toEqual({ description: 'd', anyOf: [{ $ref: '#/components/schemas/X' }, NULL_ONLY] });
  });

  it('lists null among the values of a nullable enum', () => {
    expect(openapi30(z.object({ source: z.enum(['self', 'head']).nullable() })).properties.source).toEqual({
      type: 'string',
      enum: ['self', 'head', null],
      nullable: true,
    });
  });

  it('rewrites `type: null` (z.literal(null)) the way zod writes z.null() for 3.0', () => {
    expect(openapi30(z.object({ gone: z.literal(null) })).properties.gone).toEqual(NULL_ONLY);
  });

  it('declares the keys of a record over an enum, which `required` names', () => {
    const s = openapi30(z.object({ colours: z.record(z.enum(['red', 'blue']), z.number().int()) }));
    expect(Object.keys(s.properties.colours.properties)).toEqual(['red', 'blue']);
    expect(s.properties.colours.properties.red).toEqual(s.properties.colours.additionalProperties);
  });

  it('leaves a property that happens to be called `nullable` or `type` alone', () => {
    const s = openapi30(z.object({ nullable: z.boolean(), type: z.string() }));
    expect(Object.keys(s.properties)).toEqual(['nullable', 'type']);
    expect(s.required).toEqual(['nullable', 'type']);
  });
});
