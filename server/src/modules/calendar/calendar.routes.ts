import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CalendarDay,
  CalendarDayQuery,
  CalendarOverride,
  CalendarOverrideList,
  CalendarOverrideQuery,
  CalendarStatus,
  CalendarYear,
  CalendarYearQuery,
  DeadlineQuery,
  DeadlineResponse,
  Ok,
  WorkingDaysQuery,
  WorkingDaysResponse,
  CalendarDate,
} from '@qinlian/contracts';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires, signedIn } from '../../platform/policy/policy.ts';
import { invalid } from '../../platform/errors.ts';
import { calendarFor, calendarStatus, removeOverride, setOverride } from '../../platform/calendar/calendar.service.ts';
import { calendarYear, overridesOfYear } from './calendar-year.ts';

const tags = ['calendar'];

/** 工作日历: deadlines in working days for people and for other systems (API tokens). */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/deadline',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '起始日后第 N 个工作日', querystring: DeadlineQuery, response: { 200: DeadlineResponse } },
    },
    async (req) => ({ date: (await calendarFor(app.deps.db)).addWorkingDays(req.query.start, req.query.workingDays) }),
  );

  app.get(
    '/calendar/working-days',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '两日之间的工作日数（含首尾）', querystring: WorkingDaysQuery, response: { 200: WorkingDaysResponse } },
    },
    async (req) => {
      const { from, to } = req.query;
      if (to < from)
        throw invalid([
          {
            path: 'querystring.to',
            message: req.headers['accept-language']?.startsWith('en') ? 'must not be before from' : '结束日期不能早于开始日期',
          },
        ]);
      if (Date.parse(to) - Date.parse(from) > 3660 * 86_400_000) throw invalid([{ path: 'querystring.to', message: '≤ 10 years' }]);
      return { count: (await calendarFor(app.deps.db)).workingDaysBetween(from, to) };
    },
  );

  app.get(
    '/calendar/day',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '某日是否上班', querystring: CalendarDayQuery, response: { 200: CalendarDay } },
    },
    async (req) => ({ date: req.query.date, ...(await calendarFor(app.deps.db)).dayInfo(req.query.date) }),
  );

  app.get(
    '/calendar/status',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '节假日数据覆盖情况', response: { 200: CalendarStatus } },
    },
    async () => calendarStatus(app.deps.clock.now()),
  );

  app.get(
    '/calendar/overrides',
    {
      config: { policy: signedIn },
      schema: { tags, summary: '本地节假日调整（可按年份）', querystring: CalendarOverrideQuery, response: { 200: CalendarOverrideList } },
    },
    async (req) => ({ items: await overridesOfYear(app.deps.db, req.query.year) }),
  );

  app.get(
    '/calendar/year',
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: '全年特殊日：法定节假日、调休上班日与本地调整',
        querystring: CalendarYearQuery,
        response: { 200: CalendarYear },
      },
    },
    async (req) => calendarYear(app.deps.db, req.query.year, ctxOf(req).lang),
  );

  app.put(
    '/calendar/overrides',
    {
      config: { policy: requires('calendar.manage') },
      schema: { tags, summary: '新增或修改本地调整', body: CalendarOverride, response: { 200: Ok } },
    },
    async (req) => {
      await setOverride(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.delete(
    '/calendar/overrides/:date',
    {
      config: { policy: requires('calendar.manage') },
      schema: { tags, summary: '删除本地调整', params: z.object({ date: CalendarDate }), response: { 200: Ok } },
    },
    async (req) => {
      await removeOverride(ctxOf(req), req.params.date);
      return { ok: true as const };
    },
  );
};
