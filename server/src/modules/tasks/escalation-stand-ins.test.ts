import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope, Permission } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, buildTask } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { transitionTask } from './task-actions.service.ts';
import { taskHistory } from './tasks.service.ts';
import { urgeAndEscalate } from './urging.job.ts';

/** 09:00 in Shanghai on a date of March 2026 */
const morning = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T01:00:00Z`);

/**
 * 升级督办 to a department head who cannot receive it (no account) reaches the department's
 * stand-ins, as every notice to the department does; it is undeliverable only when nobody can
 * receive it. The history records it in both languages.
 */
describe.each(ENGINES)('escalation to a head without an account on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.set(morning(2)));

  const ctx = () => systemCtx(t.db, t.clock);
  const account = (personId: string, permissions: Permission[], dataScope: DataScope) =>
    buildSignedInUser(t, { personId, permissions, dataScope });
  const handlerRights: Permission[] = ['tasks.read', 'tasks.handle'];
  const inboxKinds = async (personId: string, taskId: string) =>
    (
      await t.db.db
        .selectFrom('notifications')
        .select('kind')
        .where('personId', '=', personId)
        .where('entityId', '=', taskId)
        .orderBy('id')
        .execute()
    ).map((n) => n.kind);
  const undeliverable = (taskId: string) =>
    t.db.db
      .selectFrom('notificationDeliveries')
      .select(['notificationKind', 'lastError'])
      .where('entityId', '=', taskId)
      .where('status', '=', 'undeliverable')
      .execute();

  /** a department whose head (局长) has no account, its handler on the task's post, a red task three working days old */
  async function redTaskOfHeadWithoutAccount(opts: { colleague: boolean }) {
    t.clock.set(morning(2));
    const dept = await buildDepartment(t);
    const head = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    const post = await buildPost(t, { departmentId: dept.id });
    const colleague = opts.colleague ? await buildPerson(t, { departmentId: dept.id }) : null;
    const leader = await buildPerson(t, { title: '管委会副主任' });
    await account(post.aPersonId!, handlerRights, 'dept');
    if (colleague) await account(colleague.id, handlerRights, 'dept');
    await account(leader.id, ['tasks.read', 'tasks.instruct'], 'all');
    const task = await buildTask(t, {
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      leaderPersonId: leader.id,
      startDate: '2026-03-02',
      dueDate: '2026-03-06',
    });
    await transitionTask(ctx(), task.id, { action: 'assign', version: task.version });
    t.clock.set(morning(9)); // overdue: red
    await urgeAndEscalate(ctx());
    t.clock.set(morning(12)); // red for 3 working days: one level up, the head
    await urgeAndEscalate(ctx());
    return { task, head, handler: post.aPersonId!, colleague, leader };
  }

  it("reaches the department's stand-ins (not the handler again), and records it in both languages", async () => {
    const { task, head, handler, colleague, leader } = await redTaskOfHeadWithoutAccount({ colleague: true });
    expect(await inboxKinds(colleague!.id, task.id)).toEqual(['task.escalate']);
    expect(await inboxKinds(handler, task.id)).toEqual(['task.assign', 'task.warning.red']);
    expect(await inboxKinds(head.id, task.id)).toEqual([]);
    expect(await inboxKinds(leader.id, task.id)).toEqual([]); // the next level is not yet due
    expect(await undeliverable(task.id)).toEqual([]);

    const events = (await taskHistory(ctx(), task.id)).events.filter((e) => ['warning', 'urge', 'escalate'].includes(e.kind));
    expect(events.map((e) => [e.kind, e.text, e.textEn])).toEqual([
      ['warning', '预警：黄色 → 红色', 'Warning: yellow → red'], // yellow since it was assigned, four working days from its due date,
      ['urge', '系统自动催办（红灯）', 'Urged automatically (red light)'],
      ['escalate', '红灯持续 3 个工作日，升级督办至牵头部门负责人', 'Red for 3 working days; escalated to the head of the lead department'],
    ]);
  });

  it('keeps it undeliverable when nobody but the handler could receive it', async () => {
    const { task, head } = await redTaskOfHeadWithoutAccount({ colleague: false });
    expect(await inboxKinds(head.id, task.id)).toEqual([]);
    expect(await undeliverable(task.id)).toEqual([
      { notificationKind: 'task.escalate', lastError: expect.stringContaining('牵头部门负责人无法接收') },
    ]);
    const escalations = (await taskHistory(ctx(), task.id)).events.filter((e) => e.kind === 'escalate');
    expect(escalations).toEqual([]); // nobody was told: not on the record either
  });
});
