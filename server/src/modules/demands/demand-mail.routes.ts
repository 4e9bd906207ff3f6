import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DemandMailImport, detailMessage, langFromAcceptLanguage } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { humanSize } from '../../platform/http/upload.ts';
import { DomainError } from '../../platform/errors.ts';
import { INBOUND_MAIL_MAX_BYTES } from '../../platform/mail/inbound.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { demandPolicy } from './demands.policy.ts';
import { importMailedDemands } from './demand-mail.ts';

/** 10 mails, 50 MB in all, a request: a morning's forwarded mail, never the whole mailbox in memory at once. */
const IMPORT_MAX_FILES = 10;
const IMPORT_MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/** The .eml files of the request: 413 for one over 25 MB, 400 when there are none or too many. */
async function readMailFiles(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }[]> {
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  const tooMany = () =>
    new DomainError('demand_mail_import_too_many', 400, { max: IMPORT_MAX_FILES, limit: humanSize(IMPORT_MAX_TOTAL_BYTES) });
  const files: { name: string; bytes: Buffer }[] = [];
  let total = 0;
  try {
    for await (const part of req.parts({ limits: { files: IMPORT_MAX_FILES, fileSize: INBOUND_MAIL_MAX_BYTES } })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > IMPORT_MAX_TOTAL_BYTES) throw tooMany();
      if (bytes.length > 0) files.push({ name: part.filename || 'message.eml', bytes });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('file_too_large', 413, { limit: humanSize(INBOUND_MAIL_MAX_BYTES) }, [
        { path: 'body.file', message: 'file_too_large' },
      ]);
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_file', 400, { reason: detailMessage('bad_multipart', lang) }, [
      { path: 'body.file', message: detailMessage('bad_multipart', lang) },
    ]);
  }
  if (files.length === 0)
    throw new DomainError('invalid_file', 400, { reason: detailMessage('file_missing', lang) }, [
      { path: 'body.file', message: detailMessage('required', lang) },
    ]);
  return files;
}

/** 导入邮件: the office's clerks file mails that reached them elsewhere, as saved .eml files. */
export const demandMailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/demands/import-eml',
    {
      config: { policy: demandPolicy.route('dispatch') },
      schema: {
        tags: ['demands'],
        summary:
          '导入邮件：上传一个或多个 .eml 文件（multipart 字段 file，每个不超过 25 MB），每封登记为一件邮件渠道的诉求；全部成功或全部不登记',
        consumes: ['multipart/form-data'],
        response: { 201: DemandMailImport },
      },
    },
    async (req, reply) => {
      const rows = await importMailedDemands(ctxOf(req), req.server.config, await readMailFiles(req));
      const items = rows.map((r) => ({ id: r.id, code: r.code, displayCode: formatTrackingCode(r.code), title: r.title }));
      return reply.status(201).send({ items });
    },
  );
};
