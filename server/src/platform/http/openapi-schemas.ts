/**
 * Repairs for what zod's `openapi-3.0` output says in a way OpenAPI 3.0 tools reject. Applied to the
 * finished document only: the route schemas that validate and serialize are never touched.
 */

type Node = Record<string, unknown>;

/** How zod itself writes `z.null()` for OpenAPI 3.0, which has no `null` type. */
const NULL_ONLY = Object.freeze({ type: 'string', nullable: true, enum: [null] });

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walks every object of the document (schemas sit in parameters, bodies, responses and components). */
export function repairSchemas<T>(document: T): T {
  visit(document);
  return document;
}

function visit(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(visit);
  if (!isNode(value)) return;
  for (const child of Object.values(value)) visit(child);
  repairNullable(value);
  repairNullableEnum(value);
  repairNullType(value);
  repairRecordKeys(value);
}

/**
 * `nullable` only means something beside `type` (OAS 3.0.3 clarification; Redocly's
 * nullable-type-sibling). `z.unknown().nullable()` (the audit `before`/`after`) has no type and
 * already admits null, so the flag goes; a nullable union or `$ref` gets an explicit null branch.
 */
function repairNullable(node: Node) {
  // a boolean: a property *named* nullable inside `properties` is a schema, not the flag
  if (typeof node.nullable !== 'boolean' || 'type' in node) return;
  const nullable = node.nullable;
  delete node.nullable;
  if (!nullable) return;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) {
      node[key] = [...branches, { ...NULL_ONLY }];
      return;
    }
  }
  if (Array.isArray(node.allOf) || typeof node.$ref === 'string') {
    const { allOf, $ref, ...rest } = node;
    const inner = $ref !== undefined ? { $ref } : { allOf };
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, rest, { anyOf: [inner, { ...NULL_ONLY }] });
  }
}

/**
 * `z.enum([...]).nullable()` comes out as `nullable: true` beside an `enum` without null; the OAS 3.0.3
 * clarification (and validators such as Ajv) take the enum literally, so null must be one of its values.
 */
function repairNullableEnum(node: Node) {
  if (node.nullable !== true || !Array.isArray(node.enum) || node.enum.includes(null)) return;
  node.enum = [...node.enum, null];
}

/** `z.literal(null)` comes out as `type: 'null'`, which 3.0 does not know. */
function repairNullType(node: Node) {
  if (node.type !== 'null') return;
  Object.assign(node, NULL_ONLY);
}

/**
 * `z.record(z.enum([...]), v)` is an object that must carry every key of the enum; 3.0 has no
 * `propertyNames`, so zod leaves `required` naming keys that `properties` never declares. Declaring
 * each of them with the value schema says the same and lets generated clients type the keys.
 */
function repairRecordKeys(node: Node) {
  if (!Array.isArray(node.required) || !isNode(node.additionalProperties)) return;
  const properties = isNode(node.properties) ? node.properties : {};
  for (const key of node.required) {
    if (typeof key === 'string' && !(key in properties)) properties[key] = structuredClone(node.additionalProperties);
  }
  node.properties = properties;
}
