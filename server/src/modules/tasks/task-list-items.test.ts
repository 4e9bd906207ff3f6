import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TaskPage } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPost,
  buildSignedInUser,
  buildTask,
  setWhereaboutsOf,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { setOverride } from '../../platform/calendar/calendar.service.ts';
import { updateDepartment } from '../org/departments.service.ts';
import { updatePerson } from '../org/people.service.ts';
import { updateMeasure } from '../plan/plan.service.ts';
import { transitionTask } from './task-actions.service.ts';
import type { TaskRow } from './tasks.repo.ts';

/**
 * The task list is put together from items presented once per task version (task-list-items.cache.ts)
 * and, on SQLite, answers kept until a write commits (task-answers.cache.ts). These tests hold both to
 * "what the list shows is what the database holds now".
 */
describe.each(ENGINES)('task list items and kept answers on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let handler: Session;
  let officeName: string;
  let lead: { id: string; version: number };
  let handlerPerson: { id: string; name: string; version: number };
  let measure: { id: string; version: number };
  let post: { id: string; aPersonId: string | null; bPersonId: string | null };
  let tasks: TaskRow[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    lead = await buildDepartment(t);
    handlerPerson = await buildPerson(t, { departmentId: lead.id });
    post = await buildPost(t, { departmentId: lead.id, aPersonId: handlerPerson.id });
    measure = await buildMeasure(t);
    const officeUser = await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] });
    office = officeUser.session;
    officeName = officeUser.user.username;
    handler = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: handlerPerson.id }))
      .session;
    tasks = [];
    for (const [i, due] of ['2026-04-30', '2026-05-29', '2026-06-30'].entries()) {
      tasks.push(
        await buildTask(t, {
          measureId: measure.id,
          leadDepartmentId: lead.id,
          responsiblePostId: post.id,
          title: `落实首问负责制第${i + 1}项`,
          dueDate: due,
          statement: '对照任务书逐项分解，明确责任领导、责任科室和责任人。',
          deliverables: '工作方案、推进台账',
          milestones: [{ name: '方案', dueDate: '2026-04-15' }],
        }),
      );
    }
    const ctx = systemCtx(t.db, t.clock);
    for (const [i, row] of tasks.entries()) tasks[i] = await transitionTask(ctx, row.id, { action: 'assign', version: row.version });
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (who: Session = office) => {
    const res = await who.request({ method: 'GET', url: `/api/tasks?departmentId=${lead.id}&sort=due` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json() as z.infer<typeof TaskPage>;
  };
  const item = async (id: string, who: Session = office) => (await list(who)).items.find((x) => x.id === id)!;

  it('shows each task as its task page does, without the 任务书, deliverables, timetable and workflow records, in the TaskPage contract', async () => {
    const page = await list();
    expect(TaskPage.safeParse(page).success).toBe(true);
    expect(page).toMatchObject({ total: 3, totalCapped: false, page: 1, pageSize: 20 });
    expect(page.items.map((x) => x.id)).toEqual(tasks.map((x) => x.id));
    for (const listed of page.items) {
      const { statement, deliverables, milestones, departmentReview, pendingReview, cooperation, extensions, assignments, ...rest } = (
        await office.request({ method: 'GET', url: `/api/tasks/${listed.id}` })
      ).json();
      expect(statement).toContain('任务书');
      expect(deliverables).toBe('工作方案、推进台账');
      expect(milestones).toHaveLength(1);
      expect({ departmentReview, pendingReview, cooperation, extensions, assignments }).toEqual({
        departmentReview: false,
        pendingReview: null,
        cooperation: [],
        extensions: [],
        assignments: [],
      });
      expect(listed).toEqual(rest);
      expect(listed).not.toHaveProperty('statement');
    }
  });

  it('gives each actor their own abilities on the same list', async () => {
    const [asOffice, asHandler] = [await item(tasks[0]!.id), await item(tasks[0]!.id, handler)];
    expect(asOffice.abilities).toMatchObject({ accept: false, urge: true });
    expect(asHandler.abilities).toMatchObject({ accept: true, urge: false });
  });

  it('shows a task write at once', async () => {
    const before = await item(tasks[0]!.id);
    tasks[0] = await transitionTask(systemCtx(t.db, t.clock), tasks[0]!.id, { action: 'accept', version: tasks[0]!.version });
    const after = await item(tasks[0]!.id);
    expect(after).toMatchObject({ status: 'accepted', version: before.version + 1 });
    expect((await item(tasks[0]!.id, handler)).abilities).toMatchObject({ accept: false, report: true });
  });

  it('shows new names of the person acting, the department and the measure at once', async () => {
    const ctx = systemCtx(t.db, t.clock);
    handlerPerson = await updatePerson(ctx, handlerPerson.id, { name: '王改名', version: handlerPerson.version });
    expect((await item(tasks[1]!.id)).handlerName).toBe('王改名');
    lead = await updateDepartment(ctx, lead.id, { name: '新名称办公室', version: lead.version });
    expect((await item(tasks[1]!.id)).leadDepartmentName).toBe('新名称办公室');
    measure = await updateMeasure(ctx, measure.id, { name: '推行首问负责制（改）', version: measure.version });
    expect((await item(tasks[1]!.id)).measureName).toBe('推行首问负责制（改）');
  });

  it('hands a post to B once A is away (AB岗), at once', async () => {
    const bPerson = await t.db.db.selectFrom('people').select(['id', 'name']).where('id', '=', post.bPersonId!).executeTakeFirstOrThrow();
    const before = await item(tasks[2]!.id);
    expect(before).toMatchObject({ handlerPersonId: handlerPerson.id, handlerName: handlerPerson.name });
    await setWhereaboutsOf(t, handlerPerson.id, 'trip');
    const after = await item(tasks[2]!.id);
    expect(after).toMatchObject({ handlerPersonId: bPerson.id, handlerName: bPerson.name });
    expect(bPerson.id).not.toBe(handlerPerson.id);
  });

  it('counts working days from today and the current calendar', async () => {
    const before = (await item(tasks[2]!.id)).workingDaysLeft;
    t.clock.advance(7 * 24 * 3_600_000); // a week: five working days
    office = await signIn(t.app, officeName, TEST_PASSWORD); // the old session has been idle too long
    const aWeekLater = (await item(tasks[2]!.id)).workingDaysLeft;
    expect(aWeekLater).toBe(before - 5);
    const day = new Date(t.clock.now().getTime() + 8 * 3_600_000);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    day.setUTCDate(day.getUTCDate() + 1);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    await setOverride(systemCtx(t.db, t.clock), { date: day.toISOString().slice(0, 10), working: false, note: '本地调休' });
    expect((await item(tasks[2]!.id)).workingDaysLeft).toBe(aWeekLater - 1);
  });
});
