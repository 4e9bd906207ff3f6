import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditCheckpointCheck, AuditCheckpointQuery, AuditSigningKeys } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { checkPublicCheckpoint } from './checkpoint-check.service.ts';
import { signingKeys } from './head-signing.service.ts';

const tags = ['public'];

/**
 * 公告验证 for anyone holding a printed bulletin, no account (docs/checkpoints.md): does today's
 * audit chain still contain the head it printed, and is its SM2 signature the area's? Behind the
 * public API's rate limits; the chain walk behind it is shared, not repeated per request.
 */
export const publicAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/checkpoint',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '核对公告上的审计链头（序号与哈希值，可带 SM2 签名）是否仍在今天的审计链中、其后的记录是否完好',
        querystring: AuditCheckpointQuery,
        response: { 200: AuditCheckpointCheck },
      },
    },
    async (req) => checkPublicCheckpoint(ctxOf(req), req.query),
  );

  app.get(
    '/audit/keys',
    {
      config: { policy: publicApiRoute },
      schema: { tags, summary: '本区签署公告链头的 SM2 公钥（含已停用的，用于核对旧公告）', response: { 200: AuditSigningKeys } },
    },
    async (req) => ({ items: await signingKeys(ctxOf(req).db) }),
  );
};
