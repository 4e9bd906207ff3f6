import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicSolicitation, SolicitationCodeParams } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { publicSolicitation } from './solicitations.service.ts';

/** 征集活动 for the public: the page the poster's QR code leads to (/p/s/:code) reads its campaign here. */
export const publicSolicitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/solicitations/:code',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags: ['public'],
        summary: '征集活动公开页面：征集什么、到哪天、现在是否接收建议（编号不对或查无此活动都答 404）',
        params: SolicitationCodeParams,
        response: { 200: PublicSolicitation },
      },
    },
    async (req) => publicSolicitation(ctxOf(req), req.params.code),
  );
};
