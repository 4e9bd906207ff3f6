import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PlannedAbsence, PlannedAbsenceCreateBody, PlannedAbsencePage, PlannedAbsenceQuery } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { peopleBasics } from '../org/index.ts';
import type { PlannedAbsenceRow } from './planned-absences.repo.ts';
import { cancelAbsence, getAbsence, listAbsences, registerAbsence } from './planned-absences.service.ts';
import { absencePolicy } from './whereabouts.policy.ts';
import { presentAbsence } from './whereabouts.presenter.ts';

const tags = ['whereabouts'];

/** Planned absences with the people's names, in one query. */
async function presentAll(ctx: Ctx, rows: PlannedAbsenceRow[]) {
  const names = await peopleBasics(
    ctx.db,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => presentAbsence(ctx.actor!, r, names.get(r.personId)?.name ?? ''));
}

/** 登记请假/出差/培训 ahead: they switch the person's whereabouts at their start and back at their end. */
export const plannedAbsenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const one = async (req: Parameters<typeof ctxOf>[0], row: PlannedAbsenceRow) => (await presentAll(ctxOf(req), [row]))[0]!;

  app.post(
    '/whereabouts/planned-absences',
    {
      config: { policy: absencePolicy.route('read') },
      schema: {
        tags,
        summary: '登记请假、出差、学习培训（本人，或本部门负责人、督查办代为登记）；已开始的立即生效',
        body: PlannedAbsenceCreateBody,
        response: { 201: PlannedAbsence },
      },
    },
    async (req, reply) => reply.status(201).send(await one(req, await registerAbsence(ctxOf(req), req.body))),
  );

  app.get(
    '/whereabouts/planned-absences',
    {
      config: { policy: absencePolicy.route('read') },
      schema: {
        tags,
        summary: '请假、出差、培训登记（本人的；负责人、督查办可看本部门的）',
        querystring: PlannedAbsenceQuery,
        response: { 200: PlannedAbsencePage },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { items, total } = await listAbsences(ctx, req.query);
      return { items: await presentAll(ctx, items), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/whereabouts/planned-absences/:id',
    {
      config: { policy: absencePolicy.route('read') },
      schema: { tags, summary: '一条请假、出差、培训登记', params: IdParams, response: { 200: PlannedAbsence } },
    },
    async (req) => one(req, await getAbsence(ctxOf(req), req.params.id)),
  );

  app.delete(
    '/whereabouts/planned-absences/:id',
    {
      config: { policy: absencePolicy.route('cancel') },
      schema: {
        tags,
        summary: '撤销登记：未开始的作废；进行中的立即结束，人员恢复在岗（若去向仍是这条登记设的）',
        params: IdParams,
        response: { 200: PlannedAbsence },
      },
    },
    async (req) => one(req, await cancelAbsence(ctxOf(req), req.params.id)),
  );
};
