import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Badge, BadgeDutiesBody, BadgePersonParams, BadgePrintQuery, BadgeWall, IdParams } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { attachment } from '../../platform/http/download.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { ratingSummaries } from '../ratings/index.ts';
import { badgePolicy } from './badges.policy.ts';
import { presentBadge } from './badges.presenter.ts';
import { badgePrintout } from './badges.printout.ts';
import { badgeWall, personBadge, reissueBadge, revokeBadge, setBadgeDuties, type BadgeView } from './badges.service.ts';

const tags = ['badges'];

async function presentOne(ctx: Ctx, v: BadgeView): Promise<Badge> {
  const [departments, ratings] = await Promise.all([
    cachedDepartmentsBasics(ctx.db, [v.holder.departmentId]),
    ratingSummaries(ctx.db, [v.holder.id], shanghaiDate(ctx.clock.now())),
  ]);
  return presentBadge(ctx.actor!, v, departments.get(v.holder.departmentId)?.name ?? '', ratings.get(v.holder.id));
}

/** Where people reach the public pages: QINLIAN_PUBLIC_URL, else the address this request came to. */
const publicOrigin = (req: FastifyRequest) => req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** 亮牌上岗 in the console: a department's badge wall, a person's badge, duties, reissue, revoke, print. */
export const badgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/badges/departments/:id',
    {
      config: { policy: badgePolicy.route('read') },
      schema: {
        tags,
        summary: '亮牌墙：部门人员的工作牌（岗位、职责、查询码、近 12 个月评价）；有岗位的人首次打开时发放',
        params: IdParams,
        response: { 200: BadgeWall },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const wall = await badgeWall(ctx, req.params.id);
      return {
        departmentId: wall.department.id,
        departmentName: wall.department.name,
        ratingPageCode: wall.pageCode,
        rating: wall.rating,
        items: wall.views.map((v) => presentBadge(req.actor!, v, wall.department.name, wall.ratings.get(v.holder.id))),
      };
    },
  );

  app.get(
    '/badges/people/:personId',
    {
      config: { policy: badgePolicy.route('read') },
      schema: { tags, summary: '一个人的工作牌（首次查看时发放）', params: BadgePersonParams, response: { 200: Badge } },
    },
    async (req) => presentOne(ctxOf(req), await personBadge(ctxOf(req), req.params.personId)),
  );

  app.put(
    '/badges/people/:personId',
    {
      config: { policy: badgePolicy.route('edit') },
      schema: {
        tags,
        summary: '修改工作牌上的职责（本人，或有 badges.manage 的负责人、办公室）；留空则显示岗位职责',
        params: BadgePersonParams,
        body: BadgeDutiesBody,
        response: { 200: Badge },
      },
    },
    async (req) => presentOne(ctxOf(req), await setBadgeDuties(ctxOf(req), req.params.personId, req.body.duties)),
  );

  app.post(
    '/badges/people/:personId/reissue',
    {
      config: { policy: badgePolicy.route('reissue') },
      schema: { tags, summary: '重新发放工作牌：换新查询码，旧码立即失效', params: BadgePersonParams, response: { 200: Badge } },
    },
    async (req) => presentOne(ctxOf(req), await reissueBadge(ctxOf(req), req.params.personId)),
  );

  app.post(
    '/badges/people/:personId/revoke',
    {
      config: { policy: badgePolicy.route('revoke') },
      schema: {
        tags,
        summary: '收回工作牌：公开页面不再显示，重新发放后恢复（新码）',
        params: BadgePersonParams,
        response: { 200: Badge },
      },
    },
    async (req) => presentOne(ctxOf(req), await revokeBadge(ctxOf(req), req.params.personId)),
  );

  app.get(
    '/badges/people/:personId/print',
    {
      config: { policy: badgePolicy.route('print') },
      schema: {
        tags,
        summary: '打印工作牌或桌牌（PDF，含指向公开页面的二维码）；format=png 只给二维码',
        params: BadgePersonParams,
        querystring: BadgePrintQuery,
      },
    },
    async (req, reply) => {
      const out = await badgePrintout(ctxOf(req), req.params.personId, req.query, {
        origin: publicOrigin(req),
        dataDir: req.server.config.dataDir,
      });
      return reply
        .type(out.type)
        .header('content-disposition', attachment(out.fileName, out.asciiName).replace(/^attachment/, 'inline'))
        .send(out.body);
    },
  );
};
