import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { enqueueDueCrons, runDueJobs, type JobDeps } from '../../platform/jobs/runner.ts';
import { requestMonthlySummaries } from './monthly-requests.service.ts';
import { monthlySummaryRequestJob } from './summaries.job.ts';
import { fourPm, headOf, morning } from './summaries.test-support.ts';

/**
 * The month-end request (一月一小结): at 16:00 on the month's last working day every department is asked
 * for its summary and told so — through the job table, once however many instances run it and however
 * often it runs; never on another day, never a department that reported unasked already.
 */
describe.each(ENGINES)('the monthly summary request job on %s', (engine) => {
  let t: TestApp;
  let second: Database;
  let heads: Awaited<ReturnType<typeof headOf>>[];
  let archivedId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    second = openDatabase(t.config); // a second app instance: its own connection(s) to the same database
    t.clock.set(morning('2026-02-27'));
    const city = await buildDepartment(t, { name: '城市管理局' });
    const squad = await buildDepartment(t, { name: '城管执法大队', parentId: city.id });
    const transport = await buildDepartment(t, { name: '交通运输局' });
    heads = [await headOf(t, city), await headOf(t, squad), await headOf(t, transport)];
    const archived = await buildDepartment(t, { name: '已撤销的部门' });
    await t.db.db.updateTable('departments').set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', archived.id).execute();
    archivedId = archived.id;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const ctx = () => systemCtx(t.db, t.clock);
  const asked = () =>
    t.db.db
      .selectFrom('monthlySummaries')
      .select(['departmentId', 'status', 'dueDate', 'requestedByName'])
      .where('month', '=', '2026-02')
      .execute();
  const notices = () =>
    t.db.db
      .selectFrom('notifications')
      .select(['personId', 'title', 'link'])
      .where('kind', '=', 'summary.request')
      .orderBy('personId')
      .execute();
  const reporting = async () =>
    (await t.db.db.selectFrom('departments').select('id').where('parentId', 'is not', null).where('archivedAt', 'is', null).execute()).map(
      (d) => d.id,
    );

  it('does nothing before the last working day: Friday 27 February is not the end of February', async () => {
    t.clock.set(fourPm('2026-02-27'));
    expect(await requestMonthlySummaries(ctx())).toEqual({ month: '2026-02', requested: 0 });
    expect(await asked()).toEqual([]);
  });

  it('asks every department once at 16:00 on the last working day (a 调休 Saturday), exactly once with two instances', async () => {
    // the 交通局 reports unasked that morning: the job leaves it be
    t.clock.set(morning('2026-02-28'));
    const early = await (
      await heads[2]!.signInAgain()
    ).request({
      method: 'POST',
      url: '/api/summaries/monthly',
      payload: { month: '2026-02', highlights: '公交线路优化完成', nextPlan: '推进公交接驳' },
    });
    expect(early.statusCode, early.body).toBe(200);

    t.clock.set(fourPm('2026-02-28'));
    const instance = (db: Database): JobDeps => ({
      db: db.db,
      engine: db.engine,
      clock: t.clock,
      config: t.config,
      jobs: [monthlySummaryRequestJob],
    });
    const [a, b] = [instance(t.db), instance(second)];
    const enqueued = await Promise.all([enqueueDueCrons(a, t.clock.now()), enqueueDueCrons(b, t.clock.now())]);
    expect(enqueued.reduce((x, y) => x + y, 0)).toBe(1);
    const runs = await Promise.all([runDueJobs(a, { instanceId: 'instance-a' }), runDueJobs(b, { instanceId: 'instance-b' })]);
    expect(runs.reduce((n, r) => n + r.done, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.failed + r.retried, 0)).toBe(0);

    const rows = await asked();
    const departments = await reporting();
    expect(rows.map((r) => r.departmentId).sort()).toEqual([...departments].sort()); // one each, the archived one and the root not asked
    expect(rows.map((r) => r.departmentId)).not.toContain(archivedId);
    const requested = rows.filter((r) => r.status === 'requested');
    expect(requested).toHaveLength(departments.length - 1);
    expect(requested.every((r) => r.dueDate === '2026-03-06' && r.requestedByName === '系统')).toBe(true);
    expect(rows.find((r) => r.departmentId === heads[2]!.department.id)!.status).toBe('submitted');

    // the heads of the city bureau and its squad are told (the transport bureau had reported already)
    const told = await notices();
    expect(told.map((n) => n.personId).sort()).toEqual([heads[0]!.head.id, heads[1]!.head.id].sort());
    expect(told[0]!.title).toBe('【月度小结】请报送2026年2月工作小结');
    expect(told.map((n) => n.link)).toContain(`/summaries/monthly/form?month=2026-02&departmentId=${heads[0]!.department.id}`);
    const audited = await t.db.db.selectFrom('auditEvents').select('actorName').where('action', '=', 'monthly_summary.request').execute();
    expect(audited).toHaveLength(departments.length - 1);
  });

  it('asks nobody twice when it runs again, and nothing the next working day', async () => {
    const [before, told] = [await asked(), await notices()];
    expect(await requestMonthlySummaries(ctx())).toEqual({ month: '2026-02', requested: 0 });
    t.clock.set(fourPm('2026-03-02'));
    expect(await requestMonthlySummaries(ctx())).toEqual({ month: '2026-03', requested: 0 });
    expect(await asked()).toEqual(before);
    expect(await notices()).toEqual(told);
  });

  it('declares its schedule beside its handler: 16:00 Asia/Shanghai, caught up until 23:00', () => {
    expect(monthlySummaryRequestJob.kind).toBe('summaries-monthly-request');
    expect(monthlySummaryRequestJob.schedule).toEqual([{ cron: '0 16 * * *', catchUpMs: 7 * 3_600_000 }]);
  });
});
