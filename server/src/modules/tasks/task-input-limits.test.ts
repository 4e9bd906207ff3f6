import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildMeasure, buildTask } from '../../../test/factories.ts';

/**
 * Too long or out of range is refused with the field and its limit, never cut or clamped without a
 * word (issue #12 item 10: a 520-character title became 200, a progress of 150 became 100 — in the
 * console's inputs; the server refuses both and keeps nothing).
 */
describe.each(ENGINES)('task input limits on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a 520-character title with the field and the limit, and writes nothing', async () => {
    const measure = await buildMeasure(t);
    const dept = await buildDepartment(t);
    const title = '督'.repeat(520);
    for (const [lang, message] of [
      ['zh-CN', '最多 200 个字符'],
      ['en', 'at most 200 characters'],
    ]) {
      const res = await t.admin.request({
        method: 'POST',
        url: '/api/tasks',
        headers: { 'accept-language': lang! },
        payload: { measureId: measure.id, title, leadDepartmentId: dept.id, startDate: '2026-03-02', dueDate: '2026-06-30' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'body.title', message }] });
    }
    const stored = await t.db.db.selectFrom('tasks').select('title').where('measureId', '=', measure.id).execute();
    expect(stored).toEqual([]);

    const task = await buildTask(t);
    const edit = await t.admin.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { title, version: task.version } });
    expect(edit.json().error.fields).toEqual([{ path: 'body.title', message: '最多 200 个字符' }]);
    const after = await t.db.db.selectFrom('tasks').select('title').where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(after.title).toBe(task.title);
  });

  it('refuses a progress of 150 (and −1) with the field and the range', async () => {
    const task = await buildTask(t);
    for (const [percent, message] of [
      [150, '不能大于 100'],
      [-1, '不能小于 0'],
    ] as const) {
      const res = await t.admin.request({
        method: 'POST',
        url: `/api/tasks/${task.id}/transition`,
        payload: { action: 'report', version: task.version, percent },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'body.percent', message }]);
    }
    const after = await t.db.db.selectFrom('tasks').select(['progress', 'version']).where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ progress: 0, version: task.version });
  });
});
