import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LivelihoodProjectsQuery, PublicLivelihoodProjects } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { publicLivelihoodProjects } from './livelihood-projects.service.ts';

/** 民生实事项目进展 for the public (/p/projects/:year): no account, no one's personal data. */
export const publicLivelihoodProjectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/livelihood-projects',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags: ['public'],
        summary: '民生实事项目进展：某年（不填则为最近一年）的项目、责任部门、进度与完成时限，以及撤销的项目及理由',
        querystring: LivelihoodProjectsQuery,
        response: { 200: PublicLivelihoodProjects },
      },
    },
    async (req) => publicLivelihoodProjects(ctxOf(req), req.query.year),
  );
};
