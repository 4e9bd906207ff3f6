import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MILESTONES = [
  { name: '制定实施方案', dueDate: '2026-03-31' },
  { name: '完成中期评估', dueDate: '2026-05-15' },
];

describe.each(ENGINES)('marking milestones done (时间节点完成) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let handler: Session;
  let cooperator: Session;
  let outsider: Session;
  let leader: Session;
  let lead: { id: string };
  let coop: { id: string };
  let post: { id: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    lead = await buildDepartment(t);
    coop = await buildDepartment(t);
    const handlerPerson = await buildPerson(t, { departmentId: lead.id });
    post = await buildPost(t, { departmentId: lead.id, aPersonId: handlerPerson.id });
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    handler = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: handlerPerson.id }))
      .session;
    cooperator = (
      await buildSignedInUser(t, {
        permissions: ['tasks.read', 'tasks.handle'],
        dataScope: 'dept',
        personId: (await buildPerson(t, { departmentId: coop.id })).id,
      })
    ).session;
    outsider = (
      await buildSignedInUser(t, {
        permissions: ['tasks.read', 'tasks.handle', 'plan.manage'],
        dataScope: 'dept',
        personId: (await buildPerson(t)).id,
      })
    ).session;
    leader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.instruct'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

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
  const mark = (
    s: Session,
    task: Pick<Task, 'id' | 'version'>,
    milestoneId: string,
    verb: 'complete' | 'reopen' = 'complete',
    version = task.version,
  ) => s.request({ method: 'POST', url: `/api/tasks/${task.id}/milestones/${milestoneId}/${verb}`, payload: { version } });
  /** a task with the two milestones, taken up by the handler */
  const acceptedTask = async () => {
    const created = await buildTask(t, {
      leadDepartmentId: lead.id,
      responsiblePostId: post.id,
      cooperatingDepartmentIds: [coop.id],
      milestones: MILESTONES,
    });
    return step(handler, await step(office, created, 'assign'), 'accept');
  };

  it('lets the handler mark a milestone done, recording when and by whom, with an event and an audit record; and undo it', async () => {
    const task = await acceptedTask();
    expect(task.abilities.milestones).toBe(true);
    const [first, second] = task.milestones;
    const res = await mark(handler, task, first!.id);
    expect(res.statusCode, res.body).toBe(200);
    const done: Task = res.json();
    expect(done.version).toBe(task.version + 1);
    expect(done.milestones[0]).toMatchObject({ id: first!.id, doneAt: t.clock.now().toISOString() });
    expect(done.milestones[0]!.doneByName).toBeTruthy();
    expect(done.milestones[1]).toMatchObject({ id: second!.id, doneAt: null, doneByName: null });

    const again = await mark(handler, done, first!.id); // already done: nothing changes
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(done.version);

    const events = (await office.request({ method: 'GET', url: `/api/tasks/${task.id}/events` })).json().items as {
      kind: string;
      text: string;
      actorName: string;
    }[];
    const event = events.find((e) => e.kind === 'milestone_done')!;
    expect(event).toMatchObject({ text: '制定实施方案（计划 2026-03-31）', actorName: done.milestones[0]!.doneByName });

    const undone = await mark(office, done, first!.id, 'reopen'); // the office may too
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().milestones[0]).toMatchObject({ doneAt: null, doneByName: null });
    const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=task&entityId=${task.id}&pageSize=50` })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['task.milestone_done', 'task.milestone_reopen']),
    );
    expect((await t.admin.request({ method: 'GET', url: '/api/audit/verify' })).json().ok).toBe(true);
  });

  it("refuses a stale version (409), another task's milestone (404), and those who may not (403 / 404)", async () => {
    const task = await acceptedTask();
    const other = await acceptedTask();
    const milestoneId = task.milestones[0]!.id;
    const stale = await mark(handler, task, milestoneId, 'complete', task.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await mark(handler, other, milestoneId)).statusCode).toBe(404);
    expect((await mark(handler, task, 'no-such-milestone')).statusCode).toBe(404);
    expect((await mark(cooperator, task, milestoneId)).statusCode).toBe(403); // sees it, does not handle it
    expect((await mark(leader, task, milestoneId)).statusCode).toBe(403);
    expect((await mark(outsider, task, milestoneId)).statusCode).toBe(404);
    const seen: Task = (await cooperator.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(seen.abilities.milestones).toBe(false);
    expect(seen.milestones.every((m) => m.doneAt === null)).toBe(true);
  });

  it('answers 409 before the task is taken up and once it is closed', async () => {
    const draft = await buildTask(t, { leadDepartmentId: lead.id, responsiblePostId: post.id, milestones: MILESTONES });
    const early = await mark(
      office,
      draft,
      (await office.request({ method: 'GET', url: `/api/tasks/${draft.id}` })).json().milestones[0].id,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('milestones_not_open');

    let task = await acceptedTask();
    const file = await handler.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: '佐证.pdf', contentType: 'application/pdf', data: PDF }),
    });
    task = await step(handler, task, 'report', { percent: 100, fileIds: [file.json().id] });
    task = await step(handler, task, 'request_close');
    task = await step(office, task, 'close', { comment: '同意销号' });
    expect(task.abilities.milestones).toBe(false);
    const closed = await mark(office, task, task.milestones[1]!.id, 'complete');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('已销号');
    const english = await office.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/milestones/${task.milestones[1]!.id}/complete`,
      payload: { version: task.version },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toContain('accepted or in progress');
  });
});
