import type { DispatchSheet, Instruction, Permission } from '@qinlian/contracts';
import type { Session, TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPlan,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  buildViewerIn,
  rootDepartment,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { takeStep } from '../tasks/index.ts';

/** Monday 2 March 2026, 09:00 in Shanghai: the test clock's start, in ISO week 2026-W10. */
export const WEEK = '2026-W10';

/**
 * A campaign to dispatch: the area (root) with the 城管局 (and its 执法大队) and the 交通局; two leaders
 * in charge, 李 (the programme's leader) and 张; a plan whose open tasks are red (张's, of the 城管局),
 * yellow (of the 执法大队, no leader of its own: the programme's 李) and calm (交通局), plus a red draft
 * (drafts have no colour) and a red task of another plan; 张's instructions awaiting feedback on the
 * red task and to the 交通局, and one that asks for none.
 */
export async function dispatchWorld(t: TestApp) {
  const root = await rootDepartment(t);
  const city = await buildDepartment(t, { name: '城市管理局' });
  const squad = await buildDepartment(t, { name: '城管执法大队', parentId: city.id });
  const transport = await buildDepartment(t, { name: '交通运输局' });
  const li = await buildPerson(t, { departmentId: root.id, name: '李副主任', title: '管委会副主任' });
  const zhang = await buildPerson(t, { departmentId: root.id, name: '张副主任', title: '管委会副主任' });
  const plan = await buildPlan(t, { name: '勤廉新区建设行动' });
  const programme = await buildProgramme(t, { planId: plan.id, leaderPersonId: li.id, name: '作风提升工程' });
  const measure = await buildMeasure(t, { programmeId: programme.id, name: '重点问题调度' });
  const ctx = systemCtx(t.db, t.clock);
  const assigned = async (over: Parameters<typeof buildTask>[1]) => {
    const draft = await buildTask(t, { measureId: measure.id, ...over });
    return (await takeStep(ctx, draft.id, { action: 'assign', version: draft.version })).row;
  };
  const red = await assigned({
    title: '背街小巷环境整治',
    leadDepartmentId: city.id,
    leaderPersonId: zhang.id,
    startDate: '2026-01-05',
    dueDate: '2026-02-27',
  });
  const yellow = await assigned({ title: '占道经营集中整治', leadDepartmentId: squad.id, startDate: '2026-02-02', dueDate: '2026-03-03' });
  const calm = await assigned({ title: '公交线路优化', leadDepartmentId: transport.id, startDate: '2026-03-02', dueDate: '2026-06-30' });
  const redDraft = await buildTask(t, {
    measureId: measure.id,
    title: '未交办的旧任务',
    leadDepartmentId: city.id,
    dueDate: '2026-02-27',
    startDate: '2026-01-05',
  });
  const otherPlan = await buildMeasure(t);
  const elsewhere = await buildTask(t, {
    measureId: otherPlan.id,
    leadDepartmentId: city.id,
    startDate: '2026-01-05',
    dueDate: '2026-02-27',
  });
  const elsewhereRed = (await takeStep(ctx, elsewhere.id, { action: 'assign', version: elsewhere.version })).row;

  const leaderZhang = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.instruct'], personId: zhang.id })).session;
  const instruct = async (payload: object) => {
    const res = await leaderZhang.request({ method: 'POST', url: '/api/instructions', payload });
    if (res.statusCode !== 201) throw new Error(`instruction failed: ${res.body}`);
    return res.json() as Instruction;
  };
  const onRed = await instruct({ taskId: red.id, text: '请城管局本周内拿出整改方案', feedbackDueDate: '2026-03-06' });
  const toTransport = await instruct({ departmentId: transport.id, text: '请交通局研究公交接驳方案', feedbackDueDate: '2026-03-05' });
  const noted = await instruct({ departmentId: transport.id, text: '已阅' });

  return { root, city, squad, transport, li, zhang, plan, measure, red, yellow, calm, redDraft, elsewhereRed, onRed, toTransport, noted };
}
export type DispatchWorld = Awaited<ReturnType<typeof dispatchWorld>>;

/** A signed-in user of `departmentId` holding these permissions over it (and its units, by default). */
export const userIn = async (
  t: TestApp,
  departmentId: string,
  permissions: Permission[],
  dataScope: 'dept' | 'dept_and_below' = 'dept_and_below',
) => (await buildViewerIn(t, departmentId, { permissions, dataScope })).session;

/** The office: every dispatch and task right, over everything. */
export const officeOf = async (t: TestApp) =>
  (await buildSignedInUser(t, { permissions: ['dispatch.read', 'dispatch.manage', 'tasks.read', 'plan.manage'], dataScope: 'all' }))
    .session;

/** A request that must succeed; the sheet it answers with. */
export async function sheetFrom(s: Session, opts: Parameters<Session['request']>[0], status = 200): Promise<DispatchSheet> {
  const res = await s.request(opts);
  if (res.statusCode !== status) throw new Error(`${opts.method} ${opts.url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as DispatchSheet;
}

/** The sheet's items in order, as "source:title" (the task's code dropped). */
export const itemsOf = (s: DispatchSheet) => s.groups.flatMap((g) => g.items.map((i) => `${i.source}:${i.title.replace(/^\S+ /, '')}`));
