import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { liveHub, type LiveEvent, type LiveHub } from './hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** ends every open event stream; app.close() would otherwise wait for them forever */
    liveStreams?: Set<() => void>;
  }
}

/** Open event streams end when the app closes (before the server waits for its connections). */
export function installLiveStreams(app: FastifyInstance) {
  const streams = new Set<() => void>();
  app.decorate('liveStreams', streams);
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
}

export type StreamOptions = {
  hub?: LiveHub;
  /** a comment line this often (default: config.live.heartbeatMs) */
  heartbeatMs?: number;
  /** how long the browser waits before reconnecting (the stream's `retry:` advice) */
  retryMs?: number;
  /** a client this far behind is cut off; it reconnects and catches up from the ring, or resets */
  maxBufferedBytes?: number;
};

/**
 * The `response` of a live route's schema: the API document then lists the operation as answering
 * 200 with media type text/event-stream (`events` names what arrives besides ready/reset). Nothing is
 * serialized against it — the stream is sent as it is.
 */
export function liveStreamResponse(events: string) {
  const stream = z
    .string()
    .describe(`Server-sent events: \`retry:\`, then \`ready\` or \`reset\` (refetch), then ${events}; a heartbeat comment meanwhile`);
  return { 200: { description: '实时事件流 / live event stream', content: { 'text/event-stream': { schema: stream } } } };
}

/** One event in the text/event-stream format. JSON never holds a raw newline, so `data` is one line. */
export const sseFrame = (e: LiveEvent): string => `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data ?? null)}\n\n`;

/**
 * Where the client was: the Last-Event-ID header the browser sends when EventSource reconnects, or
 * `?lastEventId=` for a page that opens a new EventSource (after a reload) from an id it kept.
 */
export function lastEventIdOf(req: FastifyRequest): string | null {
  const header = req.headers['last-event-id'];
  const value = typeof header === 'string' ? header : new URLSearchParams(req.url.split('?')[1] ?? '').get('lastEventId');
  return value ? value.slice(0, 128) : null;
}

/**
 * Answer a route with the live events of `channel`, for as long as the client stays:
 *
 *   app.get('/door-boards/:id/live', { config: { policy: publicApiRoute }, schema: { params } },
 *     (req, reply) => streamLive(req, reply, `door-board:${req.params.id}`));
 *
 * The stream starts with `retry:` advice and then one of: `ready` (a fresh client: fetch the page's
 * data now, nothing is missed from here on), the events missed since Last-Event-ID, or `reset` (they
 * are gone: refetch). `ready` and `reset` carry an id, so the browser always has a position to
 * resume from. A heartbeat comment keeps proxies from closing an idle stream. The route declares
 * `response: liveStreamResponse(…)` so that the API document shows the stream; the stream is not JSON.
 */
export function streamLive(req: FastifyRequest, reply: FastifyReply, channel: string, options: StreamOptions = {}) {
  // proxies must pass every line at once and untouched: nginx buffering off, no gzip or other transform
  reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store, no-transform')
    .header('x-accel-buffering', 'no');
  if (req.method === 'HEAD') return reply.send();

  const hub = options.hub ?? liveHub;
  const heartbeatMs = options.heartbeatMs ?? req.server.config?.live.heartbeatMs ?? 15_000;
  const maxBuffered = options.maxBufferedBytes ?? 1 << 20;
  const stream = new PassThrough();
  let ended = false;

  const write = (chunk: string) => {
    if (ended) return;
    if (stream.writableLength > maxBuffered) return end();
    stream.write(chunk);
  };
  // the backlog is fixed and the listener added in one step (subscribe), then written before anything else can run
  const subscription = hub.subscribe(channel, lastEventIdOf(req), (e) => write(sseFrame(e)));
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    subscription.close();
    req.server.liveStreams?.delete(end);
    stream.end();
  };
  req.server.liveStreams?.add(end);
  reply.raw.on('close', end); // the client went away (or the response finished)
  stream.on('close', end);

  write(`retry: ${options.retryMs ?? 3000}\n\n`);
  const { start } = subscription;
  if (start.kind === 'replay') for (const e of start.events) write(sseFrame(e));
  else write(sseFrame({ id: start.position, event: start.kind === 'fresh' ? 'ready' : 'reset', data: { channel } }));
  return reply.send(stream);
}
