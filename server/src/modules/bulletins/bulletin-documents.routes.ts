import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { BulletinPreview, IdParams } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { attachment, DOCX_MIME, XLSX_MIME } from '../../platform/http/download.ts';
import { officialPreview, renderOfficialDocx, renderOfficialXlsx } from '../../platform/documents/official/index.ts';
import { bulletinDocument } from './bulletin.document.ts';
import { bulletinPolicy } from './bulletins.policy.ts';
import { documentOf } from './bulletins.presenter.ts';
import { loadBulletin } from './bulletins.service.ts';

const tags = ['bulletins'];

/** Where a printed bulletin sends its reader to check it: the configured public address, else this request's. */
const verifyUrl = (req: FastifyRequest) => `${req.server.config.publicUrl ?? `${req.protocol}://${req.host}`}/p/verify`;

/** The bulletin as an official document, and the names its files go by (the title; 发文字号 first once published). */
async function officialOf(req: FastifyRequest, id: string) {
  const ctx = ctxOf(req);
  const row = await loadBulletin(ctx, id);
  const doc = bulletinDocument(await documentOf(ctx, row, verifyUrl(req)));
  const name = `${row.number ? `${row.number} ` : ''}${row.title}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return { doc, name, ascii: `bulletin-${row.year}-Q${row.quarter}` };
}

/** 预览与下载: the HTML preview before download, the DOCX (GB/T 9704) and the XLSX of its tables. */
export const bulletinDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { policy: bulletinPolicy.route('read') };

  app.get(
    '/bulletins/:id/preview',
    {
      config: read,
      schema: { tags, summary: '通报预览（与 DOCX 同一内容的 HTML，已转义）', params: IdParams, response: { 200: BulletinPreview } },
    },
    async (req) => {
      const { doc, name } = await officialOf(req, req.params.id);
      return { html: officialPreview(doc), fileName: `${name}.docx` };
    },
  );

  app.get(
    '/bulletins/:id/document.docx',
    { config: read, schema: { tags, summary: '下载通报（DOCX，GB/T 9704 公文格式）', params: IdParams } },
    async (req, reply) => {
      const { doc, name, ascii } = await officialOf(req, req.params.id);
      const bytes = await renderOfficialDocx(doc);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment(`${name}.docx`, `${ascii}.docx`))
        .send(bytes);
    },
  );

  app.get(
    '/bulletins/:id/tables.xlsx',
    { config: read, schema: { tags, summary: '下载通报附表（XLSX：综合排名、逾期未办结事项）', params: IdParams } },
    async (req, reply) => {
      const { doc, name, ascii } = await officialOf(req, req.params.id);
      // the ranking table is always there, so the workbook is never empty
      const bytes = (await renderOfficialXlsx(doc))!;
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${name}（附表）.xlsx`, `${ascii}-tables.xlsx`))
        .send(bytes);
    },
  );
};
