import type { TaskCreateBody } from '@qinlian/contracts';
import { signIn, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPost,
  buildSignedInUser,
  buildTask,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { fixedClock } from '../../platform/clock.ts';
import { taskRowById, takeStep, uploadEvidence } from '../tasks/index.ts';

/** 16:00 in Shanghai on a date: when the month-end job runs. */
export const fourPm = (date: string) => new Date(`${date}T08:00:00Z`);
/** 10:00 in Shanghai on a date. */
export const morning = (date: string) => new Date(`${date}T02:00:00Z`);

/**
 * A task of `leadDepartmentId` assigned and accepted now, then reported done, asked to close and closed
 * (销号) by the system at `closeAt` — its lateness counted on the working-day calendar as a real close-out is.
 */
export async function closedTask(t: TestApp, overrides: Partial<TaskCreateBody> & { closeAt: Date }) {
  const { closeAt, ...task } = overrides;
  const now = systemCtx(t.db, t.clock);
  const then = systemCtx(t.db, fixedClock(closeAt));
  const draft = await buildTask(t, task);
  let row = (await takeStep(now, draft.id, { action: 'assign', version: draft.version })).row;
  row = (await takeStep(now, row.id, { action: 'accept', version: row.version })).row;
  row = (await takeStep(then, row.id, { action: 'report', version: row.version, percent: 100, comment: '已完成' })).row;
  const bytes = Buffer.from('销号佐证材料');
  const file = await uploadEvidence(then, { bytes, filename: '佐证.txt', mimetype: 'text/plain', dataDir: t.config.dataDir });
  row = (await takeStep(then, row.id, { action: 'request_close', version: row.version, comment: '已完成', fileIds: [file.id] })).row;
  await takeStep(then, row.id, { action: 'close', version: row.version, comment: '同意销号' });
  return (await taskRowById(t.db.db, row.id))!;
}

/** A task of `leadDepartmentId` assigned (交办) now and left open. */
export async function openTask(t: TestApp, overrides: Partial<TaskCreateBody>) {
  const draft = await buildTask(t, overrides);
  return (await takeStep(systemCtx(t.db, t.clock), draft.id, { action: 'assign', version: draft.version })).row;
}

/** A department's head (局长, on the post of that name), signed in with the right to submit its summaries. */
export async function headOf(t: TestApp, department: { id: string; name: string }) {
  const head = await buildPerson(t, { departmentId: department.id, name: `${department.name}局长`, title: '局长' });
  await buildPost(t, { departmentId: department.id, name: '局长', aPersonId: head.id, bPersonId: null });
  const { session, user } = await buildSignedInUser(t, {
    permissions: ['summaries.read', 'summaries.submit'],
    dataScope: 'dept_and_below',
    personId: head.id,
  });
  return { department, head, session, signInAgain: () => signIn(t.app, user.username, TEST_PASSWORD) };
}

/** Where the harness's clock starts: Monday 2 March 2026, 09:00 in Shanghai — February is over. */
export const START = new Date('2026-03-02T01:00:00Z');

/**
 * 一月一小结's world: the 城管局 and the 交通局, each with its head; the office (review, scope all); and
 * the 城管局's tasks of February 2026, made on 2 February — one closed on time (due 13th, closed 10th),
 * one closed late (due 6th, closed 12th), one open past its due date (20th), one open and due in
 * June, one closed only on 1 March (open when February ended), a draft due in February (never
 * counted) — plus the 交通局's one task, closed on time. The clock is back at START when it returns.
 */
export async function summaryWorld(t: TestApp) {
  const measure = await buildMeasure(t);
  t.clock.set(morning('2026-02-02'));
  const city = await buildDepartment(t, { name: '城市管理局' });
  const transport = await buildDepartment(t, { name: '交通运输局' });
  const ofCity = { measureId: measure.id, leadDepartmentId: city.id, startDate: '2026-02-02' };
  const tasks = {
    onTime: await closedTask(t, { ...ofCity, title: '背街小巷环境整治', dueDate: '2026-02-13', closeAt: morning('2026-02-10') }),
    late: await closedTask(t, { ...ofCity, title: '占道经营集中整治', dueDate: '2026-02-06', closeAt: morning('2026-02-12') }),
    overdue: await openTask(t, { ...ofCity, title: '渣土车专项治理', dueDate: '2026-02-20' }),
    later: await openTask(t, { ...ofCity, title: '智慧城管平台建设', dueDate: '2026-06-30' }),
    afterMonth: await closedTask(t, { ...ofCity, title: '井盖专项排查', dueDate: '2026-03-31', closeAt: morning('2026-03-01') }),
    draft: await buildTask(t, { ...ofCity, title: '未交办的任务', dueDate: '2026-02-10' }),
    transport: await closedTask(t, {
      measureId: measure.id,
      leadDepartmentId: transport.id,
      title: '公交线路优化',
      startDate: '2026-02-02',
      dueDate: '2026-02-27',
      closeAt: morning('2026-02-26'),
    }),
  };
  t.clock.set(START);
  const office = (await buildSignedInUser(t, { permissions: ['summaries.read', 'summaries.review'], dataScope: 'all' })).session;
  return { city: await headOf(t, city), transport: await headOf(t, transport), office, measure, tasks };
}
export type SummaryWorld = Awaited<ReturnType<typeof summaryWorld>>;

/** A request that must answer `status`; its JSON. */
export async function ok<T>(s: Session, opts: Parameters<Session['request']>[0], status = 200): Promise<T> {
  const res = await s.request(opts);
  if (res.statusCode !== status) throw new Error(`${opts.method} ${opts.url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
