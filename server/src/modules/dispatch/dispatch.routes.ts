import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  DispatchCloseBody,
  DispatchDecisionBody,
  DispatchDecisionParams,
  DispatchDraftBody,
  DispatchMakeTaskBody,
  DispatchMeetingBody,
  DispatchSheet,
  DispatchSheetEditBody,
  DispatchSheetPage,
  DispatchSheetQuery,
  DispatchVersionQuery,
  IdParams,
  isoWeekOf,
  isoWeekSpan,
} from '@qinlian/contracts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { addDecision, makeDecisionTask, removeDecision } from './dispatch-decisions.service.ts';
import { draftSheet, loadSheet } from './dispatch-drafting.service.ts';
import { closeSheet, recordMeeting } from './dispatch-meeting.service.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { presentSheet, presentSheetSummaries } from './dispatch.presenter.ts';
import { editSheet, listSheets } from './dispatch.service.ts';
import type { SheetRow } from './dispatch.repo.ts';

const tags = ['dispatch'];

/** 一周一调度: the sheets by week, one sheet, its editor's save, the meeting, decisions and their tasks, closing. */
export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  const sheet = (req: FastifyRequest, row: SheetRow) => presentSheet(ctxOf(req), row);
  const manage = { policy: dispatchPolicy.route('manage') };

  app.get(
    '/dispatch/sheets',
    {
      config: { policy: dispatchPolicy.route('read') },
      schema: {
        tags,
        summary: '调度单列表（按周，新的在前；含本周）',
        querystring: DispatchSheetQuery,
        response: { 200: DispatchSheetPage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listSheets(ctx, req.query);
      const week = isoWeekOf(shanghaiDate(ctx.clock.now()));
      const { start, end } = isoWeekSpan(week);
      return {
        items: await presentSheetSummaries(ctx, items),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        currentWeek: { week, weekStart: start, weekEnd: end },
      };
    },
  );

  app.post(
    '/dispatch/sheets',
    {
      config: manage,
      schema: {
        tags,
        summary: '起草一周的调度单（红黄灯任务、重大项目问题、未反馈的领导批示，按分管领导分组；同一周只能起草一次）',
        body: DispatchDraftBody,
        response: { 201: DispatchSheet },
      },
    },
    async (req, reply) => reply.status(201).send(await sheet(req, await draftSheet(ctxOf(req), req.body))),
  );

  app.get(
    '/dispatch/sheets/:id',
    {
      config: { policy: dispatchPolicy.route('read') },
      schema: {
        tags,
        summary: '调度单（事项按分管领导分组、会议记录、议定事项及其督办任务）',
        params: IdParams,
        response: { 200: DispatchSheet },
      },
    },
    async (req) => sheet(req, await loadSheet(ctxOf(req), req.params.id)),
  );

  app.put(
    '/dispatch/sheets/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '保存调度单（标题、说明、事项的顺序、删减、新增、备注、分管领导）',
        params: IdParams,
        body: DispatchSheetEditBody,
        response: { 200: DispatchSheet },
      },
    },
    async (req) => sheet(req, await editSheet(ctxOf(req), req.params.id, req.body)),
  );

  app.put(
    '/dispatch/sheets/:id/meeting',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录调度会议（时间、地点、主持人、参会与缺席及原因、会议纪要）',
        params: IdParams,
        body: DispatchMeetingBody,
        response: { 200: DispatchSheet },
      },
    },
    async (req) => sheet(req, await recordMeeting(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/dispatch/sheets/:id/decisions',
    {
      config: manage,
      schema: {
        tags,
        summary: '新增议定事项（责任单位、责任人、完成时限）',
        params: IdParams,
        body: DispatchDecisionBody,
        response: { 201: DispatchSheet },
      },
    },
    async (req, reply) => reply.status(201).send(await sheet(req, await addDecision(ctxOf(req), req.params.id, req.body))),
  );

  app.delete(
    '/dispatch/sheets/:id/decisions/:decisionId',
    {
      config: manage,
      schema: {
        tags,
        summary: '删除议定事项（已转为督办任务的不能删除）',
        params: DispatchDecisionParams,
        querystring: DispatchVersionQuery,
        response: { 200: DispatchSheet },
      },
    },
    async (req) => sheet(req, await removeDecision(ctxOf(req), req.params.id, req.params.decisionId, req.query.version)),
  );

  app.post(
    '/dispatch/sheets/:id/decisions/:decisionId/task',
    {
      config: manage,
      schema: {
        tags,
        summary: '议定事项转为督办任务（一键；任务书注明来源会议）',
        params: DispatchDecisionParams,
        body: DispatchMakeTaskBody,
        response: { 201: DispatchSheet },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await makeDecisionTask(ctx, req.params.id, req.params.decisionId, req.body);
      return reply.status(201).send(await sheet(req, await loadSheet(ctx, req.params.id)));
    },
  );

  app.post(
    '/dispatch/sheets/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '调度单归档（议定事项均已转为督办任务；归档后不可再改）',
        params: IdParams,
        body: DispatchCloseBody,
        response: { 200: DispatchSheet },
      },
    },
    async (req) => sheet(req, await closeSheet(ctxOf(req), req.params.id, req.body)),
  );
};
