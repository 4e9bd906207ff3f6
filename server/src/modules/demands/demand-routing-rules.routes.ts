import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DemandRoutingRule,
  DemandRoutingRuleBody,
  DemandRoutingRuleDeleteQuery,
  DemandRoutingRuleList,
  DemandRoutingRulePatchBody,
  IdParams,
  Ok,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import type { RoutingRuleRow } from './demand-routing-rules.repo.ts';
import { routingRulePolicy } from './demand-routing-rules.policy.ts';
import { presentRoutingRules } from './demand-routing-rules.presenter.ts';
import { createRoutingRule, deleteRoutingRule, listRoutingRules, updateRoutingRule } from './demand-routing-rules.service.ts';

const tags = ['demands'];

const one = async (ctx: Ctx, row: RoutingRuleRow) => (await presentRoutingRules(ctx, [row]))[0]!;

/** 分类规则: the keywords that suggest a submission's category and department, kept by the office. */
export const demandRoutingRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demand-routing-rules',
    {
      config: { policy: routingRulePolicy.route('read') },
      schema: { tags, summary: '诉求分类规则：关键词、分类、承办部门与权重', response: { 200: DemandRoutingRuleList } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await presentRoutingRules(ctx, await listRoutingRules(ctx)) };
    },
  );

  app.post(
    '/demand-routing-rules',
    {
      config: { policy: routingRulePolicy.route('edit') },
      schema: {
        tags,
        summary: '新增分类规则（同一关键词在同一分类下只能有一条；承办部门须在用）',
        body: DemandRoutingRuleBody,
        response: { 201: DemandRoutingRule },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await one(ctx, await createRoutingRule(ctx, req.body)));
    },
  );

  app.patch(
    '/demand-routing-rules/:id',
    {
      config: { policy: routingRulePolicy.route('edit') },
      schema: {
        tags,
        summary: '修改分类规则（带上读到的版本号；他人已改则 409）',
        params: IdParams,
        body: DemandRoutingRulePatchBody,
        response: { 200: DemandRoutingRule },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return one(ctx, await updateRoutingRule(ctx, req.params.id, req.body));
    },
  );

  app.delete(
    '/demand-routing-rules/:id',
    {
      config: { policy: routingRulePolicy.route('remove') },
      schema: {
        tags,
        summary: '删除分类规则（带上读到的版本号；他人已改则 409）',
        params: IdParams,
        querystring: DemandRoutingRuleDeleteQuery,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteRoutingRule(ctxOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
};
