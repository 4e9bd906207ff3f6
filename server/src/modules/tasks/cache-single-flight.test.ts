import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { departmentsRepo } from '../org/departments.repo.ts';
import { planRepo } from '../plan/plan.repo.ts';

/**
 * A task page reads the plan catalogue, the departments and the working calendar from in-process
 * caches. When an entry is missing or stale, the requests in flight together read it once — not
 * once each (50 clients at the moment an entry expires made 50 identical reads).
 */
describe.each(ENGINES)('cache loads shared by concurrent requests on %s', (engine) => {
  let t: TestApp;
  let reader: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    reader = (await buildSignedInUser(t, { permissions: ['tasks.read', 'calendar.manage'] })).session;
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const together = (n: number, url: string) => Promise.all(Array.from({ length: n }, () => reader.request({ method: 'GET', url })));
  const expectAllOk = (responses: { statusCode: number; body: string }[]) => {
    for (const r of responses) expect(r.statusCode, r.body).toBe(200);
  };

  it('reads a plan catalogue not yet cached once for ten concurrent requests', async () => {
    const task = await buildTask(t); // a new plan: its catalogue is not cached
    const reads = vi.spyOn(planRepo, 'measuresOf');
    const pages = await together(10, `/api/tasks/${task.id}`);
    expectAllOk(pages);
    expect(pages.every((p) => p.json().measureName)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads the departments once for ten concurrent requests after a department write', async () => {
    const task = await buildTask(t); // its new lead department moved the departments epoch on
    const reads = vi.spyOn(departmentsRepo, 'allBasics');
    const pages = await together(10, `/api/tasks/${task.id}`);
    expectAllOk(pages);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads the calendar overrides once for ten concurrent requests after an override changed', async () => {
    const task = await buildTask(t);
    const set = await reader.request({
      method: 'PUT',
      url: '/api/calendar/overrides',
      payload: { date: '2026-04-07', working: false, note: '本地调休' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const selectFrom = vi.spyOn(t.db.db, 'selectFrom');
    expectAllOk(await together(10, `/api/tasks/${task.id}`));
    expect(selectFrom.mock.calls.filter(([table]) => table === 'calendarOverrides')).toHaveLength(1);
  });
});
