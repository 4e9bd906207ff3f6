import { attachment, exportDay, XLSX_MIME as XLSX } from '../../platform/http/download.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Board,
  BoardQuery,
  IdParams,
  Task,
  TaskCreateBody,
  TaskEventList,
  TaskExportQuery,
  TaskPage,
  TaskQuery,
  TaskUpdateBody,
} from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { sendKeptJson } from '../../platform/http/json-text.ts';
import { taskPolicy } from './tasks.policy.ts';
import { allTasksMatching, createTask, getTask, listTaskItems, taskBoard, taskHistory, updateTask } from './tasks.service.ts';
import { presentBoardItem, presentEvent, presentTask, taskPageJson } from './tasks.presenter.ts';
import { answerTask, taskStepRoute } from './task-step-route.ts';
import { cachedAnswer } from './task-answers.cache.ts';
import { exportTasksXlsx } from './tasks.xlsx.ts';

const tags = ['tasks'];

/** 督办任务: lists, the tag-and-fight board, one task, its history, create and edit. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tasks',
    {
      config: { policy: taskPolicy.route('read') },
      schema: {
        tags,
        summary: '任务列表（我的、本部门、逾期、全部；按工程/举措/部门/领导/状态/预警筛选）',
        querystring: TaskQuery,
        response: { 200: TaskPage },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { page, pageSize } = req.query;
      const json = await cachedAnswer(ctx, `tasks ${JSON.stringify(req.query)}`, async () =>
        Buffer.from(taskPageJson(req.actor!, { ...(await listTaskItems(ctx, req.query)), page, pageSize })),
      );
      return sendKeptJson(reply, json);
    },
  );

  app.get(
    '/tasks/export.xlsx',
    {
      config: { policy: taskPolicy.route('read') },
      schema: { tags, summary: '导出任务清单（XLSX，与列表同一筛选）', querystring: TaskExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const bytes = await exportTasksXlsx(ctx, await allTasksMatching(ctx, req.query));
      const day = exportDay(req.server.deps.clock.now());
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`任务清单-${day}.xlsx`, `tasks-${day}.xlsx`))
        .send(bytes);
    },
  );

  app.get(
    '/tasks/board',
    {
      config: { policy: taskPolicy.route('read') },
      schema: {
        tags,
        summary: '挂牌作战看板：最紧急的挂牌事项（默认 200 项）与全部挂牌事项按状态、预警的计数',
        querystring: BoardQuery,
        response: { 200: Board },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return cachedAnswer(ctx, `board ${JSON.stringify(req.query)}`, async () => {
        const { items, ...figures } = await taskBoard(ctx, req.query);
        return { items: items.map(presentBoardItem), ...figures };
      });
    },
  );

  app.get(
    '/tasks/:id',
    {
      config: { policy: taskPolicy.route('read') },
      schema: { tags, summary: '任务详情（含时间节点与可执行操作）', params: IdParams, response: { 200: Task } },
    },
    async (req) => presentTask(req.actor!, await getTask(ctxOf(req), req.params.id)),
  );

  app.get(
    '/tasks/:id/events',
    {
      config: { policy: taskPolicy.route('read') },
      schema: { tags, summary: '任务记录：交办、签收、进展、催办、批示…', params: IdParams, response: { 200: TaskEventList } },
    },
    async (req) => {
      const { events, files } = await taskHistory(ctxOf(req), req.params.id);
      return { items: events.map((e) => presentEvent(e, files)) };
    },
  );

  app.post(
    '/tasks',
    {
      config: { policy: taskPolicy.route('office') },
      schema: { tags, summary: '新建任务（草稿）或子任务', body: TaskCreateBody, response: { 201: Task } },
    },
    async (req, reply) => reply.status(201).send(await answerTask(req, await createTask(ctxOf(req), req.body))),
  );

  taskStepRoute(app, '/tasks/:id', {
    method: 'PATCH',
    policy: taskPolicy.route('office'),
    summary: '修改任务（草稿、已交办、被拒收时）',
    params: IdParams,
    body: TaskUpdateBody,
    run: (ctx, { id }, body) => updateTask(ctx, id, body),
  });
};
