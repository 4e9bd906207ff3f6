import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Experience,
  ExperienceEditBody,
  ExperiencePage,
  ExperienceQuery,
  ExperienceSelectBody,
  ExperienceSubmitBody,
  IdParams,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires } from '../../platform/policy/policy.ts';
import { presentExperience, presentExperiences } from './experiences.presenter.ts';
import { editExperience, listExperiences, loadExperience, selectExperience, submitExperience } from './experiences.service.ts';

const tags = ['summaries'];

/** 半年一总结: typical experiences — submitted by departments, selected and edited by the office. */
export const experienceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/summaries/experiences',
    {
      config: { policy: requires('summaries.read') },
      schema: { tags, summary: '典型经验列表（按半年，新的在前）', querystring: ExperienceQuery, response: { 200: ExperiencePage } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listExperiences(ctx, req.query);
      return { items: await presentExperiences(ctx, items), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/summaries/experiences',
    {
      config: { policy: requires('summaries.submit') },
      schema: { tags, summary: '提交本部门典型经验（标题、正文）', body: ExperienceSubmitBody, response: { 201: Experience } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await presentExperience(ctx, await submitExperience(ctx, req.body)));
    },
  );

  app.get(
    '/summaries/experiences/:id',
    {
      config: { policy: requires('summaries.read') },
      schema: { tags, summary: '一篇典型经验', params: IdParams, response: { 200: Experience } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentExperience(ctx, await loadExperience(ctx, req.params.id));
    },
  );

  app.put(
    '/summaries/experiences/:id',
    {
      // the department edits its own before selection, the office until publication: the service tells them apart
      config: { policy: requires('summaries.read') },
      schema: {
        tags,
        summary: '修改典型经验（部门：入选前；办公室：发布前）',
        params: IdParams,
        body: ExperienceEditBody,
        response: { 200: Experience },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentExperience(ctx, await editExperience(ctx, req.params.id, req.body));
    },
  );

  app.post(
    '/summaries/experiences/:id/select',
    {
      config: { policy: requires('summaries.review') },
      schema: {
        tags,
        summary: '遴选典型经验（编入或移出本半年的汇编）',
        params: IdParams,
        body: ExperienceSelectBody,
        response: { 200: Experience },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentExperience(ctx, await selectExperience(ctx, req.params.id, req.body));
    },
  );
};
