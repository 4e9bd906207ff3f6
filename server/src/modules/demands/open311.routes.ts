import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Open311JurisdictionQuery,
  Open311RequestBody,
  Open311RequestParams,
  Open311RequestQuery,
  Open311RequestReceipt,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceParams,
  Open311ServiceRequestList,
  type ErrorBody,
  type Open311Errors,
} from '@qinlian/contracts';
import { DomainError } from '../../platform/errors.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { SUBMISSIONS_PER_ADDRESS_PER_HOUR } from './demands.public.routes.ts';
import { presentOpen311Receipt, presentOpen311Requests, presentOpen311Service } from './open311.presenter.ts';
import {
  assertOpen311ApiKey,
  fileOpen311Request,
  open311Request,
  open311Requests,
  open311Service,
  open311Services,
} from './open311.service.ts';

export const OPEN311_PREFIX = '/open311/v2';
const HOUR_MS = 3_600_000;
const tags = ['open311'];

/**
 * Every failure under /open311/v2 in the array Open311 prescribes, `[{ code, description }]`, with
 * the one error handler's status and message (validation fields named as the specification names them).
 */
async function asOpen311Errors(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
  let body: Partial<ErrorBody>;
  try {
    body = JSON.parse(payload) as Partial<ErrorBody>;
  } catch {
    return payload;
  }
  if (!body.error) return payload;
  const fields = (body.error.fields ?? []).map((f) => `${f.path.replace(/^(body|querystring|params)\./, '')}: ${f.message}`);
  const errors: Open311Errors = [{ code: reply.statusCode, description: [body.error.message, ...fields].join('; ') }];
  reply.type('application/json; charset=utf-8');
  return JSON.stringify(errors);
}

/**
 * Open311 GeoReport v2 (JSON only) for existing Open311 clients: services (the demand categories),
 * filing a service request (a demand, channel open311) and following it by its tracking code.
 * Public pages of the public API (registerPublicApi): anonymous and rate limited like /api/public.
 */
export const open311Routes: FastifyPluginAsync = async (app) => {
  const register = async (raw: typeof app) => {
    const v2 = raw.withTypeProvider<ZodTypeProvider>();
    const config = { policy: publicApiRoute };
    // the specification posts form-encoded; Fastify parses JSON only, and nothing else here takes forms
    v2.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    v2.addHook('onSend', asOpen311Errors);

    v2.get(
      '/services.json',
      {
        config,
        schema: {
          tags,
          summary: 'Open311：服务类别（即诉求分类）',
          querystring: Open311JurisdictionQuery,
          response: { 200: Open311ServiceList },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return (await open311Services(ctx)).map((s) => presentOpen311Service(s.category, s.keywords, ctx.lang));
      },
    );

    v2.get(
      '/services/:service_code.json',
      {
        config,
        schema: {
          tags,
          summary: 'Open311：服务定义（无附加属性）',
          params: Open311ServiceParams,
          querystring: Open311JurisdictionQuery,
          response: { 200: Open311ServiceDefinition },
        },
      },
      async (req) => ({ service_code: open311Service(req.params.service_code).code, attributes: [] }),
    );

    v2.post(
      '/requests.json',
      {
        // the web form's hourly cap per address on top of the public per-minute limits: a client floods no faster than a browser
        config: { ...config, rateLimit: { max: SUBMISSIONS_PER_ADDRESS_PER_HOUR, timeWindow: HOUR_MS } },
        bodyLimit: 64 * 1024,
        // before validation: a caller without a key learns nothing of what the body should hold
        preValidation: async (req) => assertOpen311ApiKey(req.server.config, (req.body as { api_key?: unknown } | null)?.api_key),
        schema: {
          tags,
          summary: 'Open311：提交服务请求（表单或 JSON；须有位置：经纬度或地址；配置了 api_key 时须提供）',
          body: Open311RequestBody,
          response: { 201: Open311RequestReceipt },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const row = await fileOpen311Request(ctx, req.server.config, req.body);
        return reply.status(201).send(presentOpen311Receipt(row, ctx.lang));
      },
    );

    v2.get(
      '/requests.json',
      {
        config,
        schema: {
          tags,
          summary: 'Open311：服务请求列表（按查询码、类别、时间、状态筛选；默认近 90 天，最新在前，最多 1000 条）',
          querystring: Open311RequestQuery,
          response: { 200: Open311ServiceRequestList },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return presentOpen311Requests(ctx, await open311Requests(ctx, req.query));
      },
    );

    v2.get(
      '/requests/:service_request_id.json',
      {
        config,
        schema: {
          tags,
          summary: 'Open311：按查询码查看一件服务请求',
          params: Open311RequestParams,
          querystring: Open311JurisdictionQuery,
          response: { 200: Open311ServiceRequestList.length(1) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return presentOpen311Requests(ctx, [await open311Request(ctx, req.params.service_request_id)]);
      },
    );

    // anything else here, in the Open311 error shape: XML (the specification's other format) is refused by name
    v2.all('/*', { config, schema: { hide: true } }, async (req) => {
      const path = req.url.split('?')[0]!;
      if (path.endsWith('.xml')) throw new DomainError('open311_format_not_supported', 400);
      throw new DomainError('route_not_found', 404, { method: req.method, url: path.slice(0, 200) });
    });
  };
  await app.register(register, { prefix: OPEN311_PREFIX });
};
