import type { FastifyInstance } from 'fastify';
import { langFromAcceptLanguage } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';

/** The first string inside `value` that holds a NUL character, as a field path (body.name, querystring.q). */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return `${path}.${k.replace(/\u0000/g, '\\u0000')}`;
    const found = nulPath(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * No text we keep may hold a NUL character (U+0000): PostgreSQL refuses it in text columns
 * ("invalid byte sequence for encoding UTF8: 0x00"), which turned a query like `?q=%00` into a 500
 * (server/test/reliability/fuzz.test.ts), and on SQLite it would truncate text in other tools.
 * One check before validation answers 400 on both engines, naming the field.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const where = nulPath(req.params, 'params') ?? nulPath(req.query, 'querystring') ?? nulPath(req.body, 'body');
    if (!where) return;
    const en = langFromAcceptLanguage(req.headers['accept-language']) === 'en-US';
    throw new DomainError('validation_failed', 400, {}, [
      { path: where, message: en ? 'must not contain a NUL character (\\u0000)' : '不能包含空字符（\\u0000）' },
    ]);
  });
}
