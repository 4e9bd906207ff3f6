import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  Bulletin,
  BulletinCommentBody,
  BulletinCommentParams,
  BulletinDraftBody,
  BulletinEditBody,
  BulletinPage,
  BulletinPlanParams,
  BulletinPublishBody,
  BulletinQuery,
  BulletinSettings,
  BulletinSettingsBody,
  BulletinVersionBody,
  IdParams,
  lastEndedQuarter,
  quarterSpan,
} from '@qinlian/contracts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { addComment, removeComment } from './bulletin-comments.service.ts';
import { publishBulletin, returnBulletin, submitBulletin } from './bulletin-publish.service.ts';
import { getSettings, saveSettings } from './bulletin-settings.service.ts';
import { bulletinPolicy } from './bulletins.policy.ts';
import { presentBulletin, presentBulletinSummaries, presentSettings } from './bulletins.presenter.ts';
import { draftBulletin, editBulletin, listBulletins, loadBulletin, recomputeBulletin } from './bulletins.service.ts';
import type { BulletinRow } from './bulletins.repo.ts';

const tags = ['bulletins'];

/** 一季一通报: the list, drafting a quarter, the editor's saves, recompute, review, comments, publishing; the plan's settings. */
export const bulletinRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = (req: FastifyRequest, row: BulletinRow) => presentBulletin(ctxOf(req), row);
  const read = { policy: bulletinPolicy.route('read') };
  const manage = { policy: bulletinPolicy.route('manage') };
  const step = (path: string, summary: string, run: typeof submitBulletin) =>
    app.post(
      `/bulletins/:id/${path}`,
      { config: manage, schema: { tags, summary, params: IdParams, body: BulletinVersionBody, response: { 200: Bulletin } } },
      async (req) => present(req, await run(ctxOf(req), req.params.id, req.body.version)),
    );

  app.get(
    '/bulletins',
    {
      config: read,
      schema: {
        tags,
        summary: '季度通报列表（新的季度在前；草稿只有办公室可见）',
        querystring: BulletinQuery,
        response: { 200: BulletinPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listBulletins(ctx, req.query);
      const last = lastEndedQuarter(shanghaiDate(ctx.clock.now()));
      const { start, end } = quarterSpan(last.year, last.quarter);
      return {
        items: await presentBulletinSummaries(ctx, items),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        lastEndedQuarter: { ...last, start, end },
      };
    },
  );

  app.post(
    '/bulletins',
    {
      config: manage,
      schema: {
        tags,
        summary: '起草季度通报（季度结束后；按计划的指标权重排名，数据为起草时的快照；每季度一份）',
        body: BulletinDraftBody,
        response: { 201: Bulletin },
      },
    },
    async (req, reply) => reply.status(201).send(await present(req, await draftBulletin(ctxOf(req), req.body))),
  );

  app.get(
    '/bulletin-settings/:planId',
    {
      config: manage,
      schema: {
        tags,
        summary: '计划的通报设置（指标权重、机关代字、发文机关、主送机关）',
        params: BulletinPlanParams,
        response: { 200: BulletinSettings },
      },
    },
    async (req) => presentSettings(ctxOf(req), await getSettings(ctxOf(req), req.params.planId)),
  );

  app.put(
    '/bulletin-settings/:planId',
    {
      config: manage,
      schema: {
        tags,
        summary: '保存计划的通报设置（权重之和为 100；群众评价暂无数据来源，权重须为 0）',
        params: BulletinPlanParams,
        body: BulletinSettingsBody,
        response: { 200: BulletinSettings },
      },
    },
    async (req) => presentSettings(ctxOf(req), await saveSettings(ctxOf(req), req.params.planId, req.body)),
  );

  app.get(
    '/bulletins/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '季度通报（排名、逾期事项、领导点评、发布后的发文字号与链头签名）',
        params: IdParams,
        response: { 200: Bulletin },
      },
    },
    async (req) => present(req, await loadBulletin(ctxOf(req), req.params.id)),
  );

  app.put(
    '/bulletins/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '编辑通报（标题、总体情况、下一步工作要求；草稿可调整指标权重，按快照重新排名）',
        params: IdParams,
        body: BulletinEditBody,
        response: { 200: Bulletin },
      },
    },
    async (req) => present(req, await editBulletin(ctxOf(req), req.params.id, req.body)),
  );

  step('recompute', '重新计算草稿的数据（按任务现状重取快照，记入审计）', recomputeBulletin);
  step('submit', '送审（领导点评）', submitBulletin);
  step('return', '退回草稿', returnBulletin);

  app.post(
    '/bulletins/:id/publish',
    {
      config: manage,
      schema: {
        tags,
        summary: '发布通报（取发文字号或使用手工填写的文号，签署审计链头；发布后不可再改）',
        params: IdParams,
        body: BulletinPublishBody,
        response: { 200: Bulletin },
      },
    },
    async (req) => present(req, await publishBulletin(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/bulletins/:id/comments',
    {
      config: { policy: bulletinPolicy.route('comment') },
      schema: { tags, summary: '领导点评（送审中的通报）', params: IdParams, body: BulletinCommentBody, response: { 201: Bulletin } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await addComment(ctx, req.params.id, req.body);
      return reply.status(201).send(await present(req, await loadBulletin(ctx, req.params.id)));
    },
  );

  app.delete(
    '/bulletins/:id/comments/:commentId',
    {
      config: read,
      schema: { tags, summary: '撤回点评（本人的，或办公室；发布前）', params: BulletinCommentParams, response: { 200: Bulletin } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await removeComment(ctx, req.params.id, req.params.commentId);
      return present(req, await loadBulletin(ctx, req.params.id));
    },
  );
};
