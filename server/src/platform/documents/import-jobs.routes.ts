import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, ImportJob } from '@qinlian/contracts';
import { notFound } from '../errors.ts';
import { signedIn } from '../policy/policy.ts';
import { importJobFor } from './import-jobs.ts';

/** How far a background import has got (人员导入、计划导入): its starter polls this until done or failed. */
export const importJobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/imports/:id',
    {
      config: { policy: signedIn },
      schema: {
        tags: ['imports'],
        summary: '后台导入的进度与结果（仅发起人可见；完成后只交付一次）',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => importJobFor(req.actor!.userId, req.params.id) ?? Promise.reject(notFound()),
  );
};
