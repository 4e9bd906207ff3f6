import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, ImportJob, ImportReport, PlanImportQuery, Rollup } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { answerImport } from '../../platform/documents/import-jobs.ts';
import { attachment, XLSX_MIME as XLSX } from '../../platform/http/download.ts';
import { peopleBasics } from '../org/index.ts';
import { planPolicy } from '../plan/index.ts';
import { planRollup } from './plan-rollup.service.ts';
import { presentRollup } from './plan-rollup.presenter.ts';
import { cachedAnswer } from './task-answers.cache.ts';
import { exportPlanXlsx } from './tasks.xlsx.ts';
import { importPlan } from './plan-import.service.ts';

const tags = ['plan'];

/** A plan seen through its tasks: the roll-up (进度汇总), and the plan workbook out and in. */
export const planTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:id/rollup',
    {
      config: { policy: planPolicy.route('read') },
      schema: { tags, summary: '进度汇总：任务→举措→工程（加权）与预警分布', params: IdParams, response: { 200: Rollup } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return cachedAnswer(
        ctx,
        `rollup ${req.params.id}`,
        async () => {
          const rollup = await planRollup(ctx, req.params.id);
          return presentRollup(
            rollup,
            await peopleBasics(
              ctx.db,
              rollup.programmes.map((p) => p.row.leaderPersonId),
            ),
          );
        },
        { forEveryone: true },
      );
    },
  );

  app.get(
    '/plans/:id/export.xlsx',
    {
      config: { policy: planPolicy.route('read') },
      schema: { tags, summary: '导出整个计划（XLSX，可再导入）', params: IdParams },
    },
    async (req, reply) => {
      const { bytes, name } = await exportPlanXlsx(ctxOf(req), req.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${name}.xlsx`, 'plan.xlsx'))
        .send(bytes);
    },
  );

  app.post(
    '/plans/:id/import',
    {
      config: { policy: planPolicy.route('manage') },
      schema: {
        tags,
        summary: '导入计划（XLSX：工程/举措/任务行；先校验全部行，有错不写入）',
        params: IdParams,
        querystring: PlanImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, 202: ImportJob },
      },
    },
    async (req, reply) =>
      answerImport(req, reply, { kind: 'plan', background: req.query.background === 'true' }, (bytes, reading) =>
        importPlan(ctxOf(req), req.params.id, bytes, {
          dryRun: req.query.dryRun === 'true',
          backfill: req.query.backfill === 'true',
          reading,
        }),
      ),
  );
};
