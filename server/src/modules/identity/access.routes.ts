import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiTokenCreateBody,
  ApiTokenCreated,
  ApiToken,
  IdParams,
  Ok,
  PageQuery,
  Role,
  RoleCreateBody,
  RoleList,
  RoleUpdateBody,
  SignInLogEntry,
  UserRolesBody,
  pageOf,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires, sessionOnly, signedIn } from '../../platform/policy/policy.ts';
import {
  createRole,
  deleteRole,
  issueApiToken,
  listApiTokens,
  listRoles,
  listSignIns,
  resetPassword,
  revokeApiToken,
  setUserDisabled,
  setUserRoles,
  updateRole,
} from './access.service.ts';
import { presentRole, presentSignIn, presentToken } from './identity.presenter.ts';

const manageRoles = requires('roles.manage');
const manageUsers = requires('users.manage');
/** minting credentials (a new password, an API token) or listing them needs a person at the console, not a token */
const manageCredentials = sessionOnly(manageUsers);

export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roles',
    { config: { policy: signedIn }, schema: { tags: ['roles'], summary: '角色列表（选择角色时用）', response: { 200: RoleList } } },
    async (req) => ({ items: (await listRoles(ctxOf(req))).map((r) => presentRole(r.row, r.userCount)) }),
  );

  app.post(
    '/roles',
    { config: { policy: manageRoles }, schema: { tags: ['roles'], summary: '新建角色', body: RoleCreateBody, response: { 201: Role } } },
    async (req, reply) => reply.status(201).send(presentRole(await createRole(ctxOf(req), req.body), 0)),
  );

  app.patch(
    '/roles/:id',
    {
      config: { policy: manageRoles },
      schema: { tags: ['roles'], summary: '修改角色权限与数据范围', params: IdParams, body: RoleUpdateBody, response: { 200: Role } },
    },
    async (req) => presentRole(await updateRole(ctxOf(req), req.params.id, req.body), 0),
  );

  app.delete(
    '/roles/:id',
    { config: { policy: manageRoles }, schema: { tags: ['roles'], summary: '删除角色', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await deleteRole(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    '/users/:id/roles',
    {
      config: { policy: manageRoles },
      schema: { tags: ['users'], summary: '设置账号角色', params: IdParams, body: UserRolesBody, response: { 200: Ok } },
    },
    async (req) => {
      await setUserRoles(ctxOf(req), req.params.id, req.body.roleIds);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { policy: manageCredentials },
      schema: {
        tags: ['users'],
        summary: '重置密码（下次登录须修改）',
        params: IdParams,
        response: { 200: z.object({ password: z.string() }) },
      },
    },
    async (req) => ({ password: await resetPassword(ctxOf(req), req.params.id) }),
  );

  app.post(
    '/users/:id/disable',
    { config: { policy: manageUsers }, schema: { tags: ['users'], summary: '停用账号', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await setUserDisabled(ctxOf(req), req.params.id, true);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/enable',
    { config: { policy: manageUsers }, schema: { tags: ['users'], summary: '启用账号', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await setUserDisabled(ctxOf(req), req.params.id, false);
      return { ok: true as const };
    },
  );

  app.get(
    '/api-tokens',
    {
      config: { policy: manageCredentials },
      schema: { tags: ['users'], summary: 'API 令牌列表', response: { 200: z.object({ items: z.array(ApiToken) }) } },
    },
    async (req) => ({ items: (await listApiTokens(ctxOf(req))).map(presentToken) }),
  );

  app.post(
    '/api-tokens',
    {
      config: { policy: manageCredentials },
      schema: { tags: ['users'], summary: '签发 API 令牌（只显示一次）', body: ApiTokenCreateBody, response: { 201: ApiTokenCreated } },
    },
    async (req, reply) => {
      const t = await issueApiToken(ctxOf(req), req.body, app.config.tokenMaxDays);
      return reply.status(201).send({ ...presentToken(t), token: t.token });
    },
  );

  app.delete(
    '/api-tokens/:id',
    {
      config: { policy: manageCredentials },
      schema: { tags: ['users'], summary: '吊销 API 令牌', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await revokeApiToken(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/sign-ins',
    {
      config: { policy: requires('signins.read') },
      schema: {
        tags: ['users'],
        summary: '登录日志',
        querystring: PageQuery.extend({ username: z.string().max(64).optional() }),
        response: { 200: pageOf(SignInLogEntry) },
      },
    },
    async (req) => {
      const r = await listSignIns(ctxOf(req), req.query);
      return { items: r.items.map(presentSignIn), total: r.total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
};
