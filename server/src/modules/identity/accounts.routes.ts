import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccountPage, AccountQuery, IdParams, UnlockResult } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires } from '../../platform/policy/policy.ts';
import { listAccounts, unlockAccount } from './accounts.service.ts';
import { presentAccount } from './accounts.presenter.ts';

const tags = ['users'];
const manageUsers = requires('users.manage');

/** 账号管理: the list of accounts and releasing a delayed name. Disable, enable, reset and roles are access.routes.ts. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { policy: manageUsers },
      schema: {
        tags,
        summary: '账号列表（按用户名或姓名、状态、角色筛选）',
        querystring: AccountQuery,
        response: { 200: AccountPage },
      },
    },
    async (req) => {
      const { items, total } = await listAccounts(ctxOf(req), app.config.lockout, req.query);
      return { items: items.map((a) => presentAccount(req.actor!, a)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { policy: manageUsers },
      schema: { tags, summary: '解除登录限速（该用户名在各来源地址的连续失败清零）', params: IdParams, response: { 200: UnlockResult } },
    },
    async (req) => ({ released: await unlockAccount(ctxOf(req), app.config.lockout, req.params.id) }),
  );
};
