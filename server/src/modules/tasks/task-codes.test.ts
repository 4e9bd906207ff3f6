import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildTask } from '../../../test/factories.ts';

describe.each(ENGINES)('automatic task codes (自动编号) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (measureId: string, leadDepartmentId: string, extra: Record<string, unknown> = {}) =>
    t.admin.request({
      method: 'POST',
      url: '/api/tasks',
      payload: { measureId, title: '并发新建任务', leadDepartmentId, startDate: '2026-03-02', dueDate: '2026-06-30', ...extra },
    });

  it('gives ten concurrent creates in one measure ten distinct codes, none refused', async () => {
    const measure = await buildMeasure(t, { code: 'JC01' });
    const dept = await buildDepartment(t);
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(measure.id, dept.id)));
    expect(
      answers.map((a) => a.statusCode),
      answers.map((a) => a.body).join('\n'),
    ).toEqual(Array(10).fill(201));
    const codes = answers.map((a) => (a.json() as Task).code).sort();
    expect(codes).toEqual(Array.from({ length: 10 }, (_, i) => `JC01-${String(i + 1).padStart(2, '0')}`));
  });

  it('skips codes already taken by hand or by an import', async () => {
    const measure = await buildMeasure(t, { code: 'JC02' });
    const dept = await buildDepartment(t);
    await buildTask(t, { measureId: measure.id, code: 'JC02-01' });
    await buildTask(t, { measureId: measure.id, code: 'JC02-02' });
    const first = await create(measure.id, dept.id);
    expect((first.json() as Task).code).toBe('JC02-03');
    await buildTask(t, { measureId: measure.id, code: 'JC02-04' });
    const second = await create(measure.id, dept.id);
    expect((second.json() as Task).code).toBe('JC02-05');
    const typed = await create(measure.id, dept.id, { code: 'JC02-05' });
    expect(typed.statusCode).toBe(409);
  });
});
