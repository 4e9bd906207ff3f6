import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PublicDemand,
  PublicDemandParams,
  PublicDemandRatingBody,
  PublicDemandReceipt,
  PublicDemandReopenBody,
  PublicDemandSubmitBody,
  PublicChallengeRefusal,
} from '@qinlian/contracts';
import { deviceIdOf, publicWriteLimits } from '../../platform/http/public-api.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { publicDemand, ratePublicDemand, reopenPublicDemand, submitPublicDemand } from './demands.public.ts';

const tags = ['public'];
/** A person reports a handful of things an hour; a shared address (an office, a carrier) holds many people. */
export const SUBMISSIONS_PER_DEVICE_PER_HOUR = 10;
export const SUBMISSIONS_PER_ADDRESS_PER_HOUR = 200;

/** 群众诉求 for the public, no account: submit from the QR poster's form, follow by the tracking code, rate, reopen. */
export const publicDemandRoutes: FastifyPluginAsyncZod = async (app) => {
  const { rateLimit, onRequest } = publicWriteLimits(app, {
    perDevice: SUBMISSIONS_PER_DEVICE_PER_HOUR,
    perAddress: SUBMISSIONS_PER_ADDRESS_PER_HOUR,
    challenge: 'demands', // 安全校验 past the soft thresholds (config.publicChallenge): 428 with a proof of work to do
  });
  const writes = { config: { policy: publicApiRoute, rateLimit }, onRequest };

  app.post(
    '/demands',
    {
      ...writes,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: '提交诉求或民生实事建议（无需账号；返回查询码）',
        body: PublicDemandSubmitBody,
        response: { 201: PublicDemandReceipt, 428: PublicChallengeRefusal },
      },
    },
    async (req, reply) => reply.status(201).send(await submitPublicDemand(ctxOf(req), req.server.config, req.body, deviceIdOf(req))),
  );

  app.get(
    '/demands/:code',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '凭查询码查看办理进度、答复和预计办结日期（格式不对 400，查无此码 404）',
        params: PublicDemandParams,
        response: { 200: PublicDemand },
      },
    },
    async (req) => publicDemand(ctxOf(req), req.params.code),
  );

  app.post(
    '/demands/:code/rating',
    {
      ...writes,
      schema: {
        tags,
        summary: '答复后评价一次（1–5 分；1–2 分为差评，转为整改）',
        params: PublicDemandParams,
        body: PublicDemandRatingBody,
        response: { 200: PublicDemand, 428: PublicChallengeRefusal },
      },
    },
    async (req) => ratePublicDemand(ctxOf(req), req.params.code, req.body),
  );

  app.post(
    '/demands/:code/reopen',
    {
      ...writes,
      schema: {
        tags,
        summary: '对答复不满意，申请重新办理（一次，办结后 15 天内）',
        params: PublicDemandParams,
        body: PublicDemandReopenBody,
        response: { 200: PublicDemand, 428: PublicChallengeRefusal },
      },
    },
    async (req) => reopenPublicDemand(ctxOf(req), req.params.code, req.body),
  );
};
