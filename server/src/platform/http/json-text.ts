import type { FastifyReply } from 'fastify';

/**
 * Send a body already written as JSON text (a list put together from cached items). Fastify sends
 * a string with a JSON content type as it is, without the response serializer; the route's
 * response schema still documents it, and the route's tests hold the text to the contract.
 */
export const sendJsonText = (reply: FastifyReply, json: string | Buffer) => reply.type('application/json; charset=utf-8').send(json);
