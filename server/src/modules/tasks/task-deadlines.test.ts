import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES } from '../../../test/harness.ts';
import { firstSheetRows } from '../../../test/xlsx-rows.ts';
import { departmentWorldOn } from './task-workflow.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z'); // the harness's today: Monday 2 March 2026

/** Deadlines that tell the truth (issue 12): 补录 only on purpose, 延期申请 and its approval, 逾期办结 kept. */
describe.each(ENGINES)('task deadlines on %s', (engine) => {
  const w = departmentWorldOn(engine);
  afterEach(() => {
    w.t.clock.set(START);
  });

  const create = (s: typeof w.office, body: Record<string, unknown>, lang = 'zh-CN') =>
    s.request({
      method: 'POST',
      url: '/api/tasks',
      headers: { 'accept-language': lang },
      payload: { measureId: w.measure.id, title: '补录核查', leadDepartmentId: w.lead.id, startDate: '2026-01-05', ...body },
    });
  const extend = (s: typeof w.office, task: { id: string; version: number }, dueDate: string, reason = '需协调第三方检测机构') =>
    w.call(s, 'POST', `/api/tasks/${task.id}/extensions`, { version: task.version, dueDate, reason });
  const decide = (s: typeof w.office, task: { id: string; version: number }, grant: boolean, comment?: string) =>
    w.call(s, 'POST', `/api/tasks/${task.id}/extensions/decision`, { version: task.version, grant, comment });

  it('refuses a due date before today or outside the plan with 422, unless the office back-fills on purpose', async () => {
    const past = await create(w.office, { dueDate: '2026-02-27' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error).toMatchObject({ code: 'due_date_past', fields: [{ path: 'body.dueDate' }] });
    expect(past.json().error.message).toBe('完成时限 2026-02-27 早于今天（2026-03-02）。补录已发生的任务须由办公室勾选“补录”后提交');
    expect((await create(w.office, { dueDate: '2026-02-27' }, 'en-US')).json().error.message).toContain('is before today (2026-03-02)');
    const outside = await create(w.office, { dueDate: '2027-01-15' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('due_date_outside_plan');
    expect(outside.json().error.message).toContain('2026-01-01 至 2026-12-31');

    const notAllowed = await create(w.office, { dueDate: '2026-02-27', backfill: true });
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().error.code).toBe('backfill_not_allowed');
    const backfilled = await create(w.backfiller, { dueDate: '2026-02-27', backfill: true });
    expect(backfilled.statusCode, backfilled.body).toBe(201);
    const task = backfilled.json() as Task;
    expect(task.dueDate).toBe('2026-02-27');

    // an edit that leaves the date alone is fine; moving it into the past again needs the flag
    const renamed = await w.call(w.office, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, title: '补录核查（改）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const moved = await w.call(w.office, 'PATCH', `/api/tasks/${task.id}`, { version: renamed.json().version, dueDate: '2026-02-20' });
    expect(moved.statusCode).toBe(422);
    const movedOnPurpose = await w.call(w.backfiller, 'PATCH', `/api/tasks/${task.id}`, {
      version: renamed.json().version,
      dueDate: '2026-02-20',
      backfill: true,
    });
    expect(movedOnPurpose.json()).toMatchObject({ dueDate: '2026-02-20' });
  });

  it('lets the department ask for an extension and the office grant it, keeping the original due date', async () => {
    const task = await w.acceptedTask({ dueDate: '2026-03-31', cooperatingDepartmentIds: [w.coop.id] });
    expect(task.abilities.request_extension).toBe(true);
    const notLater = await extend(w.staff, task, '2026-03-31');
    expect(notLater.statusCode).toBe(422);
    expect(notLater.json().error.code).toBe('extension_not_later');
    expect((await extend(w.staff, task, '2027-02-01')).json().error.code).toBe('due_date_outside_plan');
    expect((await extend(w.cooperator, task, '2026-04-30')).statusCode).toBe(403); // sees it, does not lead it
    expect((await extend(w.outsider, task, '2026-04-30')).statusCode).toBe(404);
    expect((await extend(w.office, task, '2026-04-30')).statusCode).toBe(403);

    const asked = await extend(w.staff, task, '2026-04-30');
    expect(asked.statusCode, asked.body).toBe(200);
    const pending = asked.json() as Task;
    expect(pending.extensions).toEqual([
      expect.objectContaining({
        previousDueDate: '2026-03-31',
        requestedDueDate: '2026-04-30',
        status: 'pending',
        reason: '需协调第三方检测机构',
      }),
    ]);
    expect(pending).toMatchObject({ dueDate: '2026-03-31', originalDueDate: null, abilities: { request_extension: false } });
    expect((await extend(w.staff, pending, '2026-05-15')).json().error.code).toBe('extension_pending');
    expect(await w.noticeKinds(w.office, task.id)).toContain('task.extension_request');
    expect((await w.get(w.office, task.id)).abilities.decide_extension).toBe(true);

    expect((await decide(w.staff, pending, true)).statusCode).toBe(403);
    const noReason = await decide(w.office, pending, false);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.comment');
    const granted = (await decide(w.office, pending, true, '同意')).json() as Task;
    expect(granted).toMatchObject({ dueDate: '2026-04-30', originalDueDate: '2026-03-31', abilities: { decide_extension: false } });
    expect((await w.get(w.staff, task.id)).abilities.request_extension).toBe(true); // may ask again
    expect(granted.extensions[0]).toMatchObject({ status: 'granted', decisionComment: '同意' });
    expect(await w.noticeKinds(w.staff, task.id)).toContain('task.extension_grant');
    expect((await decide(w.office, granted, true)).json().error.code).toBe('no_extension_pending');
  });

  it('lets the office refuse an extension with a reason, and lapses one still waiting at close-out', async () => {
    const task = await w.acceptedTask({ dueDate: '2026-04-30' });
    const asked = (await extend(w.staff, task, '2026-05-29')).json() as Task;
    const refused = (await decide(w.office, asked, false, '时限不能再延')).json() as Task;
    expect(refused).toMatchObject({ dueDate: '2026-04-30', originalDueDate: null });
    expect(refused.extensions[0]).toMatchObject({ status: 'refused', decisionComment: '时限不能再延' });
    expect(await w.noticeKinds(w.staff, task.id)).toContain('task.extension_refuse');

    let open = await w.step(w.staff, refused, 'report', { percent: 100 });
    open = (await extend(w.staff, open, '2026-05-29', '再申请一次')).json() as Task;
    open = await w.step(w.staff, open, 'request_close', { fileIds: [await w.upload(w.staff)] });
    const closed = await w.step(w.office, open, 'close', { comment: '同意销号' });
    expect(closed.extensions.map((e) => e.status)).toEqual(['lapsed', 'refused']);
    expect(closed.abilities.decide_extension).toBe(false);
  });

  it('marks a task closed after its original due date as closed late, in working days, in lists, export and roll-up', async () => {
    let task = await w.acceptedTask({ dueDate: '2026-03-31' });
    task = (await extend(w.staff, task, '2026-04-30')).json();
    task = (await decide(w.office, task, true)).json();
    task = await w.step(w.staff, task, 'report', { percent: 100, comment: '检测报告已出具' });
    task = await w.step(w.staff, task, 'request_close', { fileIds: [await w.upload(w.staff)] });
    w.t.clock.set(new Date('2026-04-07T02:00:00Z')); // Tue 7 April: Wed 1 – Fri 3 and Tue 7 are working days, 4–6 April 清明
    await w.signInAgain();
    task = await w.step(w.office, task, 'close', { comment: '同意销号' });
    expect(task).toMatchObject({
      status: 'closed',
      warning: 'none',
      closedLateDays: 4,
      dueDate: '2026-04-30',
      originalDueDate: '2026-03-31',
    });

    const listed = (await w.call(w.office, 'GET', `/api/tasks?measureId=${w.measure.id}&status=closed&pageSize=200`)).json()
      .items as Task[];
    expect(listed.find((x) => x.id === task.id)).toMatchObject({ closedLateDays: 4, warning: 'none' });

    const exported = await w.call(w.office, 'GET', `/api/tasks/export.xlsx?measureId=${w.measure.id}`);
    expect(exported.statusCode).toBe(200);
    const row = (await firstSheetRows(exported.rawPayload)).find((r) => r['任务编号'] === task.code)!;
    expect(row).toMatchObject({ 办结情况: '逾期办结 4 个工作日', 原定完成时限: '2026-03-31', 截止日期: '2026-04-30' });
    expect(row['最新进展']).toBe('2026-03-02（100%） 检测报告已出具');

    const rollup = (await w.call(w.office, 'GET', `/api/plans/${w.plan.id}/rollup`)).json();
    expect(rollup.closedLate).toBe(1);
    expect(rollup.programmes[0]).toMatchObject({ closedLate: 1, measures: [expect.objectContaining({ closedLate: 1 })] });

    const reopened = await w.step(w.office, task, 'reopen', { comment: '整改不到位' });
    expect(reopened.closedLateDays).toBeNull();
    expect((await w.call(w.office, 'GET', `/api/plans/${w.plan.id}/rollup`)).json().closedLate).toBe(0);
  });

  it('exports the latest progress report of each task (最新进展), empty without one', async () => {
    const reported = await w.step(w.staff, await w.acceptedTask(), 'report', { percent: 30, comment: '第一次进展' });
    await w.step(w.staff, reported, 'report', { percent: 60, comment: '第二次进展' });
    const quiet = await w.newTask();
    const rows = await firstSheetRows((await w.call(w.office, 'GET', `/api/tasks/export.xlsx?measureId=${w.measure.id}`)).rawPayload);
    expect(rows.find((r) => r['任务编号'] === reported.code)!['最新进展']).toBe('2026-03-02（60%） 第二次进展');
    expect(rows.find((r) => r['任务编号'] === quiet.code)!).toMatchObject({ 最新进展: '', 办结情况: '' });
  });
});
