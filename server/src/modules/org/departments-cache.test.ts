import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { newId } from '../../platform/ids.ts';

/** Task pages name departments from an in-process cache: never stale after a write here. */
describe.each(ENGINES)('the cached department names on %s', (engine) => {
  let t: TestApp;
  let reader: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    reader = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const taskView = async (id: string) => (await reader.request({ method: 'GET', url: `/api/tasks/${id}` })).json() as Task;

  it('shows a renamed department on the next request', async () => {
    const task = await buildTask(t);
    const before = await taskView(task.id); // the departments are cached now
    const renamed = await t.admin.request({
      method: 'PATCH',
      url: `/api/departments/${task.leadDepartmentId}`,
      payload: { name: '改名后的科室' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(before.leadDepartmentName).not.toBe('改名后的科室');
    expect((await taskView(task.id)).leadDepartmentName).toBe('改名后的科室');
  });

  it('names a department made behind its back (another app instance) as soon as a task references it', async () => {
    const first = await buildTask(t);
    const parent = await buildDepartment(t);
    await taskView(first.id); // cached after the last department written here
    const now = new Date().toISOString();
    const id = newId();
    // not through this process's services: as another instance on the same PostgreSQL would write it
    await t.db.db
      .insertInto('departments')
      .values({
        ...parent,
        id,
        parentId: parent.id,
        name: '另一实例新设',
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const task = await buildTask(t, { leadDepartmentId: id });
    expect((await taskView(task.id)).leadDepartmentName).toBe('另一实例新设');
  });
});
