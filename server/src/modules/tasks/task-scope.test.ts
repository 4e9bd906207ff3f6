import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildPerson, buildSignedInUser, buildTask } from '../../../test/factories.ts';

/** A list filtered to one lead department: the data scope still decides, whether or not that department is in it. */
describe.each(ENGINES)('task lists by lead department under a data scope on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows all of a department in scope, and of one outside only what cooperates with the scope', async () => {
    const measure = await buildMeasure(t);
    const unit = await buildDepartment(t);
    const section = await buildDepartment(t, { parentId: unit.id });
    const outside = await buildDepartment(t);
    const head = await buildPerson(t, { departmentId: unit.id });
    const { session } = await buildSignedInUser(t, { permissions: ['tasks.read'], dataScope: 'dept_and_below', personId: head.id });
    const task = (leadDepartmentId: string, cooperatingDepartmentIds: string[] = []) =>
      buildTask(t, { measureId: measure.id, leadDepartmentId, cooperatingDepartmentIds, responsiblePostId: null });
    const own = [await task(section.id), await task(section.id)];
    const helped = await task(outside.id, [section.id]);
    await task(outside.id); // neither led nor helped by the scope

    const list = async (departmentId: string) => {
      const res = await session.request({
        method: 'GET',
        url: `/api/tasks?measureId=${measure.id}&departmentId=${departmentId}&pageSize=1`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Task[]; total: number };
      return { total: page.total, first: page.items[0]?.id };
    };
    expect(await list(section.id)).toEqual({ total: 2, first: expect.toBeOneOf(own.map((x) => x.id)) });
    expect(await list(outside.id)).toEqual({ total: 1, first: helped.id });
  });
});
