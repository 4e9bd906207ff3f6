import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem, Task } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildAssignedTask,
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPost,
  buildSignedInUser,
  buildTask,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { BUILTIN_ROLES, createAccount, roleByCode } from '../identity/index.ts';

/**
 * 纪检监察 reads supervision as its role promises — plans, tasks, the board — and changes none of
 * it; a notice it receives about a task opens, and none is sent to it about work it cannot act on.
 */
describe('the built-in inspector role (纪检监察)', () => {
  it('reads supervision and holds no permission that changes it', () => {
    const inspector = BUILTIN_ROLES.find((r) => r.code === 'inspector')!;
    expect(inspector.permissions).toContain('tasks.read');
    expect(inspector.dataScope).toBe('all');
    for (const p of ['plan.manage', 'tasks.handle', 'tasks.instruct', 'people.manage', 'org.manage'] as const)
      expect(inspector.permissions).not.toContain(p);
  });
});

describe.each(ENGINES)('纪检监察 on supervision on %s', (engine) => {
  let t: TestApp;
  let inspector: Session;
  let inspectorPersonId: string;
  let office: Session;
  let dept: { id: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    dept = await buildDepartment(t, { name: '纪检监察工委' });
    const person = await buildPerson(t, { departmentId: dept.id, title: '书记' }); // heads the department
    inspectorPersonId = person.id;
    const role = (await roleByCode(t.db.db, 'inspector'))!;
    await createAccount(systemCtx(t.db, t.clock), {
      username: 'inspector1',
      displayName: '纪检',
      personId: person.id,
      roleIds: [role.id],
      password: TEST_PASSWORD,
      mustChange: false,
    });
    inspector = await signIn(t.app, 'inspector1', TEST_PASSWORD);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const assigned = (overrides: Parameters<typeof buildTask>[1] = {}) => buildAssignedTask(t, office, overrides);

  it('reads plans, every department’s tasks and the board, with no action offered', async () => {
    const measure = await buildMeasure(t);
    const task = await assigned({ measureId: measure.id, tagged: true });
    for (const url of ['/api/plans', `/api/plans/${measure.planId}/rollup`, '/api/tasks/board', `/api/tasks/${task.id}/events`])
      expect((await inspector.request({ method: 'GET', url })).statusCode, url).toBe(200);
    const list = await inspector.request({ method: 'GET', url: `/api/tasks?planId=${measure.planId}` });
    expect(list.json().items.map((x: Task) => x.id)).toEqual([task.id]);
    const seen = (await inspector.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json() as Task;
    expect(Object.entries(seen.abilities).filter(([, allowed]) => allowed)).toEqual([]);
  });

  it('changes nothing: every step, urging, instruction and edit is refused', async () => {
    const task = await assigned();
    const refused = [
      await inspector.request({
        method: 'POST',
        url: `/api/tasks/${task.id}/transition`,
        payload: { action: 'accept', version: task.version },
      }),
      await inspector.request({ method: 'POST', url: `/api/tasks/${task.id}/urge`, payload: { message: '请加快' } }),
      await inspector.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '抓紧' } }),
      await inspector.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: task.version, title: '改' } }),
      await inspector.request({ method: 'POST', url: '/api/tasks', payload: {} }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
  });

  it('is not told to act on a task of its post, but a 批示 to its department opens', async () => {
    const post = await buildPost(t, { departmentId: dept.id, aPersonId: inspectorPersonId });
    const colleague = await buildSignedInUser(t, {
      permissions: ['tasks.read', 'tasks.handle'],
      dataScope: 'dept',
      personId: post.bPersonId,
    });
    const task = await assigned({ leadDepartmentId: dept.id, responsiblePostId: post.id });
    const inbox = async (s: Session) =>
      ((await s.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json().items as InboxItem[]).filter(
        (i) => i.entityId === task.id,
      );
    expect(await inbox(inspector)).toEqual([]); // cannot act: the department's handler is told instead
    expect((await inbox(colleague.session)).map((i) => i.kind)).toEqual(['task.assign']);

    const leader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.instruct'] })).session;
    expect(
      (await leader.request({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, payload: { text: '严肃对待' } })).statusCode,
    ).toBe(201);
    const [notice] = await inbox(inspector); // as the head of the lead department, who may read the task
    expect(notice).toMatchObject({ kind: 'task.instruct', link: `/tasks/${task.id}` });
    expect((await inspector.request({ method: 'GET', url: `/api${notice!.link!}` })).statusCode).toBe(200); // the page's own read
  });
});
