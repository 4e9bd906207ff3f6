import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicEnquiry, PublicEnquiryParams } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { publicEnquiry } from './enquiries.public.ts';

/** The enquirer follows their enquiry by its tracking code (查询码), without an account. */
export const publicEnquiryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enquiries/:code',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags: ['public'],
        summary: '凭查询码查看首问事项：办理状态、答复和时间（格式不对 400，查无此码 404）',
        params: PublicEnquiryParams,
        response: { 200: PublicEnquiry },
      },
    },
    async (req) => publicEnquiry(ctxOf(req), req.params.code),
  );
};
