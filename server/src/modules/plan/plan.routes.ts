import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
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
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { planPolicy } from './plan.policy.ts';
import { planTasks } from './plan-tasks.port.ts';
import {
  createMeasure,
  createPlan,
  createProgramme,
  getPlan,
  listPlans,
  updateMeasure,
  updatePlan,
  updateProgramme,
} from './plan.service.ts';
import { presentMeasure, presentPlan, presentProgramme } from './plan.presenter.ts';
import { peopleBasics } from '../org/index.ts';

const tags = ['plan'];

/** 计划: plans, programmes (六大工程) and measures (举措). The roll-up and the plan workbook are the tasks module's (plan-tasks.routes.ts). */
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

  const figuresOf = (req: Parameters<typeof ctxOf>[0], planId: string) => planTasks().figures(ctxOf(req), planId);

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
      return presentProgramme(row, (await figuresOf(req, row.planId)).programmes.get(row.id), leaderName);
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
      return presentMeasure(row, (await figuresOf(req, row.planId)).measures.get(row.id));
    },
  );
};
