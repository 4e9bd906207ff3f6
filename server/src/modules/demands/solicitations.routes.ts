import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Solicitation, SolicitationBody, SolicitationList, SolicitationPatchBody } from '@qinlian/contracts';
import { attachment } from '../../platform/http/download.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { solicitationPolicy } from './solicitations.policy.ts';
import { renderSolicitationPoster } from './solicitation-poster.ts';
import {
  createSolicitation,
  getSolicitation,
  listSolicitations,
  solicitationForPoster,
  updateSolicitation,
} from './solicitations.service.ts';

const tags = ['demands'];

/** Behind a proxy the server cannot know the address people use: QINLIAN_PUBLIC_URL, else the request's own. */
const publicOrigin = (req: FastifyRequest) => req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** 征集活动 in the console: the campaigns, opening and changing one, and its QR poster. */
export const solicitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/solicitations',
    {
      config: { policy: solicitationPolicy.route('read') },
      schema: {
        tags,
        summary: '征集活动列表（最近的在前）：征集期、分类、是否正在征集、已收建议数',
        response: { 200: SolicitationList },
      },
    },
    async (req) => ({ items: await listSolicitations(ctxOf(req)) }),
  );

  app.post(
    '/solicitations',
    {
      config: { policy: solicitationPolicy.route('manage') },
      schema: {
        tags,
        summary: '发起征集活动（截止日期不早于开始日期；最多 30 个分类）；生成公开页面的活动编号',
        body: SolicitationBody,
        response: { 201: Solicitation },
      },
    },
    async (req, reply) => reply.status(201).send(await createSolicitation(ctxOf(req), req.body)),
  );

  app.get(
    '/solicitations/:id',
    {
      config: { policy: solicitationPolicy.route('read') },
      schema: { tags, summary: '征集活动详情', params: IdParams, response: { 200: Solicitation } },
    },
    async (req) => getSolicitation(ctxOf(req), req.params.id),
  );

  app.patch(
    '/solicitations/:id',
    {
      config: { policy: solicitationPolicy.route('manage') },
      schema: {
        tags,
        summary: '修改征集活动（带上读到的版本号；他人已改则 409）；活动编号与海报二维码不变',
        params: IdParams,
        body: SolicitationPatchBody,
        response: { 200: Solicitation },
      },
    },
    async (req) => updateSolicitation(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/solicitations/:id/poster.png',
    {
      config: { policy: solicitationPolicy.route('read') },
      schema: { tags, summary: '征集海报（A4，PNG 150 dpi）：标题、征集期、分类和指向公开页面的大二维码“扫码提建议”', params: IdParams },
    },
    async (req, reply) => {
      const campaign = await solicitationForPoster(ctxOf(req), req.params.id);
      const png = await renderSolicitationPoster(campaign, publicOrigin(req));
      return reply
        .type('image/png')
        .header(
          'content-disposition',
          attachment(`征集海报-${campaign.title}.png`, 'solicitation-poster.png').replace(/^attachment/, 'inline'),
        )
        .send(png);
    },
  );
};
