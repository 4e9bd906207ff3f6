import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  MonthlySummary,
  MonthlySummaryAcceptBody,
  MonthlySummaryForm,
  MonthlySummaryFormQuery,
  MonthlySummaryPage,
  MonthlySummaryQuery,
  MonthlySummaryReturnBody,
  MonthlySummarySubmitBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires } from '../../platform/policy/policy.ts';
import { acceptMonthlySummary, returnMonthlySummary } from './monthly-review.service.ts';
import { presentForm, presentMonthlySummaries, presentMonthlySummary } from './monthly-summaries.presenter.ts';
import { listMonthlySummaries, loadMonthlySummary, monthlySummaryForm, submitMonthlySummary } from './monthly-summaries.service.ts';

const tags = ['summaries'];

/** 一月一小结: the summaries by month, a department's template, its submission, the office's review. */
export const monthlySummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const review = { policy: requires('summaries.review') };

  app.get(
    '/summaries/monthly',
    {
      config: { policy: requires('summaries.read') },
      schema: {
        tags,
        summary: '月度小结列表（按月，新的在前；待审核的在前）',
        querystring: MonthlySummaryQuery,
        response: { 200: MonthlySummaryPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listMonthlySummaries(ctx, req.query);
      return { items: await presentMonthlySummaries(ctx, items), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/summaries/monthly/form',
    {
      config: { policy: requires('summaries.read') },
      schema: {
        tags,
        summary: '本部门月度小结填报模板（预填本月任务办结、按期办结、逾期未办结情况与工作亮点）',
        querystring: MonthlySummaryFormQuery,
        response: { 200: MonthlySummaryForm },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentForm(ctx, await monthlySummaryForm(ctx, req.query));
    },
  );

  app.post(
    '/summaries/monthly',
    {
      config: { policy: requires('summaries.submit') },
      schema: {
        tags,
        summary: '报送本部门月度小结（月度工作结束后；退回的可重新报送）',
        body: MonthlySummarySubmitBody,
        response: { 200: MonthlySummary },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentMonthlySummary(ctx, await submitMonthlySummary(ctx, req.body));
    },
  );

  app.get(
    '/summaries/monthly/:id',
    {
      config: { policy: requires('summaries.read') },
      schema: { tags, summary: '一份月度小结', params: IdParams, response: { 200: MonthlySummary } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentMonthlySummary(ctx, await loadMonthlySummary(ctx, req.params.id));
    },
  );

  app.post(
    '/summaries/monthly/:id/return',
    {
      config: review,
      schema: {
        tags,
        summary: '退回月度小结（须说明理由）',
        params: IdParams,
        body: MonthlySummaryReturnBody,
        response: { 200: MonthlySummary },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentMonthlySummary(ctx, await returnMonthlySummary(ctx, req.params.id, req.body));
    },
  );

  app.post(
    '/summaries/monthly/:id/accept',
    {
      config: review,
      schema: {
        tags,
        summary: '审核通过月度小结（通过后不可再改）',
        params: IdParams,
        body: MonthlySummaryAcceptBody,
        response: { 200: MonthlySummary },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentMonthlySummary(ctx, await acceptMonthlySummary(ctx, req.params.id, req.body));
    },
  );
};
