import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BadgeCodeParams, PublicBadge, RatingReceipt, RatingSubmitBody } from '@qinlian/contracts';
import { notFound } from '../../platform/errors.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { personPhotoFile } from '../org/index.ts';
import { presentReceipt, rateBadgeHolder, ratingRouteLimits, raterOf } from '../ratings/index.ts';
import { publicBadgeView } from './badges.public-view.ts';
import { liveBadge } from './badges.service.ts';

const tags = ['public'];

/**
 * The public badge page (亮牌), reached from the QR code on a printed badge: one small answer, the
 * photo (only while the badge is live), and rating the service. Unknown, replaced and withdrawn codes
 * all answer the same 404.
 */
export const publicBadgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { rateLimit, onRequest } = ratingRouteLimits(app);

  app.get(
    '/badges/:code',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '工作牌公开页面：照片、姓名、岗位、职责、AB岗、当前去向、近 12 个月评价',
        params: BadgeCodeParams,
        response: { 200: PublicBadge },
      },
    },
    async (req) => publicBadgeView(ctxOf(req), req.params.code),
  );

  app.get(
    '/badges/:code/photo',
    {
      config: { policy: publicApiRoute },
      schema: { tags, summary: '工作牌上的照片（仅限有效的工作牌）', params: BadgeCodeParams },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { holder } = await liveBadge(ctx, req.params.code);
      const photo = await personPhotoFile(ctx.db, holder.id, req.server.config.dataDir);
      if (!photo) throw notFound();
      const handle = await fs.promises.open(photo.file).catch(() => {
        throw notFound();
      });
      // no-cache: a replaced code or a withdrawn badge must stop showing the face at once
      return reply.type(photo.mime).header('cache-control', 'public, no-cache').send(handle.createReadStream());
    },
  );

  app.post(
    '/badges/:code/ratings',
    {
      config: { policy: publicApiRoute, rateLimit },
      onRequest,
      schema: {
        tags,
        summary: '评价工作人员的服务（1–5 分，可留言；同一设备每人每天一次）',
        params: BadgeCodeParams,
        body: RatingSubmitBody,
        response: { 201: RatingReceipt },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { holder } = await liveBadge(ctx, req.params.code);
      const row = await rateBadgeHolder(ctx, { personId: holder.id, departmentId: holder.departmentId }, req.body, raterOf(req));
      return reply.status(201).send(presentReceipt(row));
    },
  );
};
