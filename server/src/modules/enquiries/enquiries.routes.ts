import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EnquiryCreateBody,
  EnquiryDetail,
  EnquiryHandoverBody,
  EnquiryHandoverDecisionBody,
  EnquiryHandoverParams,
  EnquiryPage,
  EnquiryQuery,
  EnquiryReplyBody,
  EnquiryVersionBody,
  IdParams,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { enquiryPolicy } from './enquiries.policy.ts';
import { presentEnquiries, presentEnquiryDetail } from './enquiries.presenter.ts';
import { closeEnquiry, getEnquiry, listEnquiries, registerEnquiry, replyToEnquiry, type SealKeys } from './enquiries.service.ts';
import { acceptHandover, endHandover, handOverEnquiry, takeBackEnquiry } from './enquiry-handovers.service.ts';

const tags = ['enquiries'];

/** 首问负责制: register, hand over (and accept, decline, cancel), reply, close; the lists and the detail. */
export const enquiryRoutes: FastifyPluginAsyncZod = async (app) => {
  const keys: SealKeys = app.config;
  /** After a write: the enquiry as the actor now sees it, chain and abilities included. */
  const detail = async (ctx: Ctx, id: string) => presentEnquiryDetail(ctx, await getEnquiry(ctx, id), keys);

  app.get(
    '/enquiries',
    {
      // holders of enquiries.read or enquiries.handle; the service answers 403 to anyone else
      config: { policy: signedIn },
      schema: {
        tags,
        summary: '首问事项列表：我负责的、待我接收的、本部门的、全部（数据范围内）；按状态、渠道、主题或查询码筛选',
        querystring: EnquiryQuery,
        response: { 200: EnquiryPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { total, ...views } = await listEnquiries(ctx, req.query);
      return { items: await presentEnquiries(ctx, views, keys), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/enquiries',
    {
      config: { policy: enquiryPolicy.route('reply') },
      schema: {
        tags,
        summary: '首问登记：登记人即首问责任人，开始计算办结时限',
        body: EnquiryCreateBody,
        response: { 201: EnquiryDetail },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const row = await registerEnquiry(ctx, keys, req.body);
      return reply.status(201).send(await detail(ctx, row.id));
    },
  );

  app.get(
    '/enquiries/:id',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '首问事项详情：移交链、办结时限、可执行的操作', params: IdParams, response: { 200: EnquiryDetail } },
    },
    async (req) => detail(ctxOf(req), req.params.id),
  );

  app.post(
    '/enquiries/:id/handovers',
    {
      config: { policy: enquiryPolicy.route('handOver') },
      schema: {
        tags,
        summary: '移交给人员、岗位（在岗者；A 外出时为 B）或部门；对方接收前仍由原责任人负责',
        params: IdParams,
        body: EnquiryHandoverBody,
        response: { 201: EnquiryDetail },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await handOverEnquiry(ctx, req.params.id, req.body);
      return reply.status(201).send(await detail(ctx, req.params.id));
    },
  );

  const decisions = [
    ['accept', '接收移交：接收人成为责任人（代 A 岗接收时注明）'],
    ['decline', '退回移交：仍由原责任人负责'],
    ['cancel', '撤回移交（移交人）'],
  ] as const;
  for (const [action, summary] of decisions) {
    app.post(
      `/enquiries/:id/handovers/:hid/${action}`,
      {
        config: { policy: enquiryPolicy.route(action) },
        schema: { tags, summary, params: EnquiryHandoverParams, body: EnquiryHandoverDecisionBody, response: { 200: EnquiryDetail } },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const { id, hid } = req.params;
        if (action === 'accept') await acceptHandover(ctx, id, hid, req.body);
        else await endHandover(ctx, id, hid, action, req.body);
        return detail(ctx, id);
      },
    );
  }

  app.post(
    '/enquiries/:id/take-back',
    {
      config: { policy: enquiryPolicy.route('takeBack') },
      schema: {
        tags,
        summary: 'A 岗返岗后收回 B 岗代为负责的首问事项',
        params: IdParams,
        body: EnquiryVersionBody,
        response: { 200: EnquiryDetail },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await takeBackEnquiry(ctx, req.params.id, req.body.version);
      return detail(ctx, req.params.id);
    },
  );

  app.post(
    '/enquiries/:id/reply',
    {
      config: { policy: enquiryPolicy.route('reply') },
      schema: { tags, summary: '答复咨询人（写明答复方式）', params: IdParams, body: EnquiryReplyBody, response: { 200: EnquiryDetail } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await replyToEnquiry(ctx, req.params.id, req.body);
      return detail(ctx, req.params.id);
    },
  );

  app.post(
    '/enquiries/:id/close',
    {
      config: { policy: enquiryPolicy.route('close') },
      schema: {
        tags,
        summary: '办结（须已答复咨询人），停止计时',
        params: IdParams,
        body: EnquiryVersionBody,
        response: { 200: EnquiryDetail },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await closeEnquiry(ctx, req.params.id, req.body.version);
      return detail(ctx, req.params.id);
    },
  );
};
