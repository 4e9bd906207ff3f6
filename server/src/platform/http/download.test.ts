import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ENGINES, signIn, startTestApp, type TestApp } from '../../../test/harness.ts';
import { exportDay } from './download.ts';

describe('export file names carry the day in Asia/Shanghai', () => {
  it('turns the day at 16:00 UTC, midnight in Shanghai', () => {
    expect(exportDay(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(exportDay(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
    expect(exportDay(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });
});

describe.each(ENGINES)('export downloads named by the Shanghai day on %s', (engine) => {
  let t: TestApp;
  const start = new Date('2026-03-02T01:00:00Z');
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterEach(() => t.clock.set(start));
  afterAll(async () => {
    await t.close();
  });

  it('names the people and task lists by the date in Shanghai at 01:30 there (still yesterday in UTC)', async () => {
    t.clock.set(new Date('2026-03-02T17:30:00Z'));
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD); // the start's session has timed out by then
    for (const [url, zh, ascii] of [
      ['/api/people/export.xlsx', '人员名单', 'people'],
      ['/api/tasks/export.xlsx', '任务清单', 'tasks'],
    ]) {
      const res = await admin.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${ascii}-2026-03-03.xlsx"; filename*=UTF-8''${encodeURIComponent(`${zh}-2026-03-03.xlsx`)}`,
      );
    }
  });
});
