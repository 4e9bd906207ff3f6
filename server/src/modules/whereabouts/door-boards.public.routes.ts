import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DoorBoardCodeParams, DoorBoardPhotoParams, PublicDoorBoard } from '@qinlian/contracts';
import { notFound } from '../../platform/errors.ts';
import { sendJsonText } from '../../platform/http/json-text.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { liveStreamResponse, streamLive } from '../../platform/live/sse.ts';
import { publicApiRoute } from '../../platform/policy/policy.ts';
import { requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { departmentOfCode, doorBoardPhoto, publicDoorBoard } from './whereabouts-board.service.ts';
import { keptBoard } from './whereabouts-board.cache.ts';
import { publicBoardHead, publicBoardJson } from './whereabouts.presenter.ts';
import { doorBoardChannel } from './whereabouts.service.ts';

const tags = ['whereabouts'];
const PhotoQuery = z.object({ v: z.string().max(20).optional() });
const LiveQuery = z.object({ deviceId: z.string().max(64).optional(), lastEventId: z.string().max(128).optional() });

/**
 * 去向牌 beside the office door (no account): the department's board by its public code, its photos
 * and its live stream. Only what a visitor at the door would see.
 */
export const publicDoorBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/door-boards/:code',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '门口去向牌：姓名、照片、岗位、去向、预计返回时间、代岗人',
        params: DoorBoardCodeParams,
        response: { 200: PublicDoorBoard },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const code = requireTrackingCode(req.params.code, ctx.lang, 'params.code');
      // every kiosk at the door asks again on each change: one build per change, the time of each answer added to it
      const head = await keptBoard(ctx, `door|${code}`, async () => publicBoardHead(await publicDoorBoard(ctx, code)));
      return sendJsonText(reply, publicBoardJson(head, ctx.clock.now()));
    },
  );

  app.get(
    '/door-boards/:code/photos/:personId',
    {
      config: { policy: publicApiRoute },
      schema: { tags, summary: '去向牌上人员的工作照（只限此牌上的人）', params: DoorBoardPhotoParams, querystring: PhotoQuery },
    },
    async (req, reply) => {
      const photo = await doorBoardPhoto(ctxOf(req), req.params.code, req.params.personId, req.server.config.dataDir);
      const handle = await fs.promises.open(photo.file).catch(() => {
        throw notFound();
      });
      // the address carries the photo's version: a kiosk keeps it for an hour, no shared cache keeps it at all
      return reply.type(photo.mime).header('cache-control', 'private, max-age=3600').send(handle.createReadStream());
    },
  );

  app.get(
    '/door-boards/:code/live',
    {
      config: { policy: publicApiRoute },
      schema: {
        tags,
        summary: '门口去向牌的实时事件流（text/event-stream；事件 whereabouts.changed；EventSource 用 ?deviceId=）',
        params: DoorBoardCodeParams,
        querystring: LiveQuery,
        response: liveStreamResponse('`whereabouts.changed` with `{ personId }` after each change'),
      },
    },
    async (req, reply) => {
      const department = await departmentOfCode(ctxOf(req), req.params.code);
      return streamLive(req, reply, doorBoardChannel(department.id));
    },
  );
};
