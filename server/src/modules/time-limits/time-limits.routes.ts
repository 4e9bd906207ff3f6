import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TimeLimitKindParams,
  TimeLimitRule,
  TimeLimitRuleList,
  TimeLimitRuleUpdateBody,
  TimeLimitStats,
  TimeLimitStatsQuery,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { readRulesRoute, timeLimitRulePolicy, timeLimitStatsPolicy } from './time-limits.policy.ts';
import { presentRule } from './time-limits.presenter.ts';
import { listRules, updateRule } from './time-limit-rules.service.ts';
import { onTimeStats } from './time-limit-stats.service.ts';

const tags = ['time-limits'];

/** 限时办结: the rule table of limits, and the on-time statistics. */
export const timeLimitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/time-limits',
    {
      config: { policy: readRulesRoute },
      schema: { tags, summary: '办结时限：各类事项的限时（工作日）', response: { 200: TimeLimitRuleList } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: (await listRules(ctx)).map((r) => presentRule(ctx.actor!, r)) };
    },
  );

  app.put(
    '/time-limits/:kind',
    {
      config: { policy: timeLimitRulePolicy.route('manage') },
      schema: {
        tags,
        summary: '调整某类事项的办结时限（1–250 个工作日；此后开始计时的事项适用）',
        params: TimeLimitKindParams,
        body: TimeLimitRuleUpdateBody,
        response: { 200: TimeLimitRule },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentRule(ctx.actor!, await updateRule(ctx, req.params.kind, req.body));
    },
  );

  app.get(
    '/time-limits/stats',
    {
      config: { policy: timeLimitStatsPolicy.route('stats') },
      schema: {
        tags,
        summary: '按期办结统计：按部门、按承办人（按期办结、逾期办结、期限内未办结、逾期未办结、按期办结率）',
        querystring: TimeLimitStatsQuery,
        response: { 200: TimeLimitStats },
      },
    },
    async (req) => onTimeStats(ctxOf(req), req.query),
  );
};
