import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '@qinlian/contracts';
import type { RoutePolicy } from '../policy/policy.ts';
import { CSRF_HEADER, SAFE_METHODS } from './auth-hook.ts';
import { repairSchemas } from './openapi-schemas.ts';

/**
 * The API document (GET /api/openapi.json, Swagger UI at /api/docs), built from the routes' zod
 * schemas. Integrations generate clients from it, so everything a route file would otherwise have
 * to repeat is derived here, in one place: operation ids, security from `config.policy`, the error
 * body, and what is not API at all (the web console) is left out.
 */

export type ApiDocumentOptions = { version: string; sessionCookie: string };

/** Names of the security schemes, as clients see them. */
export const SECURITY = { session: 'sessionCookie', csrf: 'csrfHeader', apiToken: 'apiToken' } as const;

/** Only /api is API; the console (`/`, `/*`, its static files) and Swagger UI are not documented. */
const isDocumented = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * operationId = lower-case method + each path segment after /api in PascalCase, path parameters as
 * `By<Name>`: `GET /api/departments/:id` → `getDepartmentsById`, `POST /api/auth/totp/setup` →
 * `postAuthTotpSetup`, `GET /api/people/export.xlsx` → `getPeopleExportXlsx`. It depends on nothing
 * but the method and the path, so it is stable across runs and only changes when the URL does
 * (which breaks clients anyway). Method + path is unique per route; should two paths still collapse
 * to one id (`/a-b` and `/a/b`), building the document fails rather than emit a duplicate.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^:(\w+)$/.exec(segment)?.[1] ?? /^\{(\w+)\}$/.exec(segment)?.[1];
      return param ? ['by', param] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * What a caller must present, from the route's policy (auth-hook.ts enforces the same): nothing for
 * public routes; otherwise the session cookie — with the CSRF header on unsafe methods — or a Bearer
 * API token, except on session-only routes (policy `interactive`).
 */
export function securityOf(policy: RoutePolicy | undefined, method: string): Array<Record<string, string[]>> {
  if (!policy || policy.kind === 'public') return [];
  const session: Record<string, string[]> = { [SECURITY.session]: [] };
  if (!SAFE_METHODS.has(method.toUpperCase())) session[SECURITY.csrf] = [];
  return policy.interactive ? [session] : [session, { [SECURITY.apiToken]: [] }];
}

function transformRoute(input: Parameters<typeof jsonSchemaTransform>[0]): ReturnType<typeof jsonSchemaTransform> {
  const { url, route } = input;
  if (!isDocumented(url)) return { schema: { hide: true }, url };
  const transformed = jsonSchemaTransform(input);
  if ((transformed.schema as { hide?: boolean } | undefined)?.hide) return transformed;
  const method = [route.method].flat().join('_');
  const policy = (route as RouteOptions & { config?: { policy?: RoutePolicy } }).config?.policy;
  const schema: Record<string, unknown> = {
    ...transformed.schema,
    operationId: operationIdOf(method, url),
    security: securityOf(policy, method),
  };
  // Bearer tokens carry no scopes in OpenAPI 3.0; the permission a route needs travels as an extension
  if (policy?.kind === 'permission') schema['x-permission'] = policy.permission;
  return { schema, url };
}

const errorResponse = {
  description: '请求有误、未登录、无权限或记录不存在 / Bad request, not signed in, forbidden or not found',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
};

type Operation = { operationId?: string; responses?: Record<string, unknown> };

/** Every operation may answer with the one error body (error-handler.ts); duplicate ids fail here. */
function finishDocument(document: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = repairSchemas(structuredClone(jsonSchemaTransformObject(document))) as {
    paths?: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, unknown> };
  };
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ErrorBody: z.toJSONSchema(ErrorBody, { target: 'openapi-3.0' }) },
  };
  const owners = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      operation.responses = { ...operation.responses, '4XX': operation.responses?.['4XX'] ?? errorResponse };
      const id = operation.operationId;
      if (!id) continue;
      const owner = `${method.toUpperCase()} ${path}`;
      if (owners.has(id)) throw new Error(`operationId ${id} of ${owner} is also that of ${owners.get(id)}`);
      owners.set(id, owner);
    }
  }
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
}

/** Registers @fastify/swagger (the document) and Swagger UI at /api/docs. */
export async function registerApiDocument(app: FastifyInstance, { version, sessionCookie }: ApiDocumentOptions) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '勤廉 Qinlian API', version, description: '勤廉新区 · 模范机关建设平台 API' },
      // relative: the API is served by whichever host serves this document
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          [SECURITY.session]: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookie,
            description: '登录会话（POST /api/auth/login 设置）/ Session cookie set by POST /api/auth/login',
          },
          [SECURITY.csrf]: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: '会话请求的写操作须带登录返回的 csrfToken / With a session, unsafe methods must send the csrfToken from sign-in',
          },
          [SECURITY.apiToken]: {
            type: 'http',
            scheme: 'bearer',
            description: 'API 令牌（/api/api-tokens 签发）/ API token issued at /api/api-tokens',
          },
        },
      },
    },
    transform: transformRoute,
    transformObject: finishDocument,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
