import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DemandMergeBody, DemandMergeResult, DemandSimilarList, DemandVersionBody, IdParams } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { demandPolicy } from './demands.policy.ts';
import { presentMergeOutcome, presentSimilar } from './demand-merge.presenter.ts';
import { mergeDemand, similarToDemand, unmergeDemand } from './demand-merge.service.ts';

const tags = ['demands'];

/** 并单: the similar items offered for merging, the merge and its undo. */
export const demandMergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demands/:id/similar',
    {
      config: { policy: demandPolicy.route('read') },
      schema: {
        tags,
        summary: '并单候选：与这件诉求相似的诉求（按分词计算相似度，未并单、未不予受理、在数据范围内）',
        params: IdParams,
        response: { 200: DemandSimilarList },
      },
    },
    async (req) => presentSimilar(await similarToDemand(ctxOf(req), req.params.id)),
  );

  app.post(
    '/demands/:id/merge',
    {
      config: { policy: demandPolicy.route('dispatch') },
      schema: {
        tags,
        summary: '并单：把这件诉求并入另一件，答复时一并告知其诉求人（带上读到的版本号）',
        params: IdParams,
        body: DemandMergeBody,
        response: { 200: DemandMergeResult },
      },
    },
    async (req) => presentMergeOutcome(await mergeDemand(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/demands/:id/unmerge',
    {
      config: { policy: demandPolicy.route('dispatch') },
      schema: {
        tags,
        summary: '撤销并单：这件诉求恢复独立办理（带上读到的版本号）',
        params: IdParams,
        body: DemandVersionBody,
        response: { 200: DemandMergeResult },
      },
    },
    async (req) => presentMergeOutcome(await unmergeDemand(ctxOf(req), req.params.id, req.body.version)),
  );
};
