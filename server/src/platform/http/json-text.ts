import { isDeepStrictEqual } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Send a body already written as JSON text (a list put together from cached items). Fastify sends
 * a string or buffer with a JSON content type as it is, without the response serializer; the
 * route's response schema still documents it. With `verifyResponses` (tests) the text is held to
 * that schema like every other answer: it must parse, and zod must find nothing to reject or strip.
 */
export function sendJsonText(reply: FastifyReply, json: string | Buffer) {
  if (reply.server.config.verifyResponses) assertMatchesSchema(reply, json);
  return reply.type('application/json; charset=utf-8').send(json);
}

/** Smaller answers go as they are: one packet either way. */
const COMPRESS_FROM_BYTES = 1_400;
type Encoding = 'br' | 'gzip';
/** Compressed twins of kept answers, made on first ask and gone with their answer. */
const twins = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();

const compress: Record<Encoding, (b: Buffer) => Buffer> = {
  // quality 5: within a few per cent of the best size at a fraction of the time; made once per answer
  br: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (b) => zlib.gzipSync(b, { level: 6 }),
};

/** The encoding to answer in by the request's Accept-Encoding (brotli first), honouring q=0. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name!, q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (e: string) => (weights.get(e) ?? weights.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/**
 * Send a kept answer (one Buffer serving many requests until what it shows changes) compressed when
 * the client accepts it: compressed once per answer, so each request only writes a fifth of the bytes
 * — on a phone's link, and on this server, where writing 18 KB boards was a third of a request's CPU.
 */
export function sendKeptJson(reply: FastifyReply, kept: Buffer) {
  reply.header('vary', 'accept-encoding');
  const encoding = kept.length >= COMPRESS_FROM_BYTES ? preferredEncoding(reply.request.headers['accept-encoding']) : null;
  if (!encoding) return sendJsonText(reply, kept);
  if (reply.server.config.verifyResponses) assertMatchesSchema(reply, kept);
  let twin = twins.get(kept);
  if (!twin) twins.set(kept, (twin = {}));
  const body = (twin[encoding] ??= compress[encoding](kept));
  return reply.type('application/json; charset=utf-8').header('content-encoding', encoding).send(body);
}

function assertMatchesSchema(reply: FastifyReply, json: string | Buffer) {
  const schema = (reply.request.routeOptions.schema?.response as Record<number, z.ZodType> | undefined)?.[200];
  if (!schema) throw new Error(`${reply.request.method} ${reply.request.url}: JSON text without a response schema`);
  const sent = JSON.parse(json.toString());
  const checked = schema.safeParse(sent);
  if (!checked.success || !isDeepStrictEqual(checked.data, sent)) {
    const why = checked.success ? 'fields outside the schema' : checked.error.message;
    console.error(`${reply.request.method} ${reply.request.url}: JSON text does not match its response schema: ${why}`); // tests run with the logger off
    throw new Error(`JSON text does not match the response schema: ${why}`);
  }
}
