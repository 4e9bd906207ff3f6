import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DemandAnalysis,
  DemandAnalysisRecomputeBody,
  DemandClusterDetail,
  DemandClusterEvaluationBody,
  DemandClusterSelectBody,
  DemandClusterVersionBody,
  DemandClusterWithdrawBody,
  IdParams,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { analysisPolicy } from './demand-analysis.policy.ts';
import { getDemandAnalysis, getDemandCluster, recomputeDemandAnalysis } from './demand-analysis.service.ts';
import { evaluateCluster, markCluster, selectCluster, withdrawCluster } from './demand-evaluation.service.ts';

const tags = ['demands'];

/**
 * 汇总、分析、论证 in the console: a campaign's kept analysis and its recompute, a cluster's items,
 * and the leadership group's steps on it — each answering the cluster as it now stands.
 */
export const demandAnalysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const step = <B>(
    method: 'POST' | 'PUT',
    path: string,
    who: 'evaluate' | 'select',
    summary: string,
    body: z.ZodType<B>,
    run: (ctx: Ctx, id: string, b: B) => Promise<unknown>,
  ) =>
    app.route({
      method,
      url: `/demand-clusters/:id/${path}`,
      config: { policy: analysisPolicy.route(who) },
      schema: { tags, summary, params: IdParams, body, response: { 200: DemandClusterDetail } },
      handler: async (req) => {
        const ctx = ctxOf(req);
        await run(ctx, req.params.id, req.body as B);
        return getDemandCluster(ctx, req.params.id);
      },
    });

  app.get(
    '/solicitations/:id/analysis',
    {
      config: { policy: analysisPolicy.route('read') },
      schema: {
        tags,
        summary: '汇总分析：议题排名（人数、紧急程度）、词云、按类别/片区/周的图表（上次重新计算的结果；数据范围为全部的人可看）',
        params: IdParams,
        response: { 200: DemandAnalysis },
      },
    },
    async (req) => getDemandAnalysis(ctxOf(req), req.params.id),
  );

  app.post(
    '/solicitations/:id/analysis',
    {
      config: { policy: analysisPolicy.route('evaluate') },
      schema: {
        tags,
        summary: '重新计算汇总分析（可限定收到日期、可纳入同期群众诉求）；论证中、已遴选、已撤销的议题保留；记入审计',
        params: IdParams,
        body: DemandAnalysisRecomputeBody,
        response: { 200: DemandAnalysis },
      },
    },
    async (req) => recomputeDemandAnalysis(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/demand-clusters/:id',
    {
      config: { policy: analysisPolicy.route('read') },
      schema: {
        tags,
        summary: '议题详情：所含诉求与建议（不含个人信息）、论证意见、遴选的项目',
        params: IdParams,
        response: { 200: DemandClusterDetail },
      },
    },
    async (req) => getDemandCluster(ctxOf(req), req.params.id),
  );

  step('POST', 'mark', 'evaluate', '列入论证（带上读到的版本号）', DemandClusterVersionBody, (ctx, id, b) =>
    markCluster(ctx, id, b.version),
  );
  step(
    'PUT',
    'evaluation',
    'evaluate',
    '录入或修改论证意见：估算投资（元，整数）、可行性、责任部门',
    DemandClusterEvaluationBody,
    evaluateCluster,
  );
  step(
    'POST',
    'select',
    'select',
    '遴选为民生实事项目：在所选举措下建立督办任务（须有计划管理权限）',
    DemandClusterSelectBody,
    selectCluster,
  );
  step('POST', 'withdraw', 'select', '撤销民生实事项目（须说明理由，公开页面显示）', DemandClusterWithdrawBody, withdrawCluster);
};
