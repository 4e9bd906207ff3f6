import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import type { DataScope, Permission } from '@qinlian/contracts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { enqueueDueCrons, runDueJobs } from '../../platform/jobs/runner.ts';
import { transitionTask } from './task-actions.service.ts';
import { taskHistory } from './tasks.service.ts';
import { taskWarningsJob, urgeAndEscalate } from './urging.job.ts';

/** 09:00 in Shanghai on a date of March 2026 */
const morning = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T01:00:00Z`);

describe.each(ENGINES)('automatic urging and escalation (催办) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const ctx = () => systemCtx(t.db, t.clock);
  /** Notices go only to people whose account may open (or act on) the task: give them one. */
  const account = (personId: string, permissions: Permission[], dataScope: DataScope) =>
    buildSignedInUser(t, { personId, permissions, dataScope });
  const handlerRights: Permission[] = ['tasks.read', 'tasks.handle'];
  const inbox = (personId: string) =>
    t.db.db
      .selectFrom('notifications')
      .select(['kind', 'title', 'body', 'entityId'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute();
  const events = async (taskId: string) =>
    (await taskHistory(ctx(), taskId)).events.filter((e) => e.kind === 'urge' || e.kind === 'escalate').map((e) => `${e.kind}:${e.text}`);

  it('urges the handler on yellow and on red, then escalates to the department head and the leader in charge, each once', async () => {
    t.clock.set(morning(2)); // Monday 2 March
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const head = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    const leader = await buildPerson(t, { title: '管委会副主任' });
    const task = await buildTask(t, {
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      leaderPersonId: leader.id,
      startDate: '2026-03-02',
      dueDate: '2026-03-06',
    });
    await account(post.aPersonId!, handlerRights, 'dept');
    await account(head.id, handlerRights, 'dept');
    await account(leader.id, ['tasks.read', 'tasks.instruct'], 'all');
    await transitionTask(ctx(), task.id, { action: 'assign', version: task.version });
    const handler = post.aPersonId!;

    t.clock.set(morning(5)); // Thursday: one working day left → yellow
    expect(await urgeAndEscalate(ctx())).toMatchObject({ urged: 1, escalated: 0 });
    expect(await urgeAndEscalate(ctx())).toMatchObject({ changed: 0, urged: 0, escalated: 0 }); // again: nothing new
    expect((await inbox(handler)).map((n) => n.kind)).toEqual(['task.assign', 'task.warning.yellow']); // told of the assignment, then urged

    t.clock.set(morning(9)); // Monday 9 March: overdue → red, urged again; red for 0 days: no escalation
    expect(await urgeAndEscalate(ctx())).toMatchObject({ changed: 1, urged: 1, escalated: 0 });
    const red = (await inbox(handler))[2]!;
    expect(red).toMatchObject({ kind: 'task.warning.red', entityId: task.id });
    expect(red.title).toContain('已逾期');

    t.clock.set(morning(11)); // red for 2 working days: below the 3 of the default thresholds
    expect(await urgeAndEscalate(ctx())).toMatchObject({ urged: 0, escalated: 0 });
    expect(await inbox(head.id)).toEqual([]);

    // Thursday 12 March at 08:30: the daily cron, through the job table and the runner
    t.clock.set(new Date('2026-03-12T00:30:00Z'));
    const deps = { db: t.db.db, engine: t.db.engine, clock: t.clock, config: t.config, jobs: [taskWarningsJob] };
    expect(await enqueueDueCrons(deps, t.clock.now())).toBe(1);
    expect(await runDueJobs(deps, { instanceId: 'test' })).toMatchObject({ done: 1 });
    const toHead = await inbox(head.id);
    expect(toHead).toHaveLength(1);
    expect(toHead[0]).toMatchObject({ kind: 'task.escalate', entityId: task.id });
    expect(toHead[0]!.body).toContain('已亮红灯 3 个工作日');
    expect(await inbox(leader.id)).toEqual([]);

    t.clock.set(morning(13));
    expect(await urgeAndEscalate(ctx())).toMatchObject({ urged: 0, escalated: 0 }); // the head is not told twice

    t.clock.set(morning(17)); // Tuesday 17 March: red for 6 working days → the leader in charge
    expect(await urgeAndEscalate(ctx())).toMatchObject({ urged: 0, escalated: 1 });
    expect(await urgeAndEscalate(ctx())).toMatchObject({ urged: 0, escalated: 0 });
    expect((await inbox(leader.id)).map((n) => n.kind)).toEqual(['task.escalate']);
    expect(await inbox(head.id)).toHaveLength(1);
    expect((await inbox(handler)).map((n) => n.kind)).toEqual(['task.assign', 'task.warning.yellow', 'task.warning.red']);

    expect(await events(task.id)).toEqual([
      'urge:系统自动催办（黄灯）',
      'urge:系统自动催办（红灯）',
      'escalate:红灯持续 3 个工作日，升级督办至牵头部门负责人',
      'escalate:红灯持续 6 个工作日，升级督办至分管领导',
    ]);
    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', task.id)
      .where('action', 'in', ['task.urge', 'task.escalate'])
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('skips a level nobody fills, and counts working days across a holiday', async () => {
    t.clock.set(new Date('2026-09-28T01:00:00Z')); // Monday before National Day
    const dept = await buildDepartment(t); // no head in this department
    const post = await buildPost(t, { departmentId: dept.id });
    const leader = await buildPerson(t, { title: '分管领导' });
    const task = await buildTask(t, {
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      leaderPersonId: leader.id,
      startDate: '2026-09-01',
      dueDate: '2026-09-29',
    });
    await account(post.aPersonId!, handlerRights, 'dept');
    await account(leader.id, ['tasks.read', 'tasks.instruct'], 'all');
    await transitionTask(ctx(), task.id, { action: 'assign', version: task.version });

    t.clock.set(new Date('2026-09-30T01:00:00Z')); // Wednesday 30 Sep: red
    await urgeAndEscalate(ctx());
    t.clock.set(new Date('2026-10-08T01:00:00Z')); // the holiday week counts as nothing: 30 Sep → 8 Oct is 1 working day held
    expect(await urgeAndEscalate(ctx())).toMatchObject({ escalated: 0 });
    t.clock.set(new Date('2026-10-12T01:00:00Z')); // Mon 12 Oct: 30 Sep, 9, 10 (make-up Saturday), 12 → held 3
    expect(await urgeAndEscalate(ctx())).toMatchObject({ escalated: 1 });
    expect((await inbox(leader.id)).map((n) => n.kind)).toEqual(['task.escalate']); // no head: the next level up
  });

  it('urges only who can act: a holder without the right is passed over for the department, and what nobody can open is recorded', async () => {
    t.clock.set(morning(2));
    const dept = await buildDepartment(t); // no head
    const post = await buildPost(t, { departmentId: dept.id });
    const colleague = await buildPerson(t, { departmentId: dept.id });
    const leader = await buildPerson(t, { title: '分管领导' }); // no account
    await account(post.aPersonId!, ['tasks.read'], 'all'); // reads everything, handles nothing (纪检监察)
    await account(colleague.id, handlerRights, 'dept'); // the department's one account that may handle it
    const task = await buildTask(t, {
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      leaderPersonId: leader.id,
      startDate: '2026-03-02',
      dueDate: '2026-03-06',
    });
    await transitionTask(ctx(), task.id, { action: 'assign', version: task.version });
    t.clock.set(morning(5)); // yellow (tasks of the tests before change colour too: look at the inboxes, not the totals)
    await urgeAndEscalate(ctx());
    expect((await inbox(colleague.id)).map((n) => n.kind)).toEqual(['task.assign', 'task.warning.yellow']);
    expect(await inbox(post.aPersonId!)).toEqual([]);
    expect(await inbox(post.bPersonId!)).toEqual([]); // B acts only while A is away

    t.clock.set(morning(9)); // red
    await urgeAndEscalate(ctx());
    t.clock.set(morning(12)); // red for 3 working days: up to the leader (no head), who has no account
    await urgeAndEscalate(ctx());
    expect(await inbox(leader.id)).toEqual([]);
    expect((await events(task.id)).filter((e) => e.startsWith('escalate'))).toEqual([]); // nobody was told: not on the record either
    const undeliverable = await t.db.db
      .selectFrom('notificationDeliveries')
      .select(['notificationKind', 'status', 'lastError', 'personId'])
      .where('entityId', '=', task.id)
      .where('status', '=', 'undeliverable')
      .execute();
    expect(undeliverable).toEqual([
      {
        notificationKind: 'task.escalate',
        status: 'undeliverable',
        lastError: expect.stringContaining('分管领导无法接收'),
        personId: null,
      },
    ]);
  });
});
