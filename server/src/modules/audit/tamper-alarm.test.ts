import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildTask } from '../../../test/factories.ts';
import { loadConfig } from '../../platform/config.ts';
import { enqueueJob, runDueJobs } from '../../platform/jobs/runner.ts';
import { systemCtx } from '../../bootstrap.ts';
import { createAccount, roleByCode } from '../identity/index.ts';
import { auditVerifyJob } from './index.ts';

/**
 * The daily verification: quiet while everything verifies; on a tampered row it records an
 * `audit.verify_failed` event and alarms the holders of audit.read over the whole organisation
 * (纪检监察, the campaign office) — not other staff — once per run.
 */
describe.each(ENGINES)('scheduled audit verification on %s', (engine) => {
  let t: TestApp;
  let inspector: { id: string };
  let staff: { id: string };
  beforeAll(async () => {
    t = await startTestApp(engine);
    const ctx = systemCtx(t.db, t.clock);
    inspector = await buildPerson(t, { name: '纪检监察员' });
    staff = await buildPerson(t, { name: '普通科员' });
    for (const [person, role, username] of [
      [inspector, 'inspector', 'jijian'],
      [staff, 'staff', 'keyuan'],
    ] as const)
      await createAccount(ctx, { username, displayName: username, personId: person.id, roleIds: [(await roleByCode(t.db.db, role))!.id] });
  });
  afterAll(async () => {
    await t.close();
  });

  const runVerification = async (occasion: string) => {
    await enqueueJob(systemCtx(t.db, t.clock), auditVerifyJob, { scheduledFor: occasion });
    return runDueJobs(
      { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [auditVerifyJob] },
      { instanceId: 'test' },
    );
  };
  const inbox = (personId: string) =>
    t.db.db.selectFrom('notifications').selectAll().where('personId', '=', personId).where('kind', '=', 'audit.tamper').execute();
  const failures = () => t.db.db.selectFrom('auditEvents').selectAll().where('action', '=', 'audit.verify_failed').execute();

  it('runs daily at 02:40 unless QINLIAN_AUDIT_VERIFY_CRON says otherwise (checked at boot)', () => {
    expect(auditVerifyJob.schedule).toEqual([{ cron: '40 2 * * *' }]);
    expect(loadConfig({ QINLIAN_AUDIT_VERIFY_CRON: '0 4 * * 1' }).audit.verifyCron).toBe('0 4 * * 1');
    expect(() => loadConfig({ QINLIAN_AUDIT_VERIFY_CRON: 'every day' })).toThrow(/QINLIAN_AUDIT_VERIFY_CRON: must be a cron pattern/);
  });

  it('stays quiet while the chain and the rows verify', async () => {
    expect(await runVerification('2026-03-02T18:40:00.000Z')).toMatchObject({ done: 1, failed: 0 });
    expect(await inbox(inspector.id)).toEqual([]);
    expect(await failures()).toEqual([]);
  });

  it('alarms the discipline-inspection office and records the failure when a row was changed outside the app', async () => {
    const task = await buildTask(t);
    await t.db.db.updateTable('tasks').set({ progress: 100 }).where('id', '=', task.id).execute();
    expect(await runVerification('2026-03-03T18:40:00.000Z')).toMatchObject({ done: 1 });
    const [alarm, ...more] = await inbox(inspector.id);
    expect(more).toEqual([]);
    expect(alarm).toMatchObject({ title: '审计校验发现数据被篡改', titleEn: 'Audit verification found tampering', link: '/audit' });
    expect(alarm!.body).toContain(`tasks ${task.id}: 被改动 / changed outside the app: progress`);
    expect(await inbox(staff.id)).toEqual([]);
    const deliveries = await t.db.db
      .selectFrom('notificationDeliveries')
      .select('channel')
      .where('personId', '=', inspector.id)
      .where('notificationKind', '=', 'audit.tamper')
      .execute();
    expect(deliveries.map((d) => d.channel)).toContain('inapp');
    const [event] = await failures();
    expect(JSON.parse(event!.afterJson!).records.problems).toEqual([
      { table: 'tasks', id: task.id, kind: 'changed', columns: ['progress'], seq: expect.any(Number) },
    ]);
    // the same run again (a retry) alarms once
    await runVerification('2026-03-03T18:40:00.000Z');
    expect(await inbox(inspector.id)).toHaveLength(1);
  });
});
