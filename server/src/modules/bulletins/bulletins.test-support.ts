import type { Bulletin, Permission } from '@qinlian/contracts';
import type { Session, TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildPlan, buildProgramme, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { refreshWarnings, takeStep, taskRowById, uploadEvidence, type TaskRow } from '../tasks/index.ts';

/** 2026 Q1 ends on 31 March; the figures are taken on 2 April, 09:00 in Shanghai. */
export const AFTER_Q1 = new Date('2026-04-02T01:00:00Z');
const at = (day: string) => new Date(`${day}T01:00:00Z`);

type Step = Parameters<typeof takeStep>[2];

/**
 * A task's life through the supervision module (as the system, telling nobody), each step on the
 * day given (09:00 in Shanghai): assigned, accepted, a report, a close-out request with evidence,
 * then closed or returned as asked.
 */
export function taskLife(t: TestApp) {
  const ctx = systemCtx(t.db, t.clock);
  let row: TaskRow;
  const step = async (day: string, action: Step['action'], extra: Partial<Step> = {}) => {
    t.clock.set(at(day));
    row = (await takeStep(ctx, row.id, { action, version: row.version, ...extra })).row;
  };
  const evidence = async () =>
    (
      await uploadEvidence(ctx, {
        bytes: Buffer.from('整改完成情况说明'),
        filename: '说明.txt',
        mimetype: 'text/plain',
        dataDir: t.config.dataDir,
      })
    ).id;
  return {
    start: async (task: TaskRow, day = '2026-03-02') => {
      row = task;
      await step(day, 'assign');
      await step(day, 'accept');
      await step(day, 'report', { percent: 50 });
    },
    /** carry on with a task already under way, as it stands now */
    resume: async (taskId: string) => {
      row = (await taskRowById(t.db.db, taskId))!;
    },
    requestClose: async (day: string) => step(day, 'request_close', { fileIds: [await evidence()] }),
    close: async (day: string) => step(day, 'close', { comment: '同意销号' }),
    returnIt: async (day: string) => step(day, 'return', { comment: '佐证不足，退回重办' }),
    get row() {
      return row;
    },
  };
}

/**
 * A quarter to bulletin (2026 Q1 of a plan of its own), where the 城市管理局 is plainly the best and
 * the 交通运输局 plainly the worst:
 * - 城市管理局: two tasks closed on time;
 * - 财政金融局: one closed on time, one open but not due until June (neither overdue nor red);
 * - 交通运输局: one closed late, one whose close-out was returned and is now overdue, one simply overdue;
 * - 审计局: only a draft (nobody's work yet: not ranked); and a task of another plan, closed, for the 城市管理局.
 * The clock is left on 2 April with the colours refreshed; the caller puts it back.
 */
export async function quarterWorld(t: TestApp) {
  const city = await buildDepartment(t, { name: '城市管理局' });
  const transport = await buildDepartment(t, { name: '交通运输局' });
  const finance = await buildDepartment(t, { name: '财政金融局' });
  const audit = await buildDepartment(t, { name: '审计局' });
  const plan = await buildPlan(t, { name: '勤廉新区建设行动' });
  const measure = await buildMeasure(t, { programmeId: (await buildProgramme(t, { planId: plan.id })).id });
  const task = (leadDepartmentId: string, dueDate: string, title: string) =>
    buildTask(t, { measureId: measure.id, leadDepartmentId, title, startDate: '2026-03-02', dueDate });
  const life = taskLife(t);

  for (const [title, due] of [
    ['背街小巷环境整治', '2026-03-20'],
    ['占道经营集中整治', '2026-03-31'],
  ] as const) {
    await life.start(await task(city.id, due, title));
    await life.requestClose('2026-03-03');
    await life.close('2026-03-04');
  }

  await life.start(await task(finance.id, '2026-03-20', '专项资金绩效评价'));
  await life.requestClose('2026-03-05');
  await life.close('2026-03-06');
  await life.start(await task(finance.id, '2026-06-30', '国库集中支付改革'));

  await life.start(await task(transport.id, '2026-03-05', '公交线路优化'));
  await life.requestClose('2026-03-10');
  await life.close('2026-03-11'); // four working days after its due date
  await life.start(await task(transport.id, '2026-03-20', '科学城公交接驳'));
  await life.requestClose('2026-03-12');
  await life.returnIt('2026-03-13');
  const returned = life.row;
  await life.start(await task(transport.id, '2026-03-25', '出租车服务质量提升'));
  const overdue = life.row;

  await buildTask(t, { measureId: measure.id, leadDepartmentId: audit.id, dueDate: '2026-03-20' });
  await life.start(await buildTask(t, { leadDepartmentId: city.id, startDate: '2026-03-02', dueDate: '2026-03-20' }));
  await life.requestClose('2026-03-03');
  await life.close('2026-03-04');

  t.clock.set(AFTER_Q1);
  await refreshWarnings(systemCtx(t.db, t.clock), plan.id);
  return { city, transport, finance, audit, plan, returned, overdue };
}
export type QuarterWorld = Awaited<ReturnType<typeof quarterWorld>>;

/** The office: every bulletin right, and reading tasks, over everything. */
export const bulletinOffice = async (t: TestApp) =>
  (await buildSignedInUser(t, { permissions: ['bulletins.read', 'bulletins.manage', 'tasks.read'], dataScope: 'all' })).session;

/** A signed-in user holding these permissions (scope: all, as bulletins have none). */
export const userWith = async (t: TestApp, permissions: Permission[], personId?: string) =>
  (await buildSignedInUser(t, { permissions, dataScope: 'all', personId })).session;

/** A request that must succeed; the bulletin it answers with. */
export async function bulletinFrom(s: Session, opts: Parameters<Session['request']>[0], status = 200): Promise<Bulletin> {
  const res = await s.request(opts);
  if (res.statusCode !== status) throw new Error(`${opts.method} ${opts.url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Bulletin;
}
