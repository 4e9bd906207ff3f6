import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Post, PostCreateBody, PostList, PostQuery, PostUpdateBody } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { postPolicy } from './org.policy.ts';
import { archivePost, createPost, listPosts, postViews, updatePost } from './posts.service.ts';
import { presentPost } from './posts.presenter.ts';

const tags = ['org'];

export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/posts',
    {
      config: { policy: postPolicy.route('read') },
      schema: { tags, summary: 'AB岗岗位列表（按数据权限）', querystring: PostQuery, response: { 200: PostList } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const views = await postViews(ctx.db, await listPosts(ctx, req.query));
      return { items: views.map((v) => presentPost(req.actor!, v)) };
    },
  );

  app.post(
    '/posts',
    {
      config: { policy: postPolicy.route('manage') },
      schema: { tags, summary: '新建岗位（A 岗、B 岗）', body: PostCreateBody, response: { 201: Post } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const [view] = await postViews(ctx.db, [await createPost(ctx, req.body)]);
      return reply.status(201).send(presentPost(req.actor!, view!));
    },
  );

  app.patch(
    '/posts/:id',
    {
      config: { policy: postPolicy.route('manage') },
      schema: { tags, summary: '修改岗位或调整 A/B 角', params: IdParams, body: PostUpdateBody, response: { 200: Post } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const [view] = await postViews(ctx.db, [await updatePost(ctx, req.params.id, req.body)]);
      return presentPost(req.actor!, view!);
    },
  );

  app.post(
    '/posts/:id/archive',
    {
      config: { policy: postPolicy.route('manage') },
      schema: { tags, summary: '撤销岗位（存档，不删除）', params: IdParams, response: { 200: Post } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const [view] = await postViews(ctx.db, [await archivePost(ctx, req.params.id)]);
      return presentPost(req.actor!, view!);
    },
  );
};
