import { describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES } from '../../../test/harness.ts';
import { departmentWorldOn } from './task-workflow.test-support.ts';

/** The head of the lead department's own steps: 分办 and 部门审核 (issue 12), through the real HTTP app. */
describe.each(ENGINES)("the department head's steps on %s", (engine) => {
  const w = departmentWorldOn(engine);

  const dispatch = (s: typeof w.head, task: { id: string; version: number }, body: Record<string, unknown>) =>
    w.call(s, 'POST', `/api/tasks/${task.id}/dispatch`, { version: task.version, ...body });
  const setReview = (s: typeof w.head, review: boolean, departmentId = w.lead.id) =>
    w.call(s, 'PUT', `/api/tasks/department-review/${departmentId}`, { review });

  it('lets the head dispatch (分办) to a person or a post of the department, keeps the history and tells the new handler', async () => {
    const task = await w.step(w.office, await w.newTask(), 'assign');
    expect((await w.get(w.head, task.id)).abilities).toMatchObject({ dispatch: true, accept: true });
    expect((await w.get(w.staff, task.id)).abilities.dispatch).toBe(false);

    const toPerson = await dispatch(w.head, task, { personId: w.people.colleague.id, note: '请牵头落实' });
    expect(toPerson.statusCode, toPerson.body).toBe(200);
    const dispatched = toPerson.json() as Task;
    expect(dispatched).toMatchObject({
      status: 'assigned',
      handlerPersonId: w.people.colleague.id,
      handlerName: w.people.colleague.name,
      responsiblePostId: null,
      version: task.version + 1,
    });
    expect(dispatched.assignments).toEqual([
      expect.objectContaining({ personId: w.people.colleague.id, personName: w.people.colleague.name, postId: null, note: '请牵头落实' }),
    ]);
    expect(await w.noticeKinds(w.colleague, task.id)).toEqual(['task.dispatch']);
    // the colleague sees only their own tasks, and this one is now theirs: listed and open to act on
    const mine = (await w.call(w.colleague, 'GET', '/api/tasks?view=mine&pageSize=200')).json().items as Task[];
    expect(mine.map((x) => x.id)).toContain(task.id);
    expect((await w.get(w.colleague, task.id)).abilities).toMatchObject({ accept: true, dispatch: false });
    // the post's holder no longer handles it
    expect((await w.get(w.staff, task.id)).handlerPersonId).toBe(w.people.colleague.id);

    const toPost = await dispatch(w.head, dispatched, { postId: w.secondPost.id });
    expect(toPost.statusCode, toPost.body).toBe(200);
    const again = toPost.json() as Task;
    expect(again).toMatchObject({
      responsiblePostId: w.secondPost.id,
      responsiblePostName: '督查岗',
      handlerPersonId: w.people.colleague.id,
    });
    expect(again.assignments.map((a) => a.postName ?? a.personName)).toEqual(['督查岗', w.people.colleague.name]);

    const events = (await w.call(w.head, 'GET', `/api/tasks/${task.id}/events`)).json().items as { kind: string; text: string }[];
    expect(events.filter((e) => e.kind === 'dispatch').map((e) => e.text)).toEqual([
      `分办给 ${w.people.colleague.name}：请牵头落实`,
      `分办给岗位“督查岗”（${w.people.colleague.name}）`,
    ]);
    expect((await w.auditActions('task', task.id)).filter((a) => a === 'task.dispatch')).toHaveLength(2);
    expect((await w.t.admin.request({ method: 'GET', url: '/api/audit/verify' })).json().ok).toBe(true);
  });

  it('refuses 分办 to anyone else, outside the department, from the wrong status or with a stale version', async () => {
    const draft = await w.newTask();
    const task = await w.step(w.office, await w.newTask(), 'assign');
    const cases: [
      string,
      Promise<{ statusCode: number; json(): { error: { code: string; fields?: { path: string }[] } } }>,
      number,
      string,
    ][] = [
      ['staff of the department', dispatch(w.staff, task, { personId: w.people.colleague.id }), 403, 'forbidden'],
      ['the office (no tasks.handle)', dispatch(w.office, task, { personId: w.people.colleague.id }), 403, 'forbidden'],
      ['a department out of sight', dispatch(w.outsider, task, { personId: w.people.outsider.id }), 404, 'not_found'],
      ['a person of another department', dispatch(w.head, task, { personId: w.people.outsider.id }), 400, 'dispatch_outside_department'],
      ['neither post nor person', dispatch(w.head, task, {}), 400, 'validation_failed'],
      [
        'both a post and a person',
        dispatch(w.head, task, { postId: w.post.id, personId: w.people.colleague.id }),
        400,
        'validation_failed',
      ],
      ['a draft', dispatch(w.head, draft, { personId: w.people.colleague.id }), 409, 'illegal_transition'],
      ['a stale version', dispatch(w.head, { id: task.id, version: task.version - 1 }, { postId: w.post.id }), 409, 'version_conflict'],
    ];
    for (const [what, res, status, code] of cases) {
      const r = await res;
      expect(r.statusCode, what).toBe(status);
      expect(r.json().error.code, what).toBe(code);
    }
    expect((await w.get(w.head, task.id)).version).toBe(task.version);
  });

  it('turns department review (部门审核) on for the office and the head only', async () => {
    expect((await setReview(w.staff, true)).statusCode).toBe(403);
    expect((await setReview(w.cooperator, true)).statusCode).toBe(403);
    expect((await setReview(w.head, true, w.other.id)).statusCode).toBe(403); // not their department
    expect((await setReview(w.head, true, 'no-such-department')).statusCode).toBe(404);
    const on = await setReview(w.head, true);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ departmentId: w.lead.id, review: true });
    expect((await setReview(w.office, false)).json()).toEqual({ departmentId: w.lead.id, review: false });
    expect((await w.auditActions('department', w.lead.id)).filter((a) => a === 'task.department_review')).toHaveLength(2);
  });

  it("sends a staff member's report and close-out request to the head first: approve sends it on, send back returns it", async () => {
    expect((await setReview(w.head, true)).statusCode).toBe(200);
    let task = await w.acceptedTask();
    expect(task.departmentReview).toBe(true);

    task = await w.step(w.staff, task, 'report', { percent: 40, comment: '方案已起草' });
    expect(task).toMatchObject({ status: 'report_review', progress: 0 });
    expect(task.pendingReview).toMatchObject({ action: 'report', percent: 40, text: '方案已起草' });
    expect(await w.noticeKinds(w.head, task.id)).toEqual(['task.review']);
    expect((await w.get(w.head, task.id)).abilities).toMatchObject({ approve: true, send_back: true });
    expect((await w.go(w.staff, task, 'approve')).statusCode).toBe(403);
    expect((await w.go(w.office, task, 'approve')).statusCode).toBe(403);
    const noReason = await w.go(w.head, task, 'send_back');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.comment');

    task = await w.step(w.head, task, 'send_back', { comment: '进展写得太笼统' });
    expect(task).toMatchObject({ status: 'accepted', progress: 0, pendingReview: null }); // back where the report came from
    expect(await w.noticeKinds(w.staff, task.id)).toContain('task.send_back');

    task = await w.step(w.staff, task, 'report', { percent: 50, comment: '完成调研和方案' });
    task = await w.step(w.head, task, 'approve');
    expect(task).toMatchObject({ status: 'in_progress', progress: 50 });

    const evidence = await w.upload(w.staff);
    task = await w.step(w.staff, task, 'request_close', { comment: '已全部完成', fileIds: [evidence] });
    expect(task).toMatchObject({ status: 'close_review', pendingReview: { action: 'request_close', text: '已全部完成' } });
    expect(await w.noticeKinds(w.office, task.id)).not.toContain('task.request_close'); // not yet the office's
    expect((await w.go(w.office, task, 'close', { comment: '同意' })).statusCode).toBe(409);
    task = await w.step(w.head, task, 'approve');
    expect(task.status).toBe('close_requested');
    expect(await w.noticeKinds(w.office, task.id)).toContain('task.request_close');
    task = await w.step(w.office, task, 'close', { comment: '同意销号' });
    expect(task).toMatchObject({ status: 'closed', closedLateDays: 0 });

    const events = (await w.call(w.staff, 'GET', `/api/tasks/${task.id}/events`)).json().items as { kind: string }[];
    expect(events.map((e) => e.kind).filter((k) => k !== 'create' && k !== 'assign' && k !== 'accept')).toEqual([
      'report',
      'send_back',
      'report',
      'approve',
      'request_close',
      'approve',
      'close',
    ]);
    expect((await setReview(w.head, false)).statusCode).toBe(200);
  });

  it("lets the head's own report and a department without review go straight on", async () => {
    expect((await setReview(w.head, true)).statusCode).toBe(200);
    const own = await w.step(w.head, await w.acceptedTask(), 'report', { percent: 30 });
    expect(own).toMatchObject({ status: 'in_progress', progress: 30 });
    expect((await setReview(w.head, false)).statusCode).toBe(200);
    const plain = await w.step(w.staff, await w.acceptedTask(), 'report', { percent: 20 });
    expect(plain).toMatchObject({ status: 'in_progress', progress: 20, departmentReview: false });
  });
});
