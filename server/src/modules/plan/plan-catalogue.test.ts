import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rollup, Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildMeasure, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { newId } from '../../platform/ids.ts';

/** Task pages and roll-ups read plans, programmes and measures from an in-process cache: never stale after a write here. */
describe.each(ENGINES)('the cached plan catalogue on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const taskView = async (id: string) => (await office.request({ method: 'GET', url: `/api/tasks/${id}` })).json() as Task;
  const rollupOf = async (planId: string) => (await office.request({ method: 'GET', url: `/api/plans/${planId}/rollup` })).json() as Rollup;

  it('shows renamed programmes and measures and new measures on the next request', async () => {
    const measure = await buildMeasure(t);
    const task = await buildTask(t, { measureId: measure.id });
    expect(await taskView(task.id)).toMatchObject({ measureName: measure.name });
    await rollupOf(measure.planId);

    const renamed = await office.request({
      method: 'PATCH',
      url: `/api/plan/measures/${measure.id}`,
      payload: { name: '优化营商环境', version: measure.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const programme = await office.request({
      method: 'PATCH',
      url: `/api/plan/programmes/${measure.programmeId}`,
      payload: { name: '效能提升工程' },
    });
    expect(programme.statusCode, programme.body).toBe(200);
    expect(await taskView(task.id)).toMatchObject({ measureName: '优化营商环境', programmeName: '效能提升工程' });

    const added = await office.request({
      method: 'POST',
      url: '/api/plan/measures',
      payload: { programmeId: measure.programmeId, code: 'NEW1', name: '新增举措' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = await rollupOf(measure.planId);
    expect(after.programmes[0]!.name).toBe('效能提升工程');
    expect(after.programmes[0]!.measures.map((m) => m.name)).toEqual(['优化营商环境', '新增举措']);
  });

  it('names a measure made behind its back (another app instance) as soon as a task references it', async () => {
    const measure = await buildMeasure(t);
    const first = await buildTask(t, { measureId: measure.id });
    await taskView(first.id); // the plan's catalogue is cached now
    const now = new Date().toISOString();
    const id = newId();
    await t.db.db
      .insertInto('measures')
      .values({ ...measure, id, code: 'OTHER1', name: '另一实例新增', version: 1, createdAt: now, updatedAt: now })
      .execute();
    const task = await buildTask(t, { measureId: id });
    expect(await taskView(task.id)).toMatchObject({ measureId: id, measureName: '另一实例新增' });
  });
});
