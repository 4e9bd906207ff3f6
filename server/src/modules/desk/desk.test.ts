import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, TaskAction } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildMeasure,
  buildPerson,
  buildPost,
  buildSignedInUser,
  buildTask,
  setWhereaboutsOf,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { transitionTask } from '../tasks/task-actions.service.ts';
import { uploadEvidence } from '../tasks/evidence.service.ts';
import { taskRowById } from '../tasks/index.ts';
import { requestExtension } from '../tasks/task-extension.service.ts';
import { setDepartmentReview } from '../tasks/task-review.service.ts';

const START = new Date('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 in Shanghai
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * 待办中心 through the real app: each section counts exactly what the list it links to shows
 * (`/api/tasks?desk=…`), read from the counters; the red and yellow tasks of my scope; the
 * on-time rate of my departments this month against last; and a write shows at once.
 */
describe.each(ENGINES)('the desk (工作台待办) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterEach(() => t.clock.set(START));
  afterAll(async () => {
    await t.close();
  });

  const ctx = () => systemCtx(t.db, t.clock);
  /** Take the task through these steps as the system (evidence uploaded for a close-out request). */
  const walk = async (id: string, actions: TaskAction[]) => {
    for (const action of actions) {
      const row = (await taskRowById(t.db.db, id))!;
      const fileIds =
        action === 'request_close'
          ? [(await uploadEvidence(ctx(), { bytes: PDF, filename: '佐证.pdf', mimetype: 'application/pdf', dataDir: t.config.dataDir })).id]
          : [];
      const extra = action === 'report' ? { percent: 50 } : action === 'close' || action === 'return' ? { comment: '同意' } : {};
      await transitionTask(ctx(), id, { action, version: row.version, fileIds, ...extra });
    }
  };
  const desk = async (s: Session, planId: string) => {
    const res = await s.request({ method: 'GET', url: `/api/desk?planId=${planId}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Desk;
  };
  /** What the list behind a link shows, for the same plan: its total and its ids. */
  const listed = async (s: Session, link: string, planId: string) => {
    const query = new URL(link, 'http://x').searchParams;
    query.delete('tab');
    query.set('planId', planId);
    query.set('pageSize', '200');
    const res = await s.request({ method: 'GET', url: `/api/tasks?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { total: number; items: { id: string }[] };
    return { total: page.total, ids: page.items.map((i) => i.id) };
  };

  it('counts in each section exactly what its list shows, the soonest first, and reflects a step at once', async () => {
    const measure = await buildMeasure(t);
    const planId = measure.planId;
    const mine = await buildDepartment(t);
    const other = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: mine.id });
    const me = await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: post.aPersonId });
    const otherPost = await buildPost(t, { departmentId: other.id });
    // the B holder of the other post while its A is away, whose data scope is only themself (仅本人): the post is all they have
    await setWhereaboutsOf(t, otherPost.aPersonId!, 'leave');
    const backup = await buildSignedInUser(t, {
      permissions: ['tasks.read', 'tasks.handle'],
      dataScope: 'self',
      personId: otherPost.bPersonId,
    });
    const task = (o: { due: string; dept?: string; postId?: string; start?: string; cooperating?: string[] }) =>
      buildTask(t, {
        measureId: measure.id,
        leadDepartmentId: o.dept ?? mine.id,
        responsiblePostId: o.postId ?? post.id,
        startDate: o.start ?? '2026-03-02',
        dueDate: o.due,
        cooperatingDepartmentIds: o.cooperating,
      });
    const later = await task({ due: '2026-04-20' });
    const sooner = await task({ due: '2026-03-20' });
    const notMine = await task({ due: '2026-03-18', dept: other.id, postId: otherPost.id });
    const cooperating = await task({ due: '2026-03-19', dept: other.id, postId: otherPost.id, cooperating: [mine.id] });
    const working = await task({ due: '2026-04-30' });
    const accepted = await task({ due: '2026-05-30' });
    const overdue = await task({ due: '2026-02-27', start: '2026-02-02' });
    const review = await task({ due: '2026-06-30' });
    await task({ due: '2026-03-25' }); // a draft: nobody's work yet
    for (const x of [later, sooner, notMine, cooperating]) await walk(x.id, ['assign']);
    await walk(working.id, ['assign', 'accept', 'report']);
    await walk(accepted.id, ['assign', 'accept']);
    await walk(overdue.id, ['assign', 'accept', 'report']);
    await walk(review.id, ['assign', 'accept', 'report', 'request_close']);

    const staffDesk = await desk(me.session, planId);
    expect(staffDesk.sections.map((s) => s.key)).toEqual(['accept', 'report', 'instructionFeedback']);
    const accept = staffDesk.sections[0]!;
    expect(accept).toMatchObject({ count: 2, overdue: 0, link: '/tasks?tab=all&desk=accept' }); // not the one we only cooperate on
    expect(accept.items.map((i) => i.id)).toEqual([sooner.id, later.id]);
    expect(accept.items[0]).toMatchObject({ kind: 'task', link: `/tasks/${sooner.id}`, dueDate: '2026-03-20', overdue: false });
    expect(await listed(me.session, accept.link, planId)).toEqual({ total: 2, ids: [sooner.id, later.id] });
    const backupAccept = (await desk(backup.session, planId)).sections.find((x) => x.key === 'accept')!;
    expect(backupAccept.items.map((i) => [i.id, backupAccept.count])).toEqual([
      [notMine.id, 2],
      [cooperating.id, 2],
    ]);
    expect((await listed(backup.session, backupAccept.link, planId)).total).toBe(2);
    const report = staffDesk.sections[1]!;
    expect(report).toMatchObject({ count: 3, overdue: 1 }); // accepted, in progress, and the red one
    expect(report.items.map((i) => i.id)).toEqual([overdue.id, working.id, accepted.id]);
    expect(report.items[0]!.overdue).toBe(true);
    expect((await listed(me.session, report.link, planId)).total).toBe(3);
    expect(staffDesk.attention).toMatchObject({ red: 1 });
    expect((await listed(me.session, staffDesk.attention!.redLink, planId)).ids).toEqual([overdue.id]);
    expect((await listed(me.session, staffDesk.attention!.yellowLink, planId)).total).toBe(staffDesk.attention!.yellow);

    const office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    const officeDesk = await desk(office, planId);
    expect(officeDesk.sections.map((s) => s.key)).toEqual(['extensionApproval', 'closeOutReview']);
    const closeOuts = officeDesk.sections[1]!;
    expect(closeOuts).toMatchObject({ count: 1, items: [expect.objectContaining({ id: review.id })] });
    expect((await listed(office, closeOuts.link, planId)).ids).toEqual([review.id]);
    expect(officeDesk.scope).toBe('all');

    await walk(sooner.id, ['accept']); // a step shows at once: the kept answer is dropped when it commits
    const after = await desk(me.session, planId);
    expect(after.sections.find((s) => s.key === 'accept')).toMatchObject({ count: 1 });
    expect(after.sections.find((s) => s.key === 'report')).toMatchObject({ count: 4 });
  });

  it('shows the head of a department what waits for review, and the office the extension requests to decide, each as its list', async () => {
    const measure = await buildMeasure(t);
    const planId = measure.planId;
    const dept = await buildDepartment(t);
    const headPerson = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    const head = await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: headPerson.id });
    const post = await buildPost(t, { departmentId: dept.id });
    const staff = await buildSignedInUser(t, { permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept', personId: post.aPersonId });
    await setDepartmentReview(ctx(), dept.id, true); // 部门审核: the head sees its staff's reports first
    const reviewed = await buildTask(t, { measureId: measure.id, leadDepartmentId: dept.id, responsiblePostId: post.id });
    await walk(reviewed.id, ['assign', 'accept', 'report']);
    const extended = await buildTask(t, { measureId: measure.id, leadDepartmentId: dept.id, responsiblePostId: post.id });
    await walk(extended.id, ['assign', 'accept']);
    const row = (await taskRowById(t.db.db, extended.id))!;
    await requestExtension(ctx(), extended.id, { version: row.version, dueDate: '2026-08-31', reason: '征地手续未完成' });

    const headDesk = await desk(head.session, planId);
    const review = headDesk.sections.find((s) => s.key === 'departmentReview')!;
    expect(review).toMatchObject({ count: 1, items: [expect.objectContaining({ id: reviewed.id })] });
    expect((await listed(head.session, review.link, planId)).ids).toEqual([reviewed.id]);
    expect((await desk(staff.session, planId)).sections.map((s) => s.key)).not.toContain('departmentReview'); // not the head

    const office = (await buildSignedInUser(t, { permissions: ['tasks.read', 'plan.manage'] })).session;
    const decide = (await desk(office, planId)).sections.find((s) => s.key === 'extensionApproval')!;
    expect(decide).toMatchObject({ count: 1, items: [expect.objectContaining({ id: extended.id })] });
    expect((await listed(office, decide.link, planId)).ids).toEqual([extended.id]);
  });

  it('leaves out what an account cannot do: a reader has no to-dos, someone without supervision no figures', async () => {
    const measure = await buildMeasure(t);
    const reader = (await buildSignedInUser(t, { permissions: ['tasks.read'], dataScope: 'all' })).session;
    const readerDesk = await desk(reader, measure.planId);
    expect(readerDesk.sections).toEqual([]);
    expect(readerDesk.attention).not.toBeNull();
    const clerk = (await buildSignedInUser(t, { permissions: ['org.read'], dataScope: 'dept' })).session;
    expect(await desk(clerk, measure.planId)).toMatchObject({ sections: [], attention: null, onTime: null, scope: 'departments' });
    expect((await t.app.inject({ method: 'GET', url: '/api/desk' })).statusCode).toBe(401);
  });

  it('gives the on-time rate of my departments this month against last month, from the due counters', async () => {
    const measure = await buildMeasure(t);
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const at = (iso: string) => t.clock.set(new Date(`${iso}T02:00:00Z`));
    const task = (due: string) =>
      buildTask(t, { measureId: measure.id, leadDepartmentId: dept.id, responsiblePostId: post.id, startDate: '2026-02-02', dueDate: due });
    at('2026-02-02');
    const [onTime, late, stillOpen, marchOnTime, marchOpen, notYetDue] = [
      await task('2026-02-10'),
      await task('2026-02-13'),
      await task('2026-02-20'),
      await task('2026-03-05'),
      await task('2026-03-10'),
      await task('2026-03-30'),
    ];
    await task('2026-02-25'); // a draft counts nowhere
    for (const x of [onTime, late, stillOpen, marchOnTime, marchOpen, notYetDue]) await walk(x.id, ['assign', 'accept', 'report']);
    at('2026-02-09');
    await walk(onTime.id, ['request_close', 'close']);
    at('2026-02-17');
    await walk(late.id, ['request_close', 'close']);
    at('2026-03-04');
    await walk(marchOnTime.id, ['request_close', 'close']);
    at('2026-03-20');
    const head = await buildSignedInUser(t, {
      permissions: ['tasks.read'],
      dataScope: 'dept',
      personId: (await buildPerson(t, { departmentId: dept.id })).id,
    });
    const session = await signIn(t.app, head.user.username, TEST_PASSWORD);
    const { onTime: rates, scope } = await desk(session, measure.planId);
    expect(scope).toBe('departments');
    expect(rates).toEqual({
      lastMonth: { month: '2026-02', due: 3, onTime: 1, late: 1, overdueOpen: 1, rate: 33.3 },
      thisMonth: { month: '2026-03', due: 2, onTime: 1, late: 0, overdueOpen: 1, rate: 50 }, // due by the 20th; the 30th is not yet
    });
  });
});
