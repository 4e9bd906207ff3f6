import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Rating,
  RatingAppealBody,
  RatingAppealDecisionBody,
  RatingPage,
  RatingQuery,
  RatingStats,
  RatingStatsQuery,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { ratingPolicy } from './ratings.policy.ts';
import { presentRatings } from './ratings.presenter.ts';
import { appealRating, decideAppeal, getRating, listRatings } from './ratings.service.ts';
import { ratingStats } from './ratings.stats.ts';

const tags = ['ratings'];

/** 好差评 in the console: the list, statistics, a rating, 申诉 and 复核. */
export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = async (req: Parameters<typeof ctxOf>[0], row: Awaited<ReturnType<typeof getRating>>) =>
    (await presentRatings(ctxOf(req), [row], { masked: false }))[0]!;

  app.get(
    '/ratings',
    {
      config: { policy: ratingPolicy.route('read') },
      schema: {
        tags,
        summary: '好差评列表（数据范围内；意见中的电话、证件号、邮箱已脱敏）',
        querystring: RatingQuery,
        response: { 200: RatingPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listRatings(ctx, req.query);
      return { items: await presentRatings(ctx, items, { masked: true }), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/ratings/stats',
    {
      config: { policy: ratingPolicy.route('read') },
      schema: {
        tags,
        summary: '好差评统计：按部门、人员、月份（默认近 12 个月）',
        querystring: RatingStatsQuery,
        response: { 200: RatingStats },
      },
    },
    async (req) => ratingStats(ctxOf(req), req.query),
  );

  app.get(
    '/ratings/:id',
    {
      config: { policy: ratingPolicy.route('read') },
      schema: { tags, summary: '一条评价（含完整意见、整改、申诉）', params: IdParams, response: { 200: Rating } },
    },
    async (req) => one(req, await getRating(ctxOf(req), req.params.id)),
  );

  app.post(
    '/ratings/:id/appeal',
    {
      config: { policy: ratingPolicy.route('appeal') },
      schema: {
        tags,
        summary: '差评申诉（被评价人所在部门：说明误评、恶意差评的理由；每条一次）',
        params: IdParams,
        body: RatingAppealBody,
        response: { 200: Rating },
      },
    },
    async (req) => one(req, await appealRating(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/ratings/:id/appeal/decision',
    {
      config: { policy: ratingPolicy.route('decide') },
      schema: {
        tags,
        summary: '申诉复核（办公室）：成立则不计入统计并撤销整改，不成立则评价有效',
        params: IdParams,
        body: RatingAppealDecisionBody,
        response: { 200: Rating },
      },
    },
    async (req) => one(req, await decideAppeal(ctxOf(req), req.params.id, req.body)),
  );
};
