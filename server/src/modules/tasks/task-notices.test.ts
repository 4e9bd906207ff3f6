import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem, Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask, setWhereaboutsOf } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Who hears about each step of a task (通知), through the real app: the acting handler (AB岗),
 * the head of the lead department, the office that assigned it — and nobody else.
 */
describe.each(ENGINES)('notices of life-cycle steps and instructions on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let otherOffice: Session;
  let handler: Session;
  let backup: Session;
  let head: Session;
  let leader: Session;
  let lead: { id: string };
  let post: { id: string; aPersonId: string | null; bPersonId: string | null };
  let everyone: Record<string, Session>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    lead = await buildDepartment(t);
    post = await buildPost(t, { departmentId: lead.id });
    const headPerson = await buildPerson(t, { departmentId: lead.id, title: '局长' });
    const officeDept = await buildDepartment(t);
    const officeUser = (personId: string) =>
      buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'], personId }).then((u) => u.session);
    const departmentUser = (personId: string) =>
      buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId }).then((u) => u.session);
    office = await officeUser((await buildPerson(t, { departmentId: officeDept.id })).id);
    otherOffice = await officeUser((await buildPerson(t, { departmentId: officeDept.id })).id);
    handler = await departmentUser(post.aPersonId!);
    backup = await departmentUser(post.bPersonId!);
    head = await departmentUser(headPerson.id);
    leader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.instruct'], personId: (await buildPerson(t)).id })).session;
    everyone = { office, otherOffice, handler, backup, head, leader };
  });
  afterAll(async () => {
    await t.close();
  });

  const inbox = async (s: Session, taskId: string, lang = 'zh-CN'): Promise<InboxItem[]> => {
    const res = await s.request({ method: 'GET', url: '/api/inbox?pageSize=200', headers: { 'accept-language': lang } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as InboxItem[]).filter((i) => i.entityId === taskId).reverse(); // oldest first
  };
  /** every session's notices about the task, as `kind` lists by who holds them */
  const kindsByPerson = async (taskId: string) => {
    const out: Record<string, string[]> = {};
    for (const [name, s] of Object.entries(everyone)) out[name] = (await inbox(s, taskId)).map((i) => i.kind);
    return out;
  };
  const step = async (
    s: Session,
    task: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<Task> => {
    const res = await s.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/transition`,
      payload: { action, version: task.version, ...extra },
    });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };
  const upload = async (s: Session) => {
    const res = await s.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: '佐证.pdf', contentType: 'application/pdf', data: PDF }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const newTask = () => buildTask(t, { leadDepartmentId: lead.id, responsiblePostId: post.id, title: '优化营商环境专项行动' });

  it('tells the handler of assign, return, close and reopen, and the office that assigned it of refuse and close-out requests', async () => {
    const created = await newTask();
    let task = await step(office, created, 'assign');
    expect(await kindsByPerson(task.id)).toEqual({
      office: [],
      otherOffice: [],
      handler: ['task.assign'],
      backup: [],
      head: [],
      leader: [],
    });
    const [assigned] = await inbox(handler, task.id);
    expect(assigned).toMatchObject({ title: `【交办】${task.code} 优化营商环境专项行动`, link: `/tasks/${task.id}`, entityType: 'task' });
    expect(assigned!.body).toContain('完成时限 2026-06-30');

    task = await step(handler, task, 'refuse', { comment: '不属于本单位职责' });
    const [refused] = await inbox(office, task.id);
    expect(refused).toMatchObject({ kind: 'task.refuse', title: `【拒收】${task.code} 优化营商环境专项行动` });
    expect(refused!.body).toContain('理由：不属于本单位职责');

    task = await step(office, task, 'assign');
    task = await step(handler, task, 'accept');
    task = await step(handler, task, 'report', { percent: 80, fileIds: [await upload(handler)] });
    task = await step(handler, task, 'request_close', { comment: '已全部完成' });
    task = await step(office, task, 'return', { comment: '佐证材料不全，请补充' });
    task = await step(handler, task, 'request_close', { fileIds: [await upload(handler)] });
    task = await step(office, task, 'close', { comment: '经审核，同意销号' });
    task = await step(office, task, 'reopen', { comment: '群众反映问题反弹' });

    expect(await kindsByPerson(task.id)).toEqual({
      office: ['task.refuse', 'task.request_close', 'task.request_close'],
      otherOffice: [], // did not assign it
      handler: ['task.assign', 'task.assign', 'task.return', 'task.close', 'task.reopen'], // not told of own steps; accept and report tell nobody
      backup: [],
      head: [],
      leader: [],
    });
    const notices = await inbox(handler, task.id);
    expect(notices[2]!.body).toContain('理由：佐证材料不全，请补充');
    expect(notices[3]!.body).toContain('销号意见：经审核，同意销号');
    expect(notices[4]!.body).toContain('原因：群众反映问题反弹');

    const english = await inbox(handler, task.id, 'en-US,en;q=0.9');
    expect(english.map((i) => i.title.split(']')[0])).toEqual(['[Assigned', '[Assigned', '[Returned', '[Closed', '[Reopened']);
    expect(english[2]!.body).toContain('was returned: 佐证材料不全，请补充');
    expect((await inbox(office, task.id, 'en-US'))[0]!.title).toBe(`[Refused] ${task.code} 优化营商环境专项行动`);
  });

  it("tells the handler and the head of the lead department of a leader's instruction (批示)", async () => {
    const task = await step(office, await newTask(), 'assign');
    const res = await leader.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '务必按期办结' } });
    expect(res.statusCode).toBe(201);
    const kinds = await kindsByPerson(task.id);
    expect(kinds).toMatchObject({ handler: ['task.assign', 'task.instruct'], head: ['task.instruct'], leader: [], office: [], backup: [] });
    expect((await inbox(head, task.id))[0]!.body).toContain('务必按期办结');
    expect((await inbox(head, task.id, 'en-US'))[0]!.title).toBe(`Leader's instruction: ${task.code} 优化营商环境专项行动`);
  });

  it('tells B while A is away (AB岗)', async () => {
    await setWhereaboutsOf(t, post.aPersonId!, 'leave');
    try {
      const task = await step(office, await newTask(), 'assign');
      expect(await kindsByPerson(task.id)).toMatchObject({ handler: [], backup: ['task.assign'] });
    } finally {
      await setWhereaboutsOf(t, post.aPersonId!, 'in_office');
    }
  });

  it('tells every office holder when the one who assigned it has no person (the administrator)', async () => {
    const task = await step(t.admin, await newTask(), 'assign');
    await step(handler, task, 'refuse', { comment: '职责不清' });
    expect(await kindsByPerson(task.id)).toMatchObject({ office: ['task.refuse'], otherOffice: ['task.refuse'], leader: [], head: [] });
  });

  it('tells once per step: a stale retry is refused and adds nothing; a refused step tells nobody', async () => {
    const created = await newTask();
    const task = await step(office, created, 'assign');
    const retry = await office.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/transition`,
      payload: { action: 'assign', version: created.version },
    });
    expect(retry.statusCode).toBe(409);
    const noReason = await handler.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/transition`,
      payload: { action: 'refuse', version: task.version },
    });
    expect(noReason.statusCode).toBe(400);
    expect(await kindsByPerson(task.id)).toMatchObject({ handler: ['task.assign'], office: [] });
    const rows = await t.db.db.selectFrom('notifications').select('dedupeKey').where('entityId', '=', task.id).execute();
    expect(rows).toHaveLength(1);
  });
});
