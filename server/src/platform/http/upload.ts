import type { FastifyRequest } from 'fastify';
import { detailMessage, langFromAcceptLanguage } from '@qinlian/contracts';
import { DomainError } from '../errors.ts';

/**
 * The one uploaded file of a multipart request, from the field `field`, read into memory up to
 * `limit` (the configured upload limit unless the route has its own, e.g. imports): 413
 * file_too_large beyond it, 400 invalid_file when the field is missing.
 */
export async function readUpload(
  req: FastifyRequest,
  field = 'file',
  limit = req.server.config.uploadLimitBytes,
): Promise<{ bytes: Buffer; filename: string; mimetype: string }> {
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  const missing = () =>
    new DomainError('invalid_file', 400, { reason: detailMessage('file_missing', lang) }, [
      { path: `body.${field}`, message: detailMessage('required', lang) },
    ]);
  // busboy reports a malformed body (no boundary, truncated parts) as a bare Error: the caller's mistake, not a 500
  const malformed = (err: unknown) => {
    const e = err as { code?: string; statusCode?: number };
    if (err instanceof DomainError || e.code === 'FST_REQ_FILE_TOO_LARGE' || (e.statusCode && e.statusCode < 500)) return err;
    return new DomainError('invalid_file', 400, { reason: detailMessage('bad_multipart', lang) }, [
      { path: `body.${field}`, message: detailMessage('bad_multipart', lang) },
    ]);
  };
  const part = await req.file({ limits: { fileSize: limit, files: 1 } }).catch((err: unknown) => {
    throw malformed(err);
  });
  if (!part || part.type !== 'file' || part.fieldname !== field) throw missing();
  try {
    const bytes = await part.toBuffer();
    if (bytes.length === 0) throw missing();
    return { bytes, filename: part.filename, mimetype: part.mimetype };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('file_too_large', 413, { limit: humanSize(limit) }, [{ path: `body.${field}`, message: 'file_too_large' }]);
    }
    throw malformed(err);
  }
}

/** 20 MB, 1.5 MB, 256 KB: a limit as people read it (never "0 MB"). */
export const humanSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
