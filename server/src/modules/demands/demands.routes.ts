import fs from 'node:fs';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DemandAcceptBody,
  DemandContact,
  DemandDetail,
  DemandDispatchBody,
  DemandIntakeBody,
  DemandPage,
  DemandQuery,
  DemandReasonBody,
  DemandReplyBody,
  DemandUrgeBody,
  DemandVersionBody,
  Id,
  IdParams,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { IntakeKeys } from './demand-intake.service.ts';
import {
  acceptDemand,
  closeDemand,
  dispatchDemand,
  rejectDemand,
  replyDemand,
  revisitDemand,
  sendBackDemand,
  takeDemand,
} from './demand-loop.service.ts';
import { sendReplyToSubmitters } from './demand-replies.ts';
import { urgeDemand } from './demand-urging.service.ts';
import { demandPolicy } from './demands.policy.ts';
import { presentDemandDetail, presentDemandSummaries } from './demands.presenter.ts';
import type { DemandRow } from './demands.repo.ts';
import {
  attachToDemand,
  demandAttachment,
  getDemand,
  hideDemand,
  listDemands,
  registerDemand,
  revealDemandContact,
} from './demands.service.ts';

const tags = ['demands'];

/**
 * 群众诉求 in the console: the lists, a clerk's intake of calls and letters (and a letter's scan),
 * the detail, the contact in full (audited), and the loop's steps — each answering the item as the
 * actor now sees it.
 */
export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys: IntakeKeys = app.config;
  // after a write: the item as it now stands (a department that sent it back no longer sees it, but sees what it did)
  const detail = async (ctx: Ctx, row: DemandRow) => presentDemandDetail(ctx.db, ctx.actor!, keys, row, ctx.clock.now());
  /** One step of the loop: whose it is (the office's, the department's, the moderator's) is declared on the route. */
  const step = <B>(
    path: string,
    who: 'dispatch' | 'handle' | 'moderate',
    summary: string,
    body: z.ZodType<B>,
    run: (ctx: Ctx, id: string, b: B) => Promise<DemandRow>,
  ) =>
    app.post(
      `/demands/:id/${path}`,
      { config: { policy: demandPolicy.route(who) }, schema: { tags, summary, params: IdParams, body, response: { 200: DemandDetail } } },
      async (req) => {
        const ctx = ctxOf(req);
        return detail(ctx, await run(ctx, req.params.id, req.body as B));
      },
    );

  app.get(
    '/demands',
    {
      config: { policy: demandPolicy.route('read') },
      schema: {
        tags,
        summary: '群众诉求列表：待办（受理、派单）、本部门、全部（数据范围内）',
        querystring: DemandQuery,
        response: { 200: DemandPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { rows, total } = await listDemands(ctx, req.query);
      return {
        items: await presentDemandSummaries(ctx.db, ctx.actor!, keys, rows, ctx.clock.now()),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/demands',
    {
      config: { policy: demandPolicy.route('dispatch') },
      schema: { tags, summary: '登记来电、来信（来信的扫描件随后上传）', body: DemandIntakeBody, response: { 201: DemandDetail } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await detail(ctx, await registerDemand(ctx, keys, req.body)));
    },
  );

  app.get(
    '/demands/:id',
    {
      config: { policy: demandPolicy.route('read') },
      schema: { tags, summary: '诉求详情：办理经过、附件、并单、可执行的操作', params: IdParams, response: { 200: DemandDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentDemandDetail(ctx.db, ctx.actor!, keys, await getDemand(ctx, req.params.id), ctx.clock.now());
    },
  );

  app.get(
    '/demands/:id/contact',
    {
      config: { policy: demandPolicy.route('read') },
      schema: { tags, summary: '查看提交人完整联系方式（承办人；每次查看记入审计）', params: IdParams, response: { 200: DemandContact } },
    },
    async (req) => revealDemandContact(ctxOf(req), keys, req.params.id),
  );

  app.post(
    '/demands/:id/attachments',
    {
      config: { policy: demandPolicy.route('dispatch') },
      schema: {
        tags,
        summary: '上传附件（来信扫描件等；multipart 字段 file；按内容识别类型）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: DemandDetail },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { bytes, filename, mimetype } = await readUpload(req);
      return reply
        .status(201)
        .send(await detail(ctx, await attachToDemand(ctx, keys, req.params.id, { bytes, originalName: filename, declaredType: mimetype })));
    },
  );

  app.get(
    '/demands/:id/attachments/:attachmentId',
    {
      config: { policy: demandPolicy.route('read') },
      schema: { tags, summary: '下载附件', params: z.object({ id: Id, attachmentId: Id }) },
    },
    async (req, reply) => {
      const { row, path } = await demandAttachment(ctxOf(req), keys, req.params.id, req.params.attachmentId);
      const stream = await fs.promises
        .open(path)
        .then((h) => h.createReadStream())
        .catch(() => null);
      if (!stream) return reply.callNotFound();
      const ascii = row.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(row.contentType)
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', attachment(row.originalName, ascii))
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  step('accept', 'dispatch', '受理：确认分类，可标为紧急', DemandAcceptBody, acceptDemand);
  step('dispatch', 'dispatch', '派单 / 改派：交给承办部门，开始计算办结时限', DemandDispatchBody, dispatchDemand);
  step('reject', 'dispatch', '不予受理（须说明理由，作为答复）', DemandReasonBody, rejectDemand);
  step('take', 'handle', '承办部门签收', DemandVersionBody, takeDemand);
  step('send-back', 'handle', '退单：派错了，说明理由退回办公室改派（每件一次）', DemandReasonBody, sendBackDemand);
  step('reply', 'handle', '答复（并单的所有提交人都收到）', DemandReplyBody, (ctx, id, b) =>
    replyDemand(ctx, id, b, (tx, next) => sendReplyToSubmitters(tx, app.config, next)),
  );
  step('close', 'dispatch', '办结', DemandVersionBody, closeDemand);
  step('revisit', 'dispatch', '回访：记录提交人的意见', DemandReasonBody, revisitDemand);
  step('hide', 'moderate', '隐藏不当内容（须说明理由；记录保留）', DemandReasonBody, hideDemand);
  step('urge', 'dispatch', '督办：催促承办部门抓紧办理并通知它（每件每天一次，含每日自动督办）', DemandUrgeBody, urgeDemand);
};
