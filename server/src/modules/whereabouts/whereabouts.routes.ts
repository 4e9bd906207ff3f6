import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DoorBoardLink,
  IdParams,
  WhereaboutsPersonParams,
  PersonWhereabouts,
  WhereaboutsBoard,
  WhereaboutsHistoryPage,
  WhereaboutsHistoryQuery,
  WhereaboutsSetBody,
} from '@qinlian/contracts';
import { sendKeptJson } from '../../platform/http/json-text.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { liveStreamResponse, streamLive } from '../../platform/live/sse.ts';
import { boardPolicy, whereaboutsPolicy } from './whereabouts.policy.ts';
import { doorBoardChannel, myPersonId, personWhereabouts, setWhereabouts, whereaboutsHistory } from './whereabouts.service.ts';
import { boardOf, doorBoardFor, visibleDepartment } from './whereabouts-board.service.ts';
import { keptBoard } from './whereabouts-board.cache.ts';
import { presentBoard, presentDoorBoardLink, presentHistoryItem, presentPersonWhereabouts } from './whereabouts.presenter.ts';
import { plannedAbsenceRoutes } from './planned-absences.routes.ts';

const tags = ['whereabouts'];

/** 工作人员去向牌 (signed in): one's own and others' whereabouts, history, a department's board and its live stream. */
export const whereaboutsRoutes: FastifyPluginAsyncZod = async (app) => {
  const card = async (req: Parameters<typeof ctxOf>[0], personId: string) =>
    presentPersonWhereabouts(req.actor!, await personWhereabouts(ctxOf(req), personId));

  app.get(
    '/whereabouts/me',
    {
      config: { policy: whereaboutsPolicy.route('read') },
      schema: { tags, summary: '我的去向（从未设置即为在岗）', response: { 200: PersonWhereabouts } },
    },
    async (req) => card(req, myPersonId(ctxOf(req))),
  );

  app.get(
    '/whereabouts/people/:personId',
    {
      config: { policy: whereaboutsPolicy.route('read') },
      schema: { tags, summary: '某人的去向', params: WhereaboutsPersonParams, response: { 200: PersonWhereabouts } },
    },
    async (req) => card(req, req.params.personId),
  );

  app.put(
    '/whereabouts/people/:personId',
    {
      config: { policy: whereaboutsPolicy.route('set') },
      schema: {
        tags,
        summary: '设置去向（本人，或本部门负责人、督查办）；外出、出差、请假、培训时 AB 岗由 B 角履职',
        params: WhereaboutsPersonParams,
        body: WhereaboutsSetBody,
        response: { 200: PersonWhereabouts },
      },
    },
    async (req) => {
      await setWhereabouts(ctxOf(req), req.params.personId, req.body);
      return card(req, req.params.personId);
    },
  );

  app.get(
    '/whereabouts/people/:personId/history',
    {
      config: { policy: whereaboutsPolicy.route('history') },
      schema: {
        tags,
        summary: '去向记录（本人、本部门负责人、督查办可看）',
        params: WhereaboutsPersonParams,
        querystring: WhereaboutsHistoryQuery,
        response: { 200: WhereaboutsHistoryPage },
      },
    },
    async (req) => {
      const { items, total } = await whereaboutsHistory(ctxOf(req), req.params.personId, req.query);
      return { items: items.map(presentHistoryItem), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/whereabouts/departments/:id',
    {
      config: { policy: boardPolicy.route('read') },
      schema: {
        tags,
        summary: '部门去向一览：谁在岗、谁外出，由谁代岗，无人在岗的岗位',
        params: IdParams,
        response: { 200: WhereaboutsBoard },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const actor = req.actor!;
      const department = await visibleDepartment(ctx, req.params.id); // 404 out of sight, on every request
      // abilities and notes depend on who reads (a token may hold fewer permissions than its owner)
      const key = `${actor.via}|${actor.userId}|${[...actor.permissions].join(',')}|${department.id}`;
      const body = await keptBoard(ctx, key, async () =>
        Buffer.from(JSON.stringify(presentBoard(actor, await boardOf(ctx.db, department)))),
      );
      return sendKeptJson(reply, body);
    },
  );

  app.get(
    '/whereabouts/departments/:id/door-board',
    {
      config: { policy: boardPolicy.route('read') },
      schema: {
        tags,
        summary: '部门去向牌的公开查询码（首次获取时生成），用于打开门口的展示屏',
        params: IdParams,
        response: { 200: DoorBoardLink },
      },
    },
    async (req) => presentDoorBoardLink(await doorBoardFor(ctxOf(req), req.params.id)),
  );

  app.get(
    '/whereabouts/departments/:id/live',
    {
      config: { policy: boardPolicy.route('read') },
      schema: {
        tags,
        summary: '部门去向的实时事件流（text/event-stream；事件 whereabouts.changed）',
        params: IdParams,
        response: liveStreamResponse('`whereabouts.changed` with `{ personId }` after each change'),
      },
    },
    async (req, reply) => {
      await visibleDepartment(ctxOf(req), req.params.id); // 404 out of sight, before the stream opens
      return streamLive(req, reply, doorBoardChannel(req.params.id));
    },
  );

  await app.register(plannedAbsenceRoutes);
};
