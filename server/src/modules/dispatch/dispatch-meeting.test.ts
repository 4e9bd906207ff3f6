import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchSheet, Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDispatchSheet, buildMeasure, buildPerson, buildPost } from '../../../test/factories.ts';
import { snapshot, applicationTables, writesBetween } from '../../../test/reliability/world.ts';
import { dispatchWorld, officeOf, sheetFrom, userIn, type DispatchWorld } from './dispatch.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 in Shanghai

/**
 * The meeting of a week's sheet through the real app: recorded with its attendance, its decisions
 * (who does what by when) each made a supervised task in one click and linked both ways, the sheet
 * closed and from then on immutable — and every wrong input refused with a clear 4xx, leaving nothing.
 */
describe.each(ENGINES)('the dispatch meeting and its decisions on %s', (engine) => {
  let t: TestApp;
  let w: DispatchWorld;
  let office: Session;
  let tables: string[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await dispatchWorld(t);
    office = await officeOf(t);
    tables = await applicationTables(t);
  });
  afterEach(() => t.clock.set(START));
  afterAll(() => t.close());

  const url = (s: { id: string }, rest = '') => `/api/dispatch/sheets/${s.id}${rest}`;
  const get = (s: { id: string }) => sheetFrom(office, { method: 'GET', url: url(s) });
  /** a new sheet of the 城管局 each time, each in a week of its own */
  let weeks = 0;
  const freshSheet = async () =>
    get(await buildDispatchSheet(t, { planId: w.plan.id, departmentId: w.city.id, week: `2026-W${10 + ++weeks}` }));
  const meeting = (s: DispatchSheet, over: object = {}) => ({
    version: s.version,
    date: '2026-03-02',
    time: '15:00',
    place: '管委会三楼会议室',
    chairPersonId: w.zhang.id,
    minutes: '听取城管局整改汇报，研究接驳问题。',
    attendees: [
      { personId: w.zhang.id, present: true },
      { personId: w.li.id, present: false, absenceReason: '外出招商' },
    ],
    ...over,
  });
  const held = async () => {
    const s = await freshSheet();
    return sheetFrom(office, { method: 'PUT', url: url(s, '/meeting'), payload: meeting(s) });
  };
  const decide = (s: DispatchSheet, over: object = {}) =>
    office.request({
      method: 'POST',
      url: url(s, '/decisions'),
      payload: {
        version: s.version,
        text: '城管局3月20日前完成背街小巷整治',
        ownerDepartmentId: w.city.id,
        dueDate: '2026-03-20',
        ...over,
      },
    });

  it('records the meeting with its attendance; the sheet is held and its decisions open', async () => {
    const s = await held();
    expect(s.status).toBe('held');
    expect(s.meeting).toEqual({
      date: '2026-03-02',
      time: '15:00',
      place: '管委会三楼会议室',
      chairPersonId: w.zhang.id,
      chairName: '张副主任',
      minutes: '听取城管局整改汇报，研究接驳问题。',
      attendees: [
        { personId: w.zhang.id, name: '张副主任', departmentName: w.root.name, present: true, absenceReason: null },
        { personId: w.li.id, name: '李副主任', departmentName: w.root.name, present: false, absenceReason: '外出招商' },
      ],
    });
    expect(s.abilities).toEqual({ edit: true, recordMeeting: true, decide: true, makeTask: true, close: true });
  });

  it('refuses a meeting in the future, an absence without reason and a person twice, naming each field; writes nothing', async () => {
    const s = await freshSheet();
    const before = await snapshot(t, tables);
    const res = await office.request({
      method: 'PUT',
      url: url(s, '/meeting'),
      payload: meeting(s, {
        date: '2026-03-03',
        attendees: [
          { personId: w.li.id, present: false },
          { personId: w.li.id, present: true },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'body.date', message: '会议日期不能晚于今天（2026-03-02）：会议召开后再记录' },
      { path: 'body.attendees.0.absenceReason', message: '请填写缺席原因' },
      { path: 'body.attendees.1.personId', message: '与第 1 位参会人员重复' },
    ]);
    expect(writesBetween(before, await snapshot(t, tables))).toEqual([]);
    expect((await get(s)).status).toBe('draft');
  });

  it('refuses a decision before the meeting is recorded, and one without owner or due date, or due before the meeting', async () => {
    const draft = await freshSheet();
    const early = await decide(draft);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('dispatch_sheet_not_held');

    const s = await held();
    const before = await snapshot(t, tables);
    const withoutOwner = await office.request({
      method: 'POST',
      url: url(s, '/decisions'),
      payload: { version: s.version, text: '无责任单位的事项', dueDate: '2026-03-20' },
    });
    expect(withoutOwner.statusCode).toBe(400);
    expect(withoutOwner.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.ownerDepartmentId']);
    const withoutDate = await office.request({
      method: 'POST',
      url: url(s, '/decisions'),
      payload: { version: s.version, text: '无时限的事项', ownerDepartmentId: w.city.id },
    });
    expect(withoutDate.statusCode).toBe(400);
    expect(withoutDate.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.dueDate']);
    const beforeMeeting = await decide(s, { dueDate: '2026-03-01' });
    expect(beforeMeeting.statusCode).toBe(400);
    expect(beforeMeeting.json().error.fields).toEqual([{ path: 'body.dueDate', message: '完成时限不能早于调度会议日期（2026-03-02）' }]);
    // the city's sheet: a department outside it cannot own its decisions; every wrong field is named at once
    const twoWrong = await decide(s, { dueDate: '2026-03-01', ownerDepartmentId: w.transport.id });
    expect(twoWrong.statusCode).toBe(400);
    expect(twoWrong.json().error.fields).toEqual([
      { path: 'body.dueDate', message: '完成时限不能早于调度会议日期（2026-03-02）' },
      { path: 'body.ownerDepartmentId', message: '责任单位须是“城市管理局”或其下属单位' },
    ]);
    expect(writesBetween(before, await snapshot(t, tables))).toEqual([]);
  });

  it('makes a decision a task in one click: linked both ways, from the meeting, with its owner and leader in charge', async () => {
    const s = await held();
    const redItem = s.groups.flatMap((g) => g.items).find((i) => i.taskId === w.red.id && i.source === 'task')!;
    const owner = await buildPerson(t, { departmentId: w.city.id, name: '王科长' });
    const post = await buildPost(t, { departmentId: w.city.id, aPersonId: owner.id });
    const decided = await sheetFrom(
      office,
      {
        method: 'POST',
        url: url(s, '/decisions'),
        payload: {
          version: s.version,
          text: '城管局3月20日前完成背街小巷整治\n每周报送进展',
          itemId: redItem.id,
          ownerDepartmentId: w.city.id,
          ownerPersonId: owner.id,
          dueDate: '2026-03-20',
        },
      },
      201,
    );
    const [decision] = decided.decisions;
    expect(decision).toMatchObject({
      number: 1,
      ownerDepartmentName: '城市管理局',
      ownerName: '王科长',
      measureId: w.measure.id,
      task: null,
    });

    const tasksBefore = await t.db.db.selectFrom('tasks').select('id').execute();
    const made = await sheetFrom(
      office,
      { method: 'POST', url: url(s, `/decisions/${decision!.id}/task`), payload: { version: decided.version } },
      201,
    );
    const task = made.decisions[0]!.task!;
    expect(task).toMatchObject({ status: 'draft', dueDate: '2026-03-20', title: '【调度】城管局3月20日前完成背街小巷整治' });
    expect((await t.db.db.selectFrom('tasks').select('id').execute()).length).toBe(tasksBefore.length + 1);

    const detail = (await office.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json() as Task;
    expect(detail).toMatchObject({
      leadDepartmentId: w.city.id,
      responsiblePostId: post.id,
      leaderPersonId: w.zhang.id,
      startDate: '2026-03-02',
    });
    expect(detail.statement).toContain(`来源：${s.title}（2026-03-02 15:00，管委会三楼会议室，主持：张副主任）议定事项第 1 项。`);
    expect(detail.statement).toContain('责任人：王科长');

    const twice = await office.request({
      method: 'POST',
      url: url(s, `/decisions/${decision!.id}/task`),
      payload: { version: made.version },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(`第 1 项议定事项已转为督办任务（${task.code}），不能删除或重复转办`);
    const removal = await office.request({ method: 'DELETE', url: url(s, `/decisions/${decision!.id}?version=${made.version}`) });
    expect(removal.statusCode).toBe(409);
    const actions = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', s.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'dispatch_sheet.draft',
      'dispatch_sheet.meeting',
      'dispatch_decision.create',
      'dispatch_decision.task',
    ]);
  });

  it('asks for a measure when the decision concerns no task, and leaves nothing when the supervision module refuses', async () => {
    const s = await held();
    const decided = await sheetFrom(
      office,
      {
        method: 'POST',
        url: url(s, '/decisions'),
        payload: { version: s.version, text: '研究接驳方案', ownerDepartmentId: w.squad.id, dueDate: '2026-03-31' },
      },
      201,
    );
    const task = (payload: object, as = office) =>
      as.request({
        method: 'POST',
        url: url(s, `/decisions/${decided.decisions[0]!.id}/task`),
        payload: { version: decided.version, ...payload },
      });
    const otherPlan = await buildMeasure(t);
    // may keep the city's sheets, may not create tasks (no plan.manage): the supervision module refuses
    const cityManager = await userIn(t, w.city.id, ['dispatch.read', 'dispatch.manage']);
    const before = await snapshot(t, tables);

    const noMeasure = await task({});
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.json().error.fields).toEqual([
      { path: 'body.measureId', message: '请选择督办任务所属的举措（该议定事项不涉及已有任务）' },
    ]);
    expect((await task({ measureId: otherPlan.id })).statusCode).toBe(400);
    expect((await task({ measureId: w.measure.id }, cityManager)).statusCode).toBe(403);
    expect(writesBetween(before, await snapshot(t, tables))).toEqual([]);

    const made = await sheetFrom(
      office,
      {
        method: 'POST',
        url: url(s, `/decisions/${decided.decisions[0]!.id}/task`),
        payload: { version: decided.version, measureId: w.measure.id },
      },
      201,
    );
    expect(made.decisions[0]!.task).toMatchObject({ status: 'draft', dueDate: '2026-03-31' });
  });

  it('closes a held sheet once every decision is a task; a closed sheet is immutable (409)', async () => {
    const draft = await freshSheet();
    const notHeld = await office.request({ method: 'POST', url: url(draft, '/close'), payload: { version: draft.version } });
    expect(notHeld.statusCode).toBe(409);
    expect(notHeld.json().error.code).toBe('dispatch_sheet_not_held');

    const s = await held();
    const decided = await sheetFrom(
      office,
      {
        method: 'POST',
        url: url(s, '/decisions'),
        payload: { version: s.version, text: '研究接驳方案', ownerDepartmentId: w.city.id, dueDate: '2026-03-31', measureId: w.measure.id },
      },
      201,
    );
    const untracked = await office.request({ method: 'POST', url: url(s, '/close'), payload: { version: decided.version } });
    expect(untracked.statusCode).toBe(409);
    expect(untracked.json().error.message).toBe('还有 1 项议定事项未转为督办任务，请先转办再归档');
    const made = await sheetFrom(
      office,
      { method: 'POST', url: url(s, `/decisions/${decided.decisions[0]!.id}/task`), payload: { version: decided.version } },
      201,
    );
    const closed = await sheetFrom(office, { method: 'POST', url: url(s, '/close'), payload: { version: made.version } });
    expect(closed.status).toBe('closed');
    expect(closed.abilities).toEqual({ edit: false, recordMeeting: false, decide: false, makeTask: false, close: false });

    const before = await snapshot(t, tables);
    const attempts = [
      { method: 'PUT' as const, url: url(s), payload: { version: closed.version, title: '改', items: [] } },
      { method: 'PUT' as const, url: url(s, '/meeting'), payload: meeting(closed) },
      {
        method: 'POST' as const,
        url: url(s, '/decisions'),
        payload: { version: closed.version, text: '补充', ownerDepartmentId: w.city.id, dueDate: '2026-03-31' },
      },
      { method: 'DELETE' as const, url: url(s, `/decisions/${closed.decisions[0]!.id}?version=${closed.version}`) },
      { method: 'POST' as const, url: url(s, '/close'), payload: { version: closed.version } },
    ];
    for (const attempt of attempts) {
      const res = await office.request(attempt);
      expect(res.statusCode, attempt.url).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'dispatch_sheet_closed', message: '调度单已归档，不能再修改' });
    }
    expect(writesBetween(before, await snapshot(t, tables))).toEqual([]);
  });

  it('removes a decision typed in error while it is no task yet', async () => {
    const s = await held();
    const decided = await sheetFrom(
      office,
      {
        method: 'POST',
        url: url(s, '/decisions'),
        payload: { version: s.version, text: '误录', ownerDepartmentId: w.city.id, dueDate: '2026-03-31' },
      },
      201,
    );
    const removed = await sheetFrom(office, {
      method: 'DELETE',
      url: url(s, `/decisions/${decided.decisions[0]!.id}?version=${decided.version}`),
    });
    expect(removed.decisions).toEqual([]);
    expect(removed.version).toBe(decided.version + 1);
  });
});
