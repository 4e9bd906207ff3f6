import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '@qinlian/contracts';
import { publicRoute } from '../../platform/policy/policy.ts';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { policy: publicRoute },
      schema: { tags: ['system'], summary: '健康检查', response: { 200: Health, 503: Health } },
    },
    async (_req, reply) => {
      const ok = await sql`select 1 as one`.execute(app.deps.db).then(
        () => true,
        () => false,
      );
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'degraded', db: app.engine, version: app.config.version, runtime: process.version });
    },
  );
};
