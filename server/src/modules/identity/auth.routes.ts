import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  Ok,
  SessionResponse,
  TotpDisableBody,
  TotpEnableBody,
  TotpSetupBody,
  TotpSetupResponse,
} from '@qinlian/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf } from '../../platform/http/request-context.ts';
import { DomainError } from '../../platform/errors.ts';
import { publicRoute, sessionOnly, signedIn, signedInDuringPasswordChange } from '../../platform/policy/policy.ts';
import { actorForUser } from './actor.ts';
import { changePassword, currentUserRow, disableTotp, enableTotp, SESSION_COOKIE, setupTotp, signIn, signOut } from './auth.service.ts';
import { presentCurrentUser } from './identity.presenter.ts';
import type { Reauth } from './reauth.ts';

const tags = ['auth'];
// Every route here handles credentials or the session itself: never reachable with an API token.
const signInRoute = sessionOnly(publicRoute);
const ownAccount = sessionOnly(signedIn);
const ownAccountDuringPasswordChange = sessionOnly(signedInDuringPasswordChange);

/**
 * What re-authentication needs (reauth.ts): the sign-in delay's rule and the client. A delay answers
 * 429 with Retry-After, as sign-in does.
 */
const reauthOf = (req: FastifyRequest): Reauth => ({
  userAgent: req.headers['user-agent'] ?? '',
  rule: { attempts: req.server.config.lockout.attempts, maxMinutes: req.server.config.lockout.minutes },
});
function retryAfter(reply: FastifyReply) {
  return (err: unknown): never => {
    if (err instanceof DomainError && err.code === 'too_many_attempts') reply.header('retry-after', String(err.params.seconds));
    throw err;
  };
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.server.config.secureCookies });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { policy: signInRoute, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: LoginBody, response: { 200: LoginResponse } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const result = await signIn(
        ctx,
        req.body,
        { userAgent: req.headers['user-agent'] ?? '' },
        app.config,
        req.cookies[SESSION_COOKIE],
      ).catch(retryAfter(reply));
      setSessionCookie(req, reply, result.token);
      const actor = await actorForUser(ctx.db, result.user, 'session');
      return { user: await presentCurrentUser(ctx.db, actor, result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: ownAccountDuringPasswordChange },
      schema: { tags, summary: '退出登录', response: { 200: Ok } },
    },
    async (req, reply) => {
      await signOut(ctxOf(req), req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { policy: ownAccountDuringPasswordChange },
      schema: { tags, summary: '当前会话与用户', response: { 200: SessionResponse } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const auth = req.authentication;
      const csrfToken = auth.status === 'ok' && auth.via === 'session' ? auth.csrfToken : '';
      return { user: await presentCurrentUser(ctx.db, req.actor!, await currentUserRow(ctx)), csrfToken };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: ownAccountDuringPasswordChange },
      schema: { tags, summary: '修改本人密码', body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (req, reply) => {
      await changePassword(ctxOf(req), req.body, reauthOf(req), req.cookies[SESSION_COOKIE]).catch(retryAfter(reply));
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { policy: ownAccount },
      schema: { tags, summary: '生成动态验证码密钥（须输入当前密码）', body: TotpSetupBody, response: { 200: TotpSetupResponse } },
    },
    async (req, reply) => setupTotp(ctxOf(req), req.body.password, reauthOf(req)).catch(retryAfter(reply)),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { policy: ownAccount },
      schema: { tags, summary: '启用动态验证码（须输入当前密码）', body: TotpEnableBody, response: { 200: Ok } },
    },
    async (req, reply) => {
      await enableTotp(ctxOf(req), req.body, reauthOf(req)).catch(retryAfter(reply));
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { policy: ownAccount },
      schema: { tags, summary: '停用动态验证码（须输入当前密码）', body: TotpDisableBody, response: { 200: Ok } },
    },
    async (req, reply) => {
      await disableTotp(ctxOf(req), req.body.password, reauthOf(req)).catch(retryAfter(reply));
      return { ok: true as const };
    },
  );
};
