import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Task } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import type { RoutePolicy } from '../../platform/policy/policy.ts';
import { taskDetail } from './task-detail.service.ts';
import { presentTask } from './tasks.presenter.ts';
import type { TaskRow } from './tasks.repo.ts';

/** What every write on one task answers: the task as its page shows it, with what the actor may do next. */
export const answerTask = async (req: FastifyRequest, row: TaskRow) => presentTask(req.actor!, await taskDetail(ctxOf(req), row));

type Step<P extends z.ZodType, B extends z.ZodType> = {
  method?: 'POST' | 'PUT' | 'PATCH';
  policy: RoutePolicy;
  /** what OpenAPI shows, zh-CN like every summary */
  summary: string;
  params: P;
  body: B;
  /** the service's step: the task's row after it */
  run: (ctx: Ctx, params: z.output<P>, body: z.output<B>) => Promise<TaskRow>;
};

/**
 * One step on a task as a route: its policy, its params and body validated, and the task in answer
 * (200, `Task`). The routes of the life cycle and of the department's own steps are all of this shape.
 */
export function taskStepRoute<P extends z.ZodType, B extends z.ZodType>(app: FastifyInstance, url: string, step: Step<P, B>) {
  app.route({
    method: step.method ?? 'POST',
    url,
    config: { policy: step.policy },
    schema: { tags: ['tasks'], summary: step.summary, params: step.params, body: step.body, response: { 200: Task } },
    handler: async (req) => answerTask(req, await step.run(ctxOf(req), req.params as z.output<P>, req.body as z.output<B>)),
  });
}
