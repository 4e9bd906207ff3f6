import { isDeepStrictEqual } from 'node:util';
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
