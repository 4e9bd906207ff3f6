import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Department, DepartmentCreateBody, DepartmentList, DepartmentUpdateBody, IdParams } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { departmentPolicy } from './org.policy.ts';
import {
  archiveDepartment,
  createDepartment,
  departmentHeadcounts,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.ts';
import { presentDepartment } from './departments.presenter.ts';

const tags = ['org'];

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/departments',
    {
      config: { policy: departmentPolicy.route('read') },
      schema: {
        tags,
        summary: '部门树（平铺）',
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }),
        response: { 200: DepartmentList },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const [rows, counts] = await Promise.all([
        listDepartments(ctx, { includeArchived: req.query.includeArchived === 'true' }),
        departmentHeadcounts(ctx.db),
      ]);
      return { items: rows.map((r) => presentDepartment(req.actor!, r, counts.get(r.id) ?? 0)) };
    },
  );

  app.get(
    '/departments/:id',
    {
      config: { policy: departmentPolicy.route('read') },
      schema: { tags, summary: '部门详情', params: IdParams, response: { 200: Department } },
    },
    async (req) => presentDepartment(req.actor!, await getDepartment(ctxOf(req), req.params.id)),
  );

  app.post(
    '/departments',
    {
      config: { policy: departmentPolicy.route('manage') },
      schema: { tags, summary: '新建部门', body: DepartmentCreateBody, response: { 201: Department } },
    },
    async (req, reply) => reply.status(201).send(presentDepartment(req.actor!, await createDepartment(ctxOf(req), req.body))),
  );

  app.patch(
    '/departments/:id',
    {
      config: { policy: departmentPolicy.route('manage') },
      schema: { tags, summary: '重命名或移动部门', params: IdParams, body: DepartmentUpdateBody, response: { 200: Department } },
    },
    async (req) => presentDepartment(req.actor!, await updateDepartment(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/departments/:id/archive',
    {
      config: { policy: departmentPolicy.route('manage') },
      schema: { tags, summary: '撤销部门（存档，不删除）', params: IdParams, response: { 200: Department } },
    },
    async (req) => presentDepartment(req.actor!, await archiveDepartment(ctxOf(req), req.params.id)),
  );
};
