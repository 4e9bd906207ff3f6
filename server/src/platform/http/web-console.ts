import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** A file whose name carries its content hash never changes: a new build is a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The pages (index.html, console.html) and files without a hash (favicon.svg): kept, but asked about again before each use (304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Vite writes every built file as assets/<name>-<8-character hash>.<ext> (web/vite.config.ts); .br/.gz are their compressed twins. */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+(\.br|\.gz)?$/i;
const COMPRESSED_TWIN = /\.(br|gz)$/;

/** The public pages (no account, no antd) under /p — web/src/layout/public/paths.ts, PUBLIC_BASE. */
const isPublicPage = (url: string) => /^\/p(\/|\?|$)/.test(url);

export const isHashedAsset = (relativePath: string) => HASHED_ASSET.test(relativePath.split(path.sep).join('/'));

/**
 * The built console (web/dist) with a fallback to its page for client-side routes: console.html on the
 * console's addresses, index.html on the public pages' (which must not fetch the console). Each file goes
 * out as the brotli or gzip twin that the build wrote beside it (web/vite.config.ts, `precompress`)
 * when the browser accepts it — `Vary: Accept-Encoding` on every answer — and as it is otherwise.
 * Hashed assets are cached for a year; everything else is revalidated, so a new build is seen at once.
 */
export async function serveWebConsole(app: FastifyInstance, dist: string) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false, // a route per file found at start; files of a later build go through the fallback below
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'], // served in place of their file, never by their own name
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', isHashedAsset(path.relative(dist, file)) ? IMMUTABLE : REVALIDATE);
    },
  });
  // console.html (the build writes it beside index.html) names the console's files for the browser to fetch at once
  const consolePage = () => (fs.existsSync(path.join(dist, 'console.html')) ? 'console.html' : 'index.html');
  const sendPage = (req: FastifyRequest, reply: FastifyReply) => reply.sendFile(isPublicPage(req.url) ? 'index.html' : consolePage());
  app.get('/', sendPage);
  app.get('/*', (req, reply) => {
    const pathname = req.url.split('?')[0]!;
    if (pathname.startsWith('/api/')) return reply.callNotFound();
    const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
    const file = path.join(dist, relative);
    if (file.startsWith(dist + path.sep) && !COMPRESSED_TWIN.test(file) && fs.statSync(file, { throwIfNoEntry: false })?.isFile())
      return reply.sendFile(relative);
    // a script of an older build is gone: say so, rather than answer a module import with the page
    if (relative.startsWith(`assets${path.sep}`)) return reply.callNotFound();
    return sendPage(req, reply);
  });
}
