import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Instruction,
  InstructionCreateBody,
  InstructionFeedbackBody,
  InstructionPage,
  InstructionQuery,
  TaskInstructionBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { instructionPolicy } from './instructions.policy.ts';
import { presentInstructions } from './instructions.presenter.ts';
import { getInstruction, giveFeedback, giveInstruction, listInstructions } from './instructions.service.ts';

const tags = ['instructions'];

/** 领导批示 (on a task or to a unit) and 落实反馈. */
export const instructionRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = async (req: Parameters<typeof ctxOf>[0], row: Awaited<ReturnType<typeof getInstruction>>) =>
    (await presentInstructions(ctxOf(req), [row]))[0]!;

  app.get(
    '/instructions',
    {
      config: { policy: instructionPolicy.route('read') },
      schema: {
        tags,
        summary: '领导批示列表（给本单位的、我作出的；按反馈状态、逾期、任务筛选）',
        querystring: InstructionQuery,
        response: { 200: InstructionPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listInstructions(ctx, req.query);
      return { items: await presentInstructions(ctx, items), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/instructions',
    {
      config: { policy: instructionPolicy.route('give') },
      schema: {
        tags,
        summary: '作出批示：对任务或对单位，可要求在期限前报送落实反馈',
        body: InstructionCreateBody,
        response: { 201: Instruction },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, await giveInstruction(ctxOf(req), req.body))),
  );

  app.post(
    '/tasks/:id/instructions',
    {
      config: { policy: instructionPolicy.route('give') },
      schema: {
        tags,
        summary: '对任务作出批示（记入任务记录，通知承办人和牵头部门负责人；可要求落实反馈）',
        params: IdParams,
        body: TaskInstructionBody,
        response: { 201: Instruction },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, await giveInstruction(ctxOf(req), { ...req.body, taskId: req.params.id }))),
  );

  app.get(
    '/instructions/:id',
    {
      config: { policy: instructionPolicy.route('read') },
      schema: { tags, summary: '批示详情（含落实反馈）', params: IdParams, response: { 200: Instruction } },
    },
    async (req) => one(req, await getInstruction(ctxOf(req), req.params.id)),
  );

  app.post(
    '/instructions/:id/feedback',
    {
      config: { policy: instructionPolicy.route('feedback') },
      schema: {
        tags,
        summary: '报送落实反馈（被批示单位；文字与佐证出处，只报一次）',
        params: IdParams,
        body: InstructionFeedbackBody,
        response: { 200: Instruction },
      },
    },
    async (req) => one(req, await giveFeedback(ctxOf(req), req.params.id, req.body)),
  );
};
