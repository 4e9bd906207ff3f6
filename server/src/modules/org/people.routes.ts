import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  ImportJob,
  ImportQuery,
  ImportReport,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonAccountBody,
  PersonCreateBody,
  PersonCreated,
  PersonUpdateBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { notFound } from '../../platform/errors.ts';
import { personPolicy } from './org.policy.ts';
import {
  createPerson,
  getPerson,
  openAccountForPerson,
  listPeople,
  personPhoto,
  personView,
  personViews,
  setPersonPhoto,
  updatePerson,
} from './people.service.ts';
import { presentPerson } from './people.presenter.ts';
import { exportPeopleXlsx, peopleImportTemplate } from './people.export.ts';
import { attachment, exportDay, XLSX_MIME as XLSX } from '../../platform/http/download.ts';
import { importPeople } from './people.import.ts';
import { answerImport } from '../../platform/documents/import-jobs.ts';

const tags = ['org'];
const ExportQuery = PeopleQuery.omit({ page: true, pageSize: true });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      config: { policy: personPolicy.route('read') },
      schema: { tags, summary: '人员列表（按数据权限）', querystring: PeopleQuery, response: { 200: PeoplePage } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listPeople(ctx, req.query);
      const views = await personViews(ctx.db, items);
      return { items: views.map((v) => presentPerson(req.actor!, v)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/people/export.xlsx',
    {
      config: { policy: personPolicy.route('read') },
      schema: { tags, summary: '导出人员名单（XLSX，与列表同一筛选）', querystring: ExportQuery },
    },
    async (req, reply) => {
      const bytes = await exportPeopleXlsx(ctxOf(req), req.query);
      const day = exportDay(req.server.deps.clock.now());
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`人员名单-${day}.xlsx`, `people-${day}.xlsx`))
        .send(bytes);
    },
  );

  app.get(
    '/people/import-template.xlsx',
    {
      config: { policy: personPolicy.route('manage') },
      schema: { tags, summary: '人员导入模板（XLSX）' },
    },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('人员导入模板.xlsx', 'people-import-template.xlsx'))
        .send(await peopleImportTemplate(ctxOf(req))),
  );

  app.post(
    '/people/import',
    {
      config: { policy: personPolicy.route('manage') },
      schema: {
        tags,
        summary: '批量导入人员（XLSX；先校验全部行，有错不写入）',
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, 202: ImportJob },
      },
    },
    async (req, reply) =>
      answerImport(req, reply, { kind: 'people', background: req.query.background === 'true' }, (bytes, reading) =>
        importPeople(ctxOf(req), bytes, { dryRun: req.query.dryRun === 'true', reading }),
      ),
  );

  app.get(
    '/people/:id',
    {
      config: { policy: personPolicy.route('read') },
      schema: { tags, summary: '人员详情', params: IdParams, response: { 200: Person } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentPerson(req.actor!, await personView(ctx.db, await getPerson(ctx, req.params.id)));
    },
  );

  app.post(
    '/people',
    {
      config: { policy: personPolicy.route('manage') },
      schema: { tags, summary: '登记人员（可同时开设账号）', body: PersonCreateBody, response: { 201: PersonCreated } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { row, initialPassword } = await createPerson(ctx, req.body);
      return reply.status(201).send({ ...presentPerson(req.actor!, await personView(ctx.db, row)), initialPassword });
    },
  );

  app.patch(
    '/people/:id',
    {
      config: { policy: personPolicy.route('manage') },
      schema: { tags, summary: '修改或调动人员', params: IdParams, body: PersonUpdateBody, response: { 200: Person } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentPerson(req.actor!, await personView(ctx.db, await updatePerson(ctx, req.params.id, req.body)));
    },
  );

  app.post(
    '/people/:id/account',
    {
      config: { policy: personPolicy.route('manage') },
      schema: {
        tags,
        summary: '为已登记人员开设登录账号（初始密码只显示一次）',
        params: IdParams,
        body: PersonAccountBody,
        response: { 201: PersonCreated },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { row, initialPassword } = await openAccountForPerson(ctx, req.params.id, req.body);
      return reply.status(201).send({ ...presentPerson(req.actor!, await personView(ctx.db, row)), initialPassword });
    },
  );

  app.post(
    '/people/:id/photo',
    {
      config: { policy: personPolicy.route('manage') },
      schema: {
        tags,
        summary: '上传工作照（PNG/JPEG/WebP）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: Person },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { bytes } = await readUpload(req);
      const row = await setPersonPhoto(ctx, req.params.id, { bytes, dataDir: req.server.config.dataDir });
      return presentPerson(req.actor!, await personView(ctx.db, row));
    },
  );

  app.get(
    '/people/:id/photo',
    {
      config: { policy: personPolicy.route('read') },
      schema: { tags, summary: '工作照', params: IdParams },
    },
    async (req, reply) => {
      const { file, mime } = await personPhoto(ctxOf(req), req.params.id, req.server.config.dataDir);
      const handle = await fs.promises.open(file).catch(() => {
        throw notFound();
      });
      return reply.type(mime).header('cache-control', 'private, no-cache').send(handle.createReadStream());
    },
  );
};
