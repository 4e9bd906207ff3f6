import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, InboxItem, Permission } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildAssignedTask,
  buildDepartment,
  buildPerson,
  buildPost,
  buildSignedInUser,
  setWhereaboutsOf,
} from '../../../test/factories.ts';

/**
 * Notices reach people who can act (issue 12): the acting holder of the post when their account may
 * handle the task, else the lead department's head, else its accounts that may handle it — and a
 * notice nobody can receive is kept in the delivery log as undeliverable, not dropped.
 */
describe.each(ENGINES)('who a task notice reaches on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  const handling: Permission[] = ['tasks.read', 'tasks.handle'];

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const account = async (personId: string, permissions: Permission[] = handling) =>
    (await buildSignedInUser(t, { permissions, dataScope: 'dept', personId })).session;
  const kinds = async (s: Session, taskId: string) => {
    const res = await s.request({ method: 'GET', url: '/api/inbox?pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as InboxItem[]).filter((i) => i.entityId === taskId).map((i) => i.kind);
  };
  const assign = (departmentId: string, postId: string) =>
    buildAssignedTask(t, office, { leadDepartmentId: departmentId, responsiblePostId: postId, title: '建立重点项目调度台账' });
  const inboxRows = (personId: string, taskId: string) =>
    t.db.db.selectFrom('notifications').select('kind').where('personId', '=', personId).where('entityId', '=', taskId).execute();

  it('reaches the head of the lead department when the holder of the post has no account', async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id }); // A and B without accounts
    const head = await account((await buildPerson(t, { departmentId: dept.id, title: '局长' })).id);
    const task = await assign(dept.id, post.id);
    expect(await kinds(head, task.id)).toEqual(['task.assign']);
    expect(await inboxRows(post.aPersonId!, task.id)).toEqual([]); // nobody would read it there
  });

  it('reaches every account of the department that may handle it when the head has none, and nobody without the right or away', async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    await buildPerson(t, { departmentId: dept.id, title: '局长' }); // the head, without an account
    const [first, second] = [
      await account((await buildPerson(t, { departmentId: dept.id })).id),
      await account((await buildPerson(t, { departmentId: dept.id })).id),
    ];
    const reader = await account((await buildPerson(t, { departmentId: dept.id })).id, ['tasks.read']);
    const awayPerson = await buildPerson(t, { departmentId: dept.id });
    await setWhereaboutsOf(t, awayPerson.id, 'leave');
    const away = await account(awayPerson.id);
    const task = await assign(dept.id, post.id);
    expect(await kinds(first, task.id)).toEqual(['task.assign']);
    expect(await kinds(second, task.id)).toEqual(['task.assign']);
    expect(await kinds(reader, task.id)).toEqual([]);
    expect(await kinds(away, task.id)).toEqual([]);
  });

  it('passes over a holder whose account may not handle it (a reader such as 纪检监察) for the department', async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const holder = (await buildSignedInUser(t, { permissions: ['tasks.read'], dataScope: 'all', personId: post.aPersonId })).session;
    const colleague = await account((await buildPerson(t, { departmentId: dept.id })).id);
    const task = await assign(dept.id, post.id);
    expect(await kinds(holder, task.id)).toEqual([]);
    expect(await kinds(colleague, task.id)).toEqual(['task.assign']);
  });

  it('tells B while A is away, and the department when B is away too', async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const [a, b] = [await account(post.aPersonId!), await account(post.bPersonId!)];
    const colleague = await account((await buildPerson(t, { departmentId: dept.id })).id);
    await setWhereaboutsOf(t, post.aPersonId!, 'leave');
    const toB = await assign(dept.id, post.id);
    expect([await kinds(a, toB.id), await kinds(b, toB.id), await kinds(colleague, toB.id)]).toEqual([[], ['task.assign'], []]);
    await setWhereaboutsOf(t, post.bPersonId!, 'trip');
    const toDepartment = await assign(dept.id, post.id);
    expect([await kinds(a, toDepartment.id), await kinds(b, toDepartment.id), await kinds(colleague, toDepartment.id)]).toEqual([
      [],
      [],
      ['task.assign'],
    ]);
  });

  it('keeps a notice nobody can receive in the delivery log as undeliverable, saying why', async () => {
    const dept = await buildDepartment(t, { name: '无人值守局' });
    const post = await buildPost(t, { departmentId: dept.id, name: '值班岗' });
    const task = await assign(dept.id, post.id);
    const res = await t.admin.request({ method: 'GET', url: '/api/notification-deliveries?status=undeliverable&pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (res.json().items as Delivery[]).filter((d) => d.title.includes(task.code));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ notificationKind: 'task.assign', status: 'undeliverable', channel: 'inapp', personId: null });
    expect(mine[0]!.lastError).toContain('岗位“值班岗”');
    expect(mine[0]!.lastError).toContain('无人值守局');
    const inbox = await t.db.db.selectFrom('notifications').select('id').where('entityId', '=', task.id).execute();
    expect(inbox).toEqual([]);
    // the delivery log is the administrators' (notifications.manage)
    const denied = await office.request({ method: 'GET', url: '/api/notification-deliveries?status=undeliverable' });
    expect(denied.statusCode).toBe(403);
  });
});
