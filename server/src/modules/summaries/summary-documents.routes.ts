import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  IdParams,
  SummaryDocument,
  SummaryDocumentDraftBody,
  SummaryDocumentEditBody,
  SummaryDocumentPage,
  SummaryDocumentPreview,
  SummaryDocumentPublishBody,
  SummaryDocumentQuery,
} from '@qinlian/contracts';
import { officialPreview, renderOfficialDocx, renderOfficialXlsx } from '../../platform/documents/official/index.ts';
import { notFound } from '../../platform/errors.ts';
import { attachment, DOCX_MIME, XLSX_MIME } from '../../platform/http/download.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires } from '../../platform/policy/policy.ts';
import { compile } from './summary-compilation.ts';
import { presentDocumentListItem, presentSummaryDocument } from './summary-documents.presenter.ts';
import type { SummaryDocumentRow } from './summary-documents.repo.ts';
import {
  draftSummaryDocument,
  editSummaryDocument,
  listSummaryDocuments,
  loadSummaryDocument,
  publishSummaryDocument,
} from './summary-documents.service.ts';

const tags = ['summaries'];

/** 汇编: the area's monthly summaries and experience collections — draft, edit, preview, download, publish. */
export const summaryDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const review = { policy: requires('summaries.review') };
  const read = { policy: requires('summaries.read') };
  const present = async (req: FastifyRequest, row: SummaryDocumentRow) => {
    const ctx = ctxOf(req);
    return presentSummaryDocument(ctx, row, await compile(ctx, row));
  };
  /** the document as it prints now, and a file name for it */
  const printed = async (req: FastifyRequest, id: string) => {
    const ctx = ctxOf(req);
    const row = await loadSummaryDocument(ctx, id);
    return { row, document: (await compile(ctx, row)).document };
  };

  app.get(
    '/summaries/documents',
    {
      config: read,
      schema: {
        tags,
        summary: '汇编列表（月度工作小结、典型经验汇编）',
        querystring: SummaryDocumentQuery,
        response: { 200: SummaryDocumentPage },
      },
    },
    async (req) => {
      const { items, total } = await listSummaryDocuments(ctxOf(req), req.query);
      return { items: items.map(presentDocumentListItem), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/summaries/documents',
    {
      config: review,
      schema: {
        tags,
        summary: '起草汇编（月度工作小结：已结束的月份；典型经验汇编：半年）',
        body: SummaryDocumentDraftBody,
        response: { 201: SummaryDocument },
      },
    },
    async (req, reply) => reply.status(201).send(await present(req, await draftSummaryDocument(ctxOf(req), req.body))),
  );

  app.get(
    '/summaries/documents/:id',
    { config: read, schema: { tags, summary: '一份汇编（所含的小结或典型经验）', params: IdParams, response: { 200: SummaryDocument } } },
    async (req) => present(req, await loadSummaryDocument(ctxOf(req), req.params.id)),
  );

  app.put(
    '/summaries/documents/:id',
    {
      config: review,
      schema: {
        tags,
        summary: '编辑汇编草稿（标题、发文机关、机关代字、编者按）',
        params: IdParams,
        body: SummaryDocumentEditBody,
        response: { 200: SummaryDocument },
      },
    },
    async (req) => present(req, await editSummaryDocument(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/summaries/documents/:id/publish',
    {
      config: review,
      schema: {
        tags,
        summary: '发布汇编（取发文字号；发布后不可再改）',
        params: IdParams,
        body: SummaryDocumentPublishBody,
        response: { 200: SummaryDocument },
      },
    },
    async (req) => present(req, await publishSummaryDocument(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/summaries/documents/:id/preview',
    { config: read, schema: { tags, summary: '汇编的公文预览（HTML）', params: IdParams, response: { 200: SummaryDocumentPreview } } },
    async (req) => ({ html: officialPreview((await printed(req, req.params.id)).document) }),
  );

  app.get(
    '/summaries/documents/:id/document.docx',
    { config: read, schema: { tags, summary: '下载汇编（DOCX，GB/T 9704 公文格式）', params: IdParams } },
    async (req, reply) => {
      const { row, document } = await printed(req, req.params.id);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment(`${row.title}.docx`, `summary-${row.period}.docx`))
        .send(await renderOfficialDocx(document));
    },
  );

  app.get(
    '/summaries/documents/:id/document.xlsx',
    { config: read, schema: { tags, summary: '下载汇编中的表格（XLSX）', params: IdParams } },
    async (req, reply) => {
      const { row, document } = await printed(req, req.params.id);
      const bytes = await renderOfficialXlsx(document);
      if (!bytes) throw notFound();
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${row.title}.xlsx`, `summary-${row.period}.xlsx`))
        .send(bytes);
    },
  );
};
