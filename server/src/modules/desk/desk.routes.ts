import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Desk, DeskQuery } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { signedIn } from '../../platform/policy/policy.ts';
import { deskOf } from './desk.service.ts';

/** 工作台待办: everyone signed in has a desk; what is on it follows their permissions and scope. */
export const deskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/desk',
    {
      config: { policy: signedIn },
      schema: {
        tags: ['desk'],
        summary:
          '待办中心：待签收、待报送进展、待审核销号、待落实反馈的批示、待接收的移交、待整改、待核实、待复核的申诉……各项计数与最紧急的几项，红黄灯与按期办结率',
        querystring: DeskQuery,
        response: { 200: Desk },
      },
    },
    async (req) => deskOf(ctxOf(req), req.query),
  );
};
