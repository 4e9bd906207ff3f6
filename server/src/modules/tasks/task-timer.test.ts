import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '@qinlian/contracts';
import { ENGINES } from '../../../test/harness.ts';
import { timersOf } from '../time-limits/index.ts';
import { fillTaskTimers } from '../../platform/db/migrations/20261207T0500_time_limits.ts';
import { departmentWorldOn } from './task-workflow.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z'); // the harness's today: Monday 2 March 2026

/**
 * Tasks keep a 限时办结 timer (modules/time-limits): started when the task is made, due on its own
 * due date; moved when the office changes the lead department or the head dispatches it (分办);
 * given the new date when an extension (延期) is granted; stopped at close-out (销号) on time or
 * late; running again when reopened.
 */
describe.each(ENGINES)('task timers (限时办结) on %s', (engine) => {
  const w = departmentWorldOn(engine);
  afterEach(() => {
    w.t.clock.set(START);
  });

  const timerRow = (taskId: string) =>
    w.t.db.db.selectFrom('timers').selectAll().where('kind', '=', 'task').where('subjectId', '=', taskId).executeTakeFirstOrThrow();

  it('starts a timer when a task is made, owned by its post’s holder, and moves it with the department and the date', async () => {
    const draft = await w.newTask({ dueDate: '2026-06-30' });
    expect(await timerRow(draft.id)).toMatchObject({
      departmentId: w.lead.id,
      ownerPersonId: w.people.staff.id,
      startedOn: '2026-03-02',
      dueOn: '2026-06-30',
      doneAt: null,
      onTime: null,
    });
    const timer = (await timersOf(w.t.db.db, 'task', [draft.id], '2026-06-26')).get(draft.id);
    expect(timer).toMatchObject({ dueOn: '2026-06-30', workingDaysLeft: 2, overdue: false }); // Fri 26 June: Mon 29, Tue 30

    const moved = await w.call(w.office, 'PATCH', `/api/tasks/${draft.id}`, {
      version: draft.version,
      leadDepartmentId: w.other.id,
      responsiblePostId: null,
      dueDate: '2026-05-29',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await timerRow(draft.id)).toMatchObject({ departmentId: w.other.id, ownerPersonId: null, dueOn: '2026-05-29' });
  });

  it('moves the timer to the person the head dispatches the task to, and to the date of a granted extension', async () => {
    const task = await w.acceptedTask({ dueDate: '2026-03-31' });
    const dispatched = await w.call(w.head, 'POST', `/api/tasks/${task.id}/dispatch`, {
      version: task.version,
      personId: w.people.colleague.id,
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(await timerRow(task.id)).toMatchObject({ departmentId: w.lead.id, ownerPersonId: w.people.colleague.id });

    const asked = await w.call(w.staff, 'POST', `/api/tasks/${task.id}/extensions`, {
      version: (dispatched.json() as Task).version,
      dueDate: '2026-04-30',
      reason: '需协调第三方检测机构',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await timerRow(task.id)).dueOn).toBe('2026-03-31'); // asking moves nothing
    const granted = await w.call(w.office, 'POST', `/api/tasks/${task.id}/extensions/decision`, {
      version: (asked.json() as Task).version,
      grant: true,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await timerRow(task.id)).dueOn).toBe('2026-04-30');
  });

  it('stops the timer at close-out, on time by the due date; reopened it runs again, and a later close-out is late', async () => {
    let task = await w.acceptedTask({ dueDate: '2026-03-31' });
    task = await w.step(w.staff, task, 'report', { percent: 100 });
    task = await w.step(w.staff, task, 'request_close', { fileIds: [await w.upload(w.staff)] });
    expect((await timerRow(task.id)).doneAt).toBeNull(); // asking to close is not done yet
    task = await w.step(w.office, task, 'close', { comment: '同意销号' });
    expect(await timerRow(task.id)).toMatchObject({ doneOn: '2026-03-02', onTime: 1 });
    expect((await timersOf(w.t.db.db, 'task', [task.id], '2026-12-07')).get(task.id)).toMatchObject({ onTime: true, overdue: false });

    task = await w.step(w.office, task, 'reopen', { comment: '整改不到位' });
    expect(await timerRow(task.id)).toMatchObject({ doneAt: null, doneOn: null, onTime: null, dueOn: '2026-03-31' });

    w.t.clock.set(new Date('2026-04-07T02:00:00Z')); // Tuesday 7 April, past 31 March (4–6 April 清明)
    await w.signInAgain();
    task = await w.step(w.staff, task, 'request_close', { fileIds: [await w.upload(w.staff)] });
    task = await w.step(w.office, task, 'close', { comment: '同意销号' });
    expect(await timerRow(task.id)).toMatchObject({ doneOn: '2026-04-07', onTime: 0 });
    expect((await timersOf(w.t.db.db, 'task', [task.id], '2026-04-07')).get(task.id)).toMatchObject({
      onTime: false,
      overdue: true,
      workingDaysLeft: -4, // Wed 1, Thu 2, Fri 3 and Tue 7 April
    });
  });

  it('is what the migration would have filled in for the tasks as they stand', async () => {
    const kept = await w.t.db.db.selectFrom('timers').selectAll().where('kind', '=', 'task').orderBy('subjectId').execute();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    await w.t.db.db.deleteFrom('timers').where('kind', '=', 'task').execute();
    await fillTaskTimers(w.t.db.db);
    expect(await w.t.db.db.selectFrom('timers').selectAll().where('kind', '=', 'task').orderBy('subjectId').execute()).toEqual(kept);
  });
});
