import type { FastifyRequest } from 'fastify';
import { langFromAcceptLanguage } from '@qinlian/contracts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';

export type AppDeps = { db: Db; clock: Clock };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The service context for one request: actor, root db handle, origin IP, language, clock. */
export function ctxOf(req: FastifyRequest): Ctx {
  const { db, clock } = req.server.deps;
  return { actor: req.actor, db, ip: req.ip, lang: langFromAcceptLanguage(req.headers['accept-language']), clock };
}
