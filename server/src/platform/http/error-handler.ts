import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, isErrorCode, langFromAcceptLanguage, type ErrorBody, type ErrorCode, type Lang } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { translateIssue } from './validation-messages.ts';

function send(
  reply: FastifyReply,
  status: number,
  lang: Lang,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  extra: Partial<ErrorBody['error']> = {},
) {
  const body: ErrorBody = { error: { code, message: errorMessage(code, lang, params), ...extra } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Errors Fastify raises before a route is found (Fastify's `frameworkErrors` option): a path that
 * is not valid percent-encoding (`/api/people/%FF`) or a path parameter longer than the router
 * allows. Without this they leave as Fastify's own body, not an ErrorBody.
 */
export function handleFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langFromAcceptLanguage(request.headers['accept-language']);
  const message = lang === 'en-US' ? 'not a valid URL' : '网址格式不正确';
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  return send(reply, status, lang, 'validation_failed', {}, { fields: [{ path: 'url', message }] });
}

/** One place maps every failure to HTTP. 4xx bodies say what to fix; 5xx bodies carry only a reference. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    if (err instanceof DomainError) {
      // a field message that is an error code is shown as that code's sentence
      const fields = err.fields?.map((f) => (isErrorCode(f.message) ? { ...f, message: errorMessage(f.message, lang, err.params) } : f));
      return send(reply, err.status, lang, err.code, err.params, { fields, allowed: err.allowed });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) =>
        translateIssue(
          { ...(v.params as object), code: v.keyword, message: v.message ?? '', path: v.instancePath.split('/').filter(Boolean) },
          err.validationContext ?? 'body',
          lang,
        ),
      );
      return send(reply, 400, lang, 'validation_failed', {}, { fields });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, lang, 'malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(reply, 413, lang, 'body_too_large', { limit: `${Math.round(Number(app.initialConfig.bodyLimit) / 1024)} KB` });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, 415, lang, 'unsupported_media_type');
    }
    if (err.statusCode === 429) return send(reply, 429, lang, 'rate_limited');
    // Safety nets for what slipped past validation: a database-level data error is bad input, and a
    // unique/foreign-key violation (e.g. two identical creates racing) is a conflict — never a 500.
    const sqlState = typeof err.code === 'string' ? err.code : '';
    if (/^22[0-9A-Z]{3}$/.test(sqlState)) return send(reply, 400, lang, 'validation_failed', {}, { fields: [] });
    if (/^23[0-9A-Z]{3}$/.test(sqlState) || sqlState.startsWith('SQLITE_CONSTRAINT')) return send(reply, 409, lang, 'conflict');
    if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      return send(reply, err.statusCode ?? 400, lang, 'validation_failed', {}, { fields: [{ path: '', message: err.message }] });
    }
    const ref = newId();
    request.log.error({ err, ref }, 'unhandled error');
    return send(reply, 500, lang, 'internal', { ref });
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    return send(reply, 404, lang, 'route_not_found', { method: request.method, url: request.url.split('?')[0]!.slice(0, 200) });
  });
}
