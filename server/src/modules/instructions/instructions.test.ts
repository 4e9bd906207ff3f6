import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, InboxItem, Instruction, Permission, TaskEvent } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildAssignedTask,
  buildDepartment,
  buildPerson,
  buildPost,
  buildSignedInUser,
  buildTask,
  TEST_PASSWORD,
} from '../../../test/factories.ts';

const START = new Date('2026-03-02T01:00:00Z'); // Monday 2 March, 09:00 in Shanghai

/**
 * 领导批示 and 落实反馈 through the real app: to a unit and on a task, answered once by the unit,
 * read by the leader, overdue when its date passes — and refused to everyone else.
 */
describe.each(ENGINES)('instructions (批示) and their feedback on %s', (engine) => {
  let t: TestApp;
  let leader: Session;
  let leaderName: string;
  let office: Session;
  let inspector: Session;
  const handling: Permission[] = ['tasks.read', 'tasks.handle'];

  beforeAll(async () => {
    t = await startTestApp(engine);
    const made = await buildSignedInUser(t, {
      permissions: ['tasks.read', 'tasks.instruct'],
      personId: (await buildPerson(t, { title: '管委会主任' })).id,
    });
    leader = made.session;
    leaderName = made.user.username;
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'], personId: (await buildPerson(t)).id })).session;
    inspector = (await buildSignedInUser(t, { permissions: ['tasks.read', 'audit.read'], personId: (await buildPerson(t)).id })).session;
  });
  afterEach(() => t.clock.set(START));
  afterAll(async () => {
    await t.close();
  });

  /** A unit with its head and one more member, both with accounts that may handle its work. */
  const unit = async () => {
    const dept = await buildDepartment(t);
    const headPerson = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    const head = (await buildSignedInUser(t, { permissions: handling, dataScope: 'dept', personId: headPerson.id })).session;
    const member = await buildSignedInUser(t, {
      permissions: handling,
      dataScope: 'dept',
      personId: (await buildPerson(t, { departmentId: dept.id })).id,
    });
    return { dept, head, staff: member.session, staffName: member.user.username };
  };
  const kinds = async (s: Session, entityId: string) =>
    ((await s.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json().items as InboxItem[])
      .filter((i) => i.entityId === entityId)
      .map((i) => i.kind);
  const list = async (s: Session, query: string) => {
    const res = await s.request({ method: 'GET', url: `/api/instructions?${query}&pageSize=200` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Instruction[]; total: number };
  };
  const desk = async (s: Session) => {
    const res = await s.request({ method: 'GET', url: '/api/desk' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Desk;
  };
  const section = (d: Desk, key: string) => d.sections.find((x) => x.key === key);

  it('to a unit: its head is told, the unit answers once on its desk, the leader reads the answer', async () => {
    const { dept, head, staff } = await unit();
    const res = await leader.request({
      method: 'POST',
      url: '/api/instructions',
      payload: { departmentId: dept.id, text: '请梳理重大项目投资进度，形成调度台账', feedbackDueDate: '2026-03-10' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const given = res.json() as Instruction;
    expect(given).toMatchObject({ state: 'awaiting', departmentId: dept.id, feedbackDueDate: '2026-03-10', overdue: false, taskId: null });
    expect(given.abilities.feedback).toBe(false);
    expect(await kinds(head, given.id)).toEqual(['instruction.give']); // the head first
    expect(await kinds(staff, given.id)).toEqual([]);

    const waiting = await list(staff, 'to=mine&state=awaiting');
    expect(waiting.items.map((i) => i.id)).toEqual([given.id]);
    expect(waiting.items[0]!.abilities.feedback).toBe(true);
    const onDesk = section(await desk(staff), 'instructionFeedback')!;
    expect(onDesk).toMatchObject({ count: waiting.total, overdue: 0, link: '/instructions?to=mine&state=awaiting' });
    expect(onDesk.items.map((i) => i.id)).toEqual([given.id]);
    const leaderDesk = section(await desk(leader), 'instructionsGiven')!;
    expect(leaderDesk.count).toBe((await list(leader, 'to=given&state=awaiting')).total);
    expect(leaderDesk.items.map((i) => i.id)).toContain(given.id);

    const answer = { text: '已建立调度台账，逐项明确责任人', evidenceRef: '经发〔2026〕3号', version: given.version };
    expect((await office.request({ method: 'POST', url: `/api/instructions/${given.id}/feedback`, payload: answer })).statusCode).toBe(403);
    expect((await inspector.request({ method: 'GET', url: `/api/instructions/${given.id}` })).statusCode).toBe(200);
    expect((await inspector.request({ method: 'POST', url: `/api/instructions/${given.id}/feedback`, payload: answer })).statusCode).toBe(
      403,
    );
    const answered = await staff.request({ method: 'POST', url: `/api/instructions/${given.id}/feedback`, payload: answer });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      state: 'answered',
      feedback: { text: '已建立调度台账，逐项明确责任人', evidenceRef: '经发〔2026〕3号', late: false },
      abilities: { feedback: false },
    });
    const again = await head.request({ method: 'POST', url: `/api/instructions/${given.id}/feedback`, payload: { ...answer, version: 2 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('instruction_not_awaiting');

    expect(await kinds(leader, given.id)).toEqual(['instruction.feedback']);
    const mine = await list(leader, 'to=given&state=answered');
    expect(mine.items.find((i) => i.id === given.id)?.feedback?.text).toBe('已建立调度台账，逐项明确责任人');
    expect(section(await desk(staff), 'instructionFeedback')!.count).toBe(0); // off the desk once answered
  });

  it('hides a unit’s instructions from other units (404 to read or answer, absent from their lists)', async () => {
    const a = await unit();
    const b = await unit();
    const res = await leader.request({
      method: 'POST',
      url: '/api/instructions',
      payload: { departmentId: a.dept.id, text: '抓紧办理', feedbackDueDate: '2026-03-20' },
    });
    const given = res.json() as Instruction;
    expect((await b.staff.request({ method: 'GET', url: `/api/instructions/${given.id}` })).statusCode).toBe(404);
    const feedback = await b.staff.request({
      method: 'POST',
      url: `/api/instructions/${given.id}/feedback`,
      payload: { text: '已办', version: 1 },
    });
    expect(feedback.statusCode).toBe(404);
    expect((await list(b.staff, 'to=all')).items.map((i) => i.id)).not.toContain(given.id);
  });

  it('refuses an instruction from anyone without tasks.instruct, a feedback date in the past, and a missing or double target', async () => {
    const { dept } = await unit();
    const post = (payload: object, s = leader) => s.request({ method: 'POST', url: '/api/instructions', payload });
    expect((await post({ departmentId: dept.id, text: '抓紧' }, office)).statusCode).toBe(403);
    const past = await post({ departmentId: dept.id, text: '抓紧', feedbackDueDate: '2026-03-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual([{ path: 'body.feedbackDueDate', message: '反馈期限不能早于今天（2026-03-02）' }]);
    expect((await post({ text: '抓紧' })).statusCode).toBe(400);
    const task = await buildTask(t, { leadDepartmentId: dept.id });
    expect((await post({ text: '抓紧', departmentId: dept.id, taskId: task.id })).statusCode).toBe(400);
    expect((await post({ text: '抓紧', departmentId: '0190f0a0-0000-7000-8000-00000000dead' })).statusCode).toBe(404);
    expect((await post({ text: '', departmentId: dept.id })).statusCode).toBe(400);
  });

  it('on a task: recorded on its history, told to the handler and the head, listed with the task', async () => {
    const { dept, head } = await unit();
    const post = await buildPost(t, { departmentId: dept.id });
    const handler = (await buildSignedInUser(t, { permissions: handling, dataScope: 'dept', personId: post.aPersonId })).session;
    const task = await buildAssignedTask(t, office, { leadDepartmentId: dept.id, responsiblePostId: post.id });
    expect(
      (await office.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '抓紧' } })).statusCode,
    ).toBe(403);
    const res = await leader.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/instructions`,
      payload: { text: '务必按期办结', feedbackDueDate: '2026-03-13' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const given = res.json() as Instruction;
    expect(given).toMatchObject({ taskId: task.id, taskCode: task.code, departmentId: dept.id, state: 'awaiting' });
    const events = (await handler.request({ method: 'GET', url: `/api/tasks/${task.id}/events` })).json().items as TaskEvent[];
    expect(events.filter((e) => e.kind === 'instruct').map((e) => [e.id, e.text])).toEqual([[given.id, '务必按期办结']]);
    expect((await kinds(handler, task.id)).sort()).toEqual(['task.assign', 'task.instruct']);
    expect(await kinds(head, task.id)).toEqual(['task.instruct']);
    const body = ((await handler.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json().items as InboxItem[]).find(
      (i) => i.kind === 'task.instruct' && i.entityId === task.id,
    )!.body;
    expect(body).toContain('请于 2026-03-13 前报送落实反馈');
    expect((await list(handler, `taskId=${task.id}`)).items.map((i) => i.id)).toEqual([given.id]);
    const outsider = (await unit()).staff;
    expect((await outsider.request({ method: 'GET', url: `/api/instructions?taskId=${task.id}` })).statusCode).toBe(404);
  });

  it('shows feedback as overdue once its date has passed, and an answer after it as late', async () => {
    const { dept, staffName } = await unit();
    const given = (
      await leader.request({
        method: 'POST',
        url: '/api/instructions',
        payload: { departmentId: dept.id, text: '限期整改', feedbackDueDate: '2026-03-04' },
      })
    ).json() as Instruction;
    t.clock.set(new Date('2026-03-05T01:00:00Z')); // three days on: Monday's sessions have timed out
    const staff = await signIn(t.app, staffName, TEST_PASSWORD);
    const leaderNow = await signIn(t.app, leaderName, TEST_PASSWORD);
    const overdue = await list(staff, 'to=mine&state=overdue');
    expect(overdue.items.map((i) => [i.id, i.overdue])).toEqual([[given.id, true]]);
    expect(section(await desk(staff), 'instructionFeedback')).toMatchObject({ count: 1, overdue: 1 });
    expect(section(await desk(leaderNow), 'instructionsGiven')!.items.find((i) => i.id === given.id)?.overdue).toBe(true);
    const late = await staff.request({
      method: 'POST',
      url: `/api/instructions/${given.id}/feedback`,
      payload: { text: '已整改', version: 1 },
    });
    expect(late.json().feedback).toMatchObject({ late: true, evidenceRef: null });
    expect((await list(staff, 'to=mine&state=overdue')).total).toBe(0);
  });
});
