import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPlan,
  buildPost,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { transitionTask } from './task-actions.service.ts';
import { escalationTargets, refreshWarnings, tasksForAutoUrging } from './urging.service.ts';
import type { TaskRow } from './tasks.repo.ts';

describe.each(ENGINES)('task lists, warnings, roll-up and board on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let lead: { id: string };
  let post: { id: string; aPersonId: string | null };
  let leaderPerson: { id: string };
  let handlerUser: { username: string };
  let start: Date;

  beforeAll(async () => {
    t = await startTestApp(engine);
    start = t.clock.now();
    lead = await buildDepartment(t);
    const handlerPerson = await buildPerson(t, { departmentId: lead.id });
    post = await buildPost(t, { departmentId: lead.id, aPersonId: handlerPerson.id });
    leaderPerson = await buildPerson(t, { title: '管委会副主任' });
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    handlerUser = (
      await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: handlerPerson.id })
    ).user;
  });
  afterAll(async () => {
    await t.close();
  });
  // a case that moves the clock hands the next one the day the others expect, pass or fail
  afterEach(() => {
    t.clock.set(start);
  });

  const ctx = () => systemCtx(t.db, t.clock);
  const move = async (row: TaskRow, action: 'assign' | 'accept' | 'report' | 'request_close', extra: { percent?: number } = {}) =>
    transitionTask(ctx(), row.id, { action, version: row.version, ...extra });
  const progressTo = async (row: TaskRow, percent: number) => move(await move(await move(row, 'assign'), 'accept'), 'report', { percent });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const measure = await buildMeasure(t);
    const otherPost = await buildPost(t);
    const base = {
      measureId: measure.id,
      title: '推行首问负责制',
      leadDepartmentId: lead.id,
      responsiblePostId: post.id,
      startDate: '2026-03-02',
      dueDate: '2026-05-29',
    };
    const create = (payload: Record<string, unknown>) =>
      office.request({ method: 'POST', url: '/api/tasks', payload: { ...base, ...payload } });
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ dueDate: '2026-03-01' }, 400, 'body.dueDate'],
      [{ dueDate: '2026-02-30' }, 400, 'body.dueDate'],
      [{ responsiblePostId: otherPost.id }, 400, 'body.responsiblePostId', 'post_not_in_department'],
      [
        {
          milestones: [
            { name: '方案', dueDate: '2026-04-01' },
            { name: '验收', dueDate: '2026-06-15' },
          ],
        },
        400,
        'body.milestones.1.dueDate',
      ],
      [{ leaderPersonId: 'no-such-person' }, 400, 'body.leaderPersonId'],
      [{ leadDepartmentId: 'no-such-department' }, 400, 'body.leadDepartmentId'],
      [{ cooperatingDepartmentIds: [lead.id] }, 400, 'body.cooperatingDepartmentIds.0'],
      [{ title: '推行\u0000首问负责制' }, 400, 'body.title'],
      [{ statement: 'a\u0000b' }, 400, 'body.statement'],
    ];
    const before = Number(
      (
        await t.db.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [payload, status, path, code] of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.fields[0].path).toBe(path);
      if (code) expect(res.json().error.code).toBe(code);
    }
    const postMismatch = await create({ responsiblePostId: otherPost.id });
    expect(postMismatch.json().error.message).toContain('不属于牵头部门');
    expect((await create({ dueDate: '2026-03-01' })).json().error.fields[0].message).toBe('不能早于开始日期 2026-03-02');
    const after = Number(
      (
        await t.db.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
    const ok = await create({ milestones: [{ name: '方案', dueDate: '2026-04-01' }], leaderPersonId: leaderPerson.id, tagged: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'draft',
      code: `${measure.code}-01`,
      leaderName: expect.any(String),
      milestones: [{ name: '方案', dueDate: '2026-04-01' }],
    });
    // a partial update keeps what it leaves out
    const patched = await office.request({
      method: 'PATCH',
      url: `/api/tasks/${ok.json().id}`,
      payload: { version: ok.json().version, title: '推行首问负责制（修订）' },
    });
    expect(patched.json()).toMatchObject({ title: '推行首问负责制（修订）', tagged: true, milestones: [{ name: '方案' }] });
  });

  it('rolls progress up by weight: tasks → measures → programmes → plan, with colour counts (hand computed)', async () => {
    const plan = await buildPlan(t);
    const p1 = await buildProgramme(t, { planId: plan.id, weight: 2 });
    const p2 = await buildProgramme(t, { planId: plan.id, weight: 1 });
    const m1 = await buildMeasure(t, { programmeId: p1.id, weight: 1 });
    const m2 = await buildMeasure(t, { programmeId: p1.id, weight: 3 });
    const m3 = await buildMeasure(t, { programmeId: p2.id, weight: 1 });
    await buildMeasure(t, { programmeId: p2.id, weight: 5 }); // no tasks: left out of the mean
    const task = (measureId: string, weight: number, extra: Record<string, unknown> = {}) =>
      buildTask(t, { measureId, weight, leadDepartmentId: lead.id, responsiblePostId: post.id, ...extra });
    await progressTo(await task(m1.id, 1, { tagged: true }), 50);
    await progressTo(await task(m1.id, 3), 10);
    const t3 = await progressTo(await task(m2.id, 2), 80);
    await task(m2.id, 5, { parentId: t3.id, tagged: true }); // sub-task: not in the roll-up
    await move(await task(m3.id, 1, { startDate: '2026-02-02', dueDate: '2026-02-27', tagged: true }), 'assign'); // overdue → red

    const rollup = (await office.request({ method: 'GET', url: `/api/plans/${plan.id}/rollup` })).json();
    const [r1, r2] = rollup.programmes;
    expect(r1.measures.map((m: { progress: number }) => m.progress)).toEqual([20, 80]); // (1×50 + 3×10)/4, 80
    expect(r1).toMatchObject({ progress: 65, taskCount: 3 }); // (1×20 + 3×80)/4
    expect(r2).toMatchObject({ progress: 0, taskCount: 1, colours: { red: 1, none: 0, blue: 0, yellow: 0 } });
    expect(rollup).toMatchObject({ progress: 43.3, taskCount: 4, colours: { none: 3, red: 1, blue: 0, yellow: 0 } }); // (2×65 + 1×0)/3

    const board = (await office.request({ method: 'GET', url: `/api/tasks/board?planId=${plan.id}` })).json();
    expect(board.items).toHaveLength(2); // the tagged sub-task is still a draft: not on the board
    expect(board.items[0]).toMatchObject({ warning: 'red', workingDaysLeft: -2 }); // due Fri 27 Feb; Sat 28 Feb (调休) and Mon 2 Mar have passed
    expect(board.counts.byStatus).toMatchObject({ in_progress: 1, assigned: 1, draft: 0, closed: 0 }); // the draft stays off the board
    expect(board.counts.byWarning).toEqual({ none: 1, blue: 0, yellow: 0, red: 1 });
    const byProgramme = (await office.request({ method: 'GET', url: `/api/tasks/board?programmeId=${p2.id}` })).json();
    expect(byProgramme.counts.byWarning.red).toBe(1);
    expect(byProgramme.items).toHaveLength(1);
    const byLeaderNone = (
      await office.request({ method: 'GET', url: `/api/tasks/board?planId=${plan.id}&leaderPersonId=${leaderPerson.id}` })
    ).json();
    expect(byLeaderNone.items).toHaveLength(0);

    const list = (await office.request({ method: 'GET', url: `/api/tasks?programmeId=${p1.id}&sort=code` })).json();
    expect(list.total).toBe(4);
    const red = (await office.request({ method: 'GET', url: `/api/tasks?planId=${plan.id}&warning=red` })).json();
    expect(red.items.map((x: Task) => x.programmeId)).toEqual([p2.id]);
  });

  it('lists my tasks, my department, overdue, by leader, by status and text', async () => {
    const measure = await buildMeasure(t);
    const mine = await buildTask(t, {
      measureId: measure.id,
      leadDepartmentId: lead.id,
      responsiblePostId: post.id,
      title: '开展四不两直暗访',
      leaderPersonId: leaderPerson.id,
    });
    await move(mine, 'assign');
    const elsewhere = await buildTask(t, { measureId: measure.id, title: '抽查工作台账' });
    // a draft of the handler's own department and post: the office's until it is assigned
    const draft = await buildTask(t, { measureId: measure.id, leadDepartmentId: lead.id, responsiblePostId: post.id, title: '草拟事项' });
    const handler = await signIn(t.app, handlerUser.username, TEST_PASSWORD);
    const ids = async (s: Session, qs: string) =>
      ((await s.request({ method: 'GET', url: `/api/tasks?pageSize=200&${qs}` })).json().items as Task[]).map((x) => x.id);
    expect(await ids(handler, 'view=mine')).toContain(mine.id);
    expect(await ids(handler, 'view=my_department')).toContain(mine.id);
    expect(await ids(handler, 'view=my_department')).not.toContain(draft.id);
    expect(await ids(handler, 'view=mine')).not.toContain(draft.id);
    expect(await ids(handler, 'view=all')).not.toContain(elsewhere.id); // out of scope
    expect(await ids(office, `view=all&measureId=${measure.id}`)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(await ids(office, `leaderPersonId=${leaderPerson.id}&measureId=${measure.id}`)).toEqual([mine.id]);
    expect((await ids(office, `measureId=${measure.id}&status=draft`)).sort()).toEqual([elsewhere.id, draft.id].sort());
    expect(await ids(office, `measureId=${measure.id}&q=${encodeURIComponent('暗访')}`)).toEqual([mine.id]);
    expect((await ids(office, `handlerPersonId=${post.aPersonId}&measureId=${measure.id}`)).sort()).toEqual([mine.id, draft.id].sort());
    expect(await ids(office, 'view=mine')).toEqual([]); // the office account has no person
    const page = (await office.request({ method: 'GET', url: `/api/tasks?measureId=${measure.id}&pageSize=1&page=2` })).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('turns a task red once its due date passes (clock moved), in the list at once and in the stored colour after refreshWarnings', async () => {
    const measure = await buildMeasure(t);
    const task = await move(
      await buildTask(t, {
        measureId: measure.id,
        leadDepartmentId: lead.id,
        responsiblePostId: post.id,
        startDate: '2026-03-02',
        dueDate: '2026-04-30',
      }),
      'assign',
    );
    expect(task.warning).toBe('none');
    t.clock.set(new Date('2026-04-28T02:00:00Z')); // Tuesday: 2 working days left (29, 30 April) → yellow
    let admin = await signIn(t.app, 'admin', 'Admin@12345');
    expect((await admin.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json()).toMatchObject({
      warning: 'yellow',
      workingDaysLeft: 2,
    });
    t.clock.set(new Date('2026-05-06T02:00:00Z')); // after the May Day holiday (1–5 May)
    admin = await signIn(t.app, 'admin', 'Admin@12345');
    const seen: Task = (await admin.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(seen).toMatchObject({ warning: 'red', workingDaysLeft: -1, scheduleProgress: 100 });
    expect((await admin.request({ method: 'GET', url: `/api/tasks?measureId=${measure.id}&view=overdue` })).json().total).toBe(1);
    expect((await admin.request({ method: 'GET', url: `/api/tasks?measureId=${measure.id}&warning=red` })).json().total).toBe(0); // stored colour not yet refreshed

    const changes = await refreshWarnings(systemCtx(t.db, t.clock));
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ taskId: task.id, from: 'none', to: 'red' })]));
    expect(await refreshWarnings(systemCtx(t.db, t.clock))).toEqual([]); // idempotent the same day
    expect((await admin.request({ method: 'GET', url: `/api/tasks?measureId=${measure.id}&warning=red` })).json().total).toBe(1);
    const events = (await admin.request({ method: 'GET', url: `/api/tasks/${task.id}/events` })).json().items;
    expect(events.at(-1)).toMatchObject({ kind: 'warning', text: '预警：无 → 红色' });
    const stored = await t.db.db
      .selectFrom('tasks')
      .select(['warning', 'warningSince'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ warning: 'red', warningSince: '2026-05-06T02:00:00.000Z' });

    // per-plan thresholds: a wider blue window recolours that plan's tasks at once
    const plan = await buildPlan(t);
    const m = await buildMeasure(t, { programmeId: (await buildProgramme(t, { planId: plan.id })).id });
    const soon = await move(await buildTask(t, { measureId: m.id, startDate: '2026-05-06', dueDate: '2026-05-29' }), 'assign');
    expect(soon.warning).toBe('none');
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      payload: {
        version: plan.version,
        thresholds: { blueWithinWorkingDays: 20, yellowWithinWorkingDays: 2, yellowBehindPoints: 10, escalateAfterWorkingDays: 3 },
      },
    });
    expect(patched.statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/tasks?planId=${plan.id}&warning=blue` })).json().total).toBe(1);
  });

  it('gives the jobs the tasks to urge and the escalation ladder: handler → department head → leader', async () => {
    const dept = await buildDepartment(t);
    const head = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    await buildPerson(t, { departmentId: dept.id, title: '副局长' });
    const p = await buildPost(t, { departmentId: dept.id });
    const measure = await buildMeasure(t);
    const task = await move(
      await buildTask(t, {
        measureId: measure.id,
        leadDepartmentId: dept.id,
        responsiblePostId: p.id,
        leaderPersonId: leaderPerson.id,
        startDate: '2026-02-02',
        dueDate: '2026-02-27',
      }),
      'assign',
    );
    expect(task.warning).toBe('red');
    const candidates = await tasksForAutoUrging(ctx());
    expect(candidates.find((c) => c.taskId === task.id)).toMatchObject({
      warning: 'red',
      handlerPersonId: p.aPersonId,
      warningSince: '2026-03-02T01:00:00.000Z',
      dueDate: '2026-02-27',
    });
    expect(await escalationTargets(ctx(), task.id)).toEqual([
      { level: 'handler', personId: p.aPersonId },
      { level: 'department_head', personId: head.id },
      { level: 'leader', personId: leaderPerson.id },
    ]);
    const chief = await buildPost(t, { departmentId: dept.id, name: '主要负责人' }); // a head post wins over titles
    expect((await escalationTargets(ctx(), task.id))[1]).toEqual({ level: 'department_head', personId: chief.aPersonId });
    const refused = await transitionTask(ctx(), task.id, { action: 'refuse', version: task.version, comment: '非本单位职责' });
    expect(refused.status).toBe('refused');
    expect((await tasksForAutoUrging(ctx())).map((c) => c.taskId)).not.toContain(task.id); // back with the office
  });

  it('keeps the counters equal to a full recount of the tasks through creates, steps, progress, warnings and refusals', async () => {
    // its own mix of every kind of counter row, whatever ran before
    const measure = await buildMeasure(t);
    const task = (extra: Record<string, unknown> = {}) =>
      buildTask(t, { measureId: measure.id, leadDepartmentId: lead.id, responsiblePostId: post.id, ...extra });
    const draft = await task({ weight: 2 });
    await task({ parentId: draft.id, tagged: true }); // a sub-task
    await progressTo(await task({ tagged: true, weight: 3 }), 40); // in progress
    await move(await task({ startDate: '2026-02-02', dueDate: '2026-02-27' }), 'assign'); // overdue → red
    const refused = await move(await task(), 'assign');
    await transitionTask(ctx(), refused.id, { action: 'refuse', version: refused.version, comment: '非本单位职责' });

    const key = (r: Record<string, unknown>) =>
      [r.planId, r.measureId, r.leadDepartmentId, r.status, r.warning, Number(r.tagged), Number(r.topLevel)].join('|');
    const tasks = await t.db.db
      .selectFrom('tasks')
      .select(['planId', 'measureId', 'leadDepartmentId', 'status', 'warning', 'tagged', 'parentId', 'weight', 'progress'])
      .execute();
    const expected = new Map<string, [number, number, number]>();
    for (const x of tasks) {
      const k = key({ ...x, topLevel: x.parentId ? 0 : 1 });
      const [n, w, p] = expected.get(k) ?? [0, 0, 0];
      expected.set(k, [n + 1, w + x.weight, p + x.weight * x.progress]);
    }
    const counters = await t.db.db.selectFrom('taskCounters').selectAll().execute();
    const actual = new Map<string, [number, number, number]>();
    for (const c of counters) {
      const k = key(c);
      const [n, w, p] = actual.get(k) ?? [0, 0, 0];
      actual.set(k, [n + Number(c.taskCount), w + Number(c.weightSum), p + Number(c.progressSum)]);
    }
    for (const [k, v] of actual) if (v[0] === 0) actual.delete(k);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    const mine = [...expected.keys()].filter((k) => k.split('|')[1] === measure.id);
    expect(mine).toHaveLength(5); // draft, sub-task, in progress, red, refused: five different counter rows
  });
});
