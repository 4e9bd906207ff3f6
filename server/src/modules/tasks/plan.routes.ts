import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  ImportQuery,
  ImportReport,
  Measure,
  MeasureCreateBody,
  MeasureUpdateBody,
  Plan,
  PlanCreateBody,
  PlanList,
  PlanUpdateBody,
  Programme,
  ProgrammeCreateBody,
  ProgrammeUpdateBody,
  Rollup,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { planPolicy } from './tasks.policy.ts';
import {
  createMeasure,
  createPlan,
  createProgramme,
  getPlan,
  listPlans,
  planRollup,
  updateMeasure,
  updatePlan,
  updateProgramme,
} from './plan.service.ts';
import { presentMeasure, presentPlan, presentProgramme, presentRollup } from './plan.presenter.ts';
import { cachedAnswer } from './task-answers.ts';
import { exportPlanXlsx } from './tasks.xlsx.ts';
import { importPlan } from './plan.import.ts';
import { peopleBasics } from '../org/index.ts';
import { attachment, XLSX_MIME as XLSX } from '../../platform/http/download.ts';

const tags = ['plan'];

/** 计划: plans, programmes (六大工程), measures (举措), the roll-up, and the plan workbook. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    {
      config: { policy: planPolicy.route('read') },
      schema: { tags, summary: '计划列表', response: { 200: PlanList } },
    },
    async (req) => ({ items: (await listPlans(ctxOf(req))).map(presentPlan) }),
  );

  app.post(
    '/plans',
    {
      config: { policy: planPolicy.route('manage') },
      schema: { tags, summary: '新建计划（含预警阈值）', body: PlanCreateBody, response: { 201: Plan } },
    },
    async (req, reply) => reply.status(201).send(presentPlan(await createPlan(ctxOf(req), req.body))),
  );

  app.get(
    '/plans/:id',
    {
      config: { policy: planPolicy.route('read') },
      schema: { tags, summary: '计划详情', params: IdParams, response: { 200: Plan } },
    },
    async (req) => presentPlan(await getPlan(ctxOf(req), req.params.id)),
  );

  app.patch(
    '/plans/:id',
    {
      config: { policy: planPolicy.route('manage') },
      schema: {
        tags,
        summary: '修改计划名称或预警阈值（阈值变更后立即重算预警）',
        params: IdParams,
        body: PlanUpdateBody,
        response: { 200: Plan },
      },
    },
    async (req) => {
      return presentPlan(await updatePlan(ctxOf(req), req.params.id, req.body));
    },
  );

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
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const { bytes } = await readUpload(req);
      return importPlan(ctxOf(req), req.params.id, bytes, { dryRun: req.query.dryRun === 'true' });
    },
  );

  const figuresOf = async (req: Parameters<typeof ctxOf>[0], planId: string) => planRollup(ctxOf(req), planId);

  app.post(
    '/plan/programmes',
    {
      config: { policy: planPolicy.route('manage') },
      schema: { tags, summary: '新建工程', body: ProgrammeCreateBody, response: { 201: Programme } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const row = await createProgramme(ctx, req.body);
      return reply
        .status(201)
        .send(
          presentProgramme(row, undefined, (await peopleBasics(ctx.db, [row.leaderPersonId])).get(row.leaderPersonId ?? '')?.name ?? null),
        );
    },
  );

  app.patch(
    '/plan/programmes/:id',
    {
      config: { policy: planPolicy.route('manage') },
      schema: { tags, summary: '修改工程', params: IdParams, body: ProgrammeUpdateBody, response: { 200: Programme } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const row = await updateProgramme(ctx, req.params.id, req.body);
      const leaderName = (await peopleBasics(ctx.db, [row.leaderPersonId])).get(row.leaderPersonId ?? '')?.name ?? null;
      return presentProgramme(
        row,
        (await figuresOf(req, row.planId)).programmes.find((p) => p.row.id === row.id),
        leaderName,
      );
    },
  );

  app.post(
    '/plan/measures',
    {
      config: { policy: planPolicy.route('manage') },
      schema: { tags, summary: '新建举措', body: MeasureCreateBody, response: { 201: Measure } },
    },
    async (req, reply) => reply.status(201).send(presentMeasure(await createMeasure(ctxOf(req), req.body))),
  );

  app.patch(
    '/plan/measures/:id',
    {
      config: { policy: planPolicy.route('manage') },
      schema: { tags, summary: '修改举措', params: IdParams, body: MeasureUpdateBody, response: { 200: Measure } },
    },
    async (req) => {
      const row = await updateMeasure(ctxOf(req), req.params.id, req.body);
      const figures = (await figuresOf(req, row.planId)).programmes.flatMap((p) => p.measures).find((m) => m.row.id === row.id);
      return presentMeasure(row, figures);
    },
  );
};
