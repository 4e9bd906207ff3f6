import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@qinlian/contracts';
import { attachment, DOCX_MIME, XLSX_MIME } from '../../platform/http/download.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { renderOfficialDocx, renderOfficialXlsx } from '../../platform/documents/official/index.ts';
import { notFound } from '../../platform/errors.ts';
import { dispatchSheetDocument } from './dispatch.document.ts';
import { loadSheet } from './dispatch-drafting.service.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { presentSheet } from './dispatch.presenter.ts';

const tags = ['dispatch'];

/** 调度单 as an official document: DOCX in the GB/T 9704 format, and its tables as XLSX. */
export const dispatchDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const documentOf = async (req: Parameters<typeof ctxOf>[0], id: string) => {
    const ctx = ctxOf(req);
    const sheet = await presentSheet(ctx, await loadSheet(ctx, id));
    return { sheet, doc: dispatchSheetDocument(sheet) };
  };

  app.get(
    '/dispatch/sheets/:id/document.docx',
    {
      config: { policy: dispatchPolicy.route('read') },
      schema: { tags, summary: '调度单公文（DOCX，GB/T 9704 格式）', params: IdParams },
    },
    async (req, reply) => {
      const { sheet, doc } = await documentOf(req, req.params.id);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment(`${sheet.title}.docx`, `dispatch-${sheet.week}.docx`))
        .send(await renderOfficialDocx(doc));
    },
  );

  app.get(
    '/dispatch/sheets/:id/document.xlsx',
    {
      config: { policy: dispatchPolicy.route('read') },
      schema: { tags, summary: '调度单表格（XLSX：各分管领导的调度事项、议定事项及督办任务）', params: IdParams },
    },
    async (req, reply) => {
      const { sheet, doc } = await documentOf(req, req.params.id);
      const bytes = await renderOfficialXlsx(doc);
      if (!bytes) throw notFound(); // every sheet has its items' table; a model without tables has nothing to download
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${sheet.title}.xlsx`, `dispatch-${sheet.week}.xlsx`))
        .send(bytes);
    },
  );
};
