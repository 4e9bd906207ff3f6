import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  IdParams,
  Rectification,
  RectificationAssignBody,
  RectificationCreateBody,
  RectificationPage,
  RectificationQuery,
  RectificationReturnBody,
  RectificationRevisitBody,
  RectificationSubmitBody,
  RectificationVerifyBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { rectificationPolicy } from './rectification.policy.ts';
import { presentRectification, presentRectifications } from './rectification.presenter.ts';
import { getRectification, listRectifications, openByHand } from './rectification.service.ts';
import {
  assignOwner,
  returnRectification,
  revisitRectification,
  submitRectification,
  verifyRectification,
  type Item,
} from './rectification-steps.service.ts';

const tags = ['rectification'];

/** 整改: the list, one item with its history and revisits, and its steps. */
export const rectificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = (req: FastifyRequest, item: Item) => presentRectification(ctxOf(req), app.config, item);
  const stepRoute = (path: string, summary: string, policy: 'submit' | 'assign' | 'verify') => ({
    path,
    options: {
      config: { policy: rectificationPolicy.route(policy) },
      schema: { tags, summary, params: IdParams, response: { 200: Rectification } },
    },
  });

  app.get(
    '/rectifications',
    {
      config: { policy: rectificationPolicy.route('read') },
      schema: {
        tags,
        summary: '整改事项列表（按状态、部门、来源、逾期、回访筛选；含各状态数量）',
        querystring: RectificationQuery,
        response: { 200: RectificationPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total, counts } = await listRectifications(ctx, req.query);
      return { items: await presentRectifications(ctx, items), total, page: req.query.page, pageSize: req.query.pageSize, counts };
    },
  );

  app.post(
    '/rectifications',
    {
      config: { policy: rectificationPolicy.route('verify') },
      schema: {
        tags,
        summary: '登记整改事项（督查办手工登记，来源“其他”；通知部门负责人，开始限时）',
        body: RectificationCreateBody,
        response: { 201: Rectification },
      },
    },
    async (req, reply) => reply.status(201).send(await detail(req, await openByHand(ctxOf(req), req.body))),
  );

  app.get(
    '/rectifications/:id',
    {
      config: { policy: rectificationPolicy.route('read') },
      schema: { tags, summary: '整改事项详情（含整改记录、回访记录、可执行的操作）', params: IdParams, response: { 200: Rectification } },
    },
    async (req) => detail(req, await getRectification(ctxOf(req), req.params.id)),
  );

  const assign = stepRoute('/rectifications/:id/assign', '指派整改人（部门负责人指派本部门在岗人员）', 'assign');
  app.post(assign.path, { ...assign.options, schema: { ...assign.options.schema, body: RectificationAssignBody } }, async (req) =>
    detail(req, await assignOwner(ctxOf(req), req.params.id, req.body)),
  );

  const submit = stepRoute('/rectifications/:id/submit', '报送情况说明或整改结果（附佐证说明与材料出处）', 'submit');
  app.post(submit.path, { ...submit.options, schema: { ...submit.options.schema, body: RectificationSubmitBody } }, async (req) =>
    detail(req, await submitRectification(ctxOf(req), req.params.id, req.body)),
  );

  const verify = stepRoute('/rectifications/:id/verify', '核实办结（督查办；差评须先回访）', 'verify');
  app.post(verify.path, { ...verify.options, schema: { ...verify.options.schema, body: RectificationVerifyBody } }, async (req) =>
    detail(req, await verifyRectification(ctxOf(req), req.params.id, req.body)),
  );

  const back = stepRoute('/rectifications/:id/return', '退回整改（督查办，须说明理由；期限不变）', 'verify');
  app.post(back.path, { ...back.options, schema: { ...back.options.schema, body: RectificationReturnBody } }, async (req) =>
    detail(req, await returnRectification(ctxOf(req), req.params.id, req.body)),
  );

  const revisit = stepRoute('/rectifications/:id/revisit', '记录回访（督查办；部门报送之后，办结前后均可）', 'verify');
  app.post(revisit.path, { ...revisit.options, schema: { ...revisit.options.schema, body: RectificationRevisitBody } }, async (req) =>
    detail(req, await revisitRectification(ctxOf(req), app.config, req.params.id, req.body)),
  );
};
