import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { BadgeCodeParams } from '@qinlian/contracts';
import { DomainError } from '../../platform/errors.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { badgePageHtml } from './badges.page.ts';
import { publicBadgePath } from './badges.presenter.ts';
import { publicBadgeView } from './badges.public-view.ts';

/** Unknown and malformed codes (a 400 from the code's shape) read alike: no badge. */
const unseen = (err: unknown) => {
  if (err instanceof DomainError && (err.status === 404 || err.status === 400)) return null;
  throw err;
};

/** The built page, read at each visit (a few KB) so that a new build is seen at once, as web-console.ts does. */
const readIndex = (dist: string) => fs.promises.readFile(path.join(dist, 'index.html'), 'utf8').catch(() => null);

/**
 * 亮牌 (/p/b/<code>) answered with the badge already in the page: a QR code scanned on a slow phone
 * shows the card before the SPA's script arrives (docs/ui.md). Registered with the public API's
 * rate limits (platform/http/public-api.ts). An unknown, replaced, withdrawn or malformed code gets the
 * plain page with a 404 — the same for every one of them, so nothing tells whether anyone is behind it;
 * the SPA then says so. Without a build (the vite dev server) the page stays client-rendered.
 */
export const publicBadgePageRoutes: FastifyPluginAsync = async (app) => {
  // `*` rather than `:code`: a code longer than the router's parameter limit still gets this route's 404
  app.get(publicBadgePath('*'), { schema: { hide: true } }, async (req, reply) => {
    const index = await readIndex(req.server.config.webDist);
    if (index === null) return reply.callNotFound();
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-language');
    const params = BadgeCodeParams.safeParse({ code: (req.params as { '*': string })['*'] });
    const ctx = ctxOf(req);
    const badge = params.success ? await publicBadgeView(ctx, params.data.code).catch(unseen) : null;
    return badge ? reply.send(badgePageHtml(index, badge, ctx.lang)) : reply.status(404).send(index);
  });
};
