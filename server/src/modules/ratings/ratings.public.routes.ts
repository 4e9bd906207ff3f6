import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicCodeParams, PublicDepartmentRatings, RatingReceipt, RatingSubmitBody } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { ratingRouteLimits, raterOf } from './rating-limits.ts';
import { presentReceipt } from './ratings.receipt.ts';
import { rateEnquiry } from './ratings.service.ts';
import { publicDepartmentRatings } from './ratings.stats.ts';

const tags = ['public'];

/**
 * 好差评 for the public (no account): rate a closed enquiry by its tracking code, and a department's
 * published results. (Rating from a badge is the badges module's public route, which calls this module.)
 */
export const publicRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { rateLimit, onRequest } = ratingRouteLimits(app);

  app.post(
    '/enquiries/:code/ratings',
    {
      config: { policy: publicApiRoute, rateLimit },
      onRequest,
      schema: {
        tags,
        summary: '评价已办结的首问事项（1–5 分，可留言；每件一次）',
        params: PublicCodeParams,
        body: RatingSubmitBody,
        response: { 201: RatingReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(presentReceipt(await rateEnquiry(ctxOf(req), req.params.code, req.body, raterOf(req)))),
  );

  app.get(
    '/departments/:code/ratings',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '部门评价结果公示（近 12 个月；差评整改、申诉结果；不含姓名和意见）',
        params: PublicCodeParams,
        response: { 200: PublicDepartmentRatings },
      },
    },
    async (req) => publicDepartmentRatings(ctxOf(req), req.params.code),
  );
};
