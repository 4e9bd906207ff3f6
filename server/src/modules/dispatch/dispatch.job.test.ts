import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildAssignedTask, buildMeasure, buildPlan, buildProgramme, rootDepartment } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { enqueueDueCrons, runDueJobs, type JobDeps } from '../../platform/jobs/runner.ts';
import { draftWeeklySheets } from './dispatch-drafting.service.ts';
import { dispatchDraftJob } from './dispatch.job.ts';
import { officeOf } from './dispatch.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z');
/** 08:00 in Shanghai on a date of 2026 */
const eight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The weekly draft job (一周一调度): at 08:00 on the first working day of the ISO week it drafts the
 * week's sheet of each running plan for the area — through the job table, once however many instances
 * run it; never on a day off, never twice in a week, never for a plan not running.
 */
describe.each(ENGINES)('the weekly dispatch draft job on %s', (engine) => {
  let t: TestApp;
  let planId: string;
  let finishedPlanId: string;
  let second: Database;

  beforeAll(async () => {
    t = await startTestApp(engine);
    second = openDatabase(t.config); // a second app instance: its own connection(s) to the same database
    const plan = await buildPlan(t, { name: '2026年勤廉新区建设行动' });
    planId = plan.id;
    finishedPlanId = (await buildPlan(t, { name: '2025年行动', year: 2025, startDate: '2025-01-01', endDate: '2025-12-31' })).id;
    const measure = await buildMeasure(t, { programmeId: (await buildProgramme(t, { planId })).id });
    // a red task to carry: due on the Friday before the first week drafted below
    await buildAssignedTask(t, await officeOf(t), { measureId: measure.id, startDate: '2026-03-02', dueDate: '2026-03-06' });
  });
  afterEach(() => t.clock.set(START));
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const ctx = () => systemCtx(t.db, t.clock);
  const sheetsOf = (id: string) =>
    t.db.db
      .selectFrom('dispatchSheets')
      .select(['week', 'departmentId', 'draftedByName'])
      .where('planId', '=', id)
      .orderBy('week')
      .execute();

  it('drafts the week at Monday 08:00 through the job table, exactly once with two instances racing', async () => {
    t.clock.set(eight('2026-03-09')); // Monday of 2026-W11
    const instance = (db: Database): JobDeps => ({
      db: db.db,
      engine: db.engine,
      clock: t.clock,
      config: t.config,
      jobs: [dispatchDraftJob],
    });
    const [a, b] = [instance(t.db), instance(second)];
    const enqueued = await Promise.all([enqueueDueCrons(a, t.clock.now()), enqueueDueCrons(b, t.clock.now())]);
    expect(enqueued.reduce((x, y) => x + y, 0)).toBe(1);
    const runs = await Promise.all([runDueJobs(a, { instanceId: 'instance-a' }), runDueJobs(b, { instanceId: 'instance-b' })]);
    expect(runs.reduce((n, r) => n + r.done, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.failed + r.retried, 0)).toBe(0);

    const root = await rootDepartment(t);
    expect(await sheetsOf(planId)).toEqual([{ week: '2026-W11', departmentId: root.id, draftedByName: '系统' }]);
    const items = await t.db.db
      .selectFrom('dispatchItems')
      .innerJoin('dispatchSheets', 'dispatchSheets.id', 'dispatchItems.sheetId')
      .select(['dispatchItems.source', 'dispatchItems.warning'])
      .where('dispatchSheets.planId', '=', planId)
      .execute();
    expect(items).toEqual([{ source: 'task', warning: 'red' }]);
    expect(await sheetsOf(finishedPlanId)).toEqual([]); // a plan that is over gets none
    const audited = await t.db.db
      .selectFrom('auditEvents')
      .select(['action', 'actorName'])
      .where('action', '=', 'dispatch_sheet.draft')
      .execute();
    expect(audited).toEqual([{ action: 'dispatch_sheet.draft', actorName: '系统' }]);

    t.clock.set(eight('2026-03-10')); // the same week's Tuesday: already drafted
    expect(await draftWeeklySheets(ctx())).toEqual({ drafted: 0 });
    expect(await sheetsOf(planId)).toHaveLength(1);
  });

  it('skips days off: a holiday Monday moves the draft to the first working day of the week', async () => {
    t.clock.set(eight('2026-03-14')); // Saturday
    expect(await draftWeeklySheets(ctx())).toEqual({ drafted: 0 });
    t.clock.set(eight('2026-04-06')); // Monday of 2026-W15, 清明节 holiday
    expect(await draftWeeklySheets(ctx())).toEqual({ drafted: 0 });
    t.clock.set(eight('2026-04-07')); // Tuesday: the week's first working day
    expect(await draftWeeklySheets(ctx())).toEqual({ drafted: 1 });
    expect((await sheetsOf(planId)).map((s) => s.week)).toEqual(['2026-W11', '2026-W15']);
  });

  it('declares its schedule beside its handler: 08:00 Asia/Shanghai, caught up the same day', () => {
    expect(dispatchDraftJob.schedule).toEqual([{ cron: '0 8 * * *', catchUpMs: 10 * 3_600_000 }]);
    expect(dispatchDraftJob.kind).toBe('dispatch-weekly-draft');
  });
});
