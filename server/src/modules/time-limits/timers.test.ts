import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeLimitKind } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildTimer } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { fixedClock } from '../../platform/clock.ts';
import { inTransaction, type TxCtx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { cancelTimer, moveTimer, moveTimerDue, resumeTimer, startTimer, stopTimer, timersOf } from './index.ts';

/** 10:00 in Shanghai on that day */
const morningOf = (date: string) => new Date(`${date}T02:00:00Z`);

/**
 * The timers of 限时办结 through the front door other modules use: started today and due by the
 * rule's working days (weekends, National Day and its 调休 Saturday counted right), moved, given a
 * new date, stopped on time or late, resumed — on both engines.
 */
describe.each(ENGINES)('time-limit timers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const on = <T>(date: string, fn: (tx: TxCtx) => Promise<T>) => inTransaction(systemCtx({ ...t.db }, fixedClock(morningOf(date))), fn);
  const row = (kind: TimeLimitKind, subjectId: string) =>
    t.db.db.selectFrom('timers').selectAll().where('kind', '=', kind).where('subjectId', '=', subjectId).executeTakeFirstOrThrow();
  const timerOf = async (kind: TimeLimitKind, subjectId: string, today: string) =>
    (await timersOf(t.db.db, kind, [subjectId], today)).get(subjectId);

  it('starts today and is due the rule’s working days later, over a weekend; starting again changes nothing', async () => {
    const dept = await buildDepartment(t);
    const subjectId = newId();
    // Friday 4 December: an enquiry (3 working days) is due Wednesday 9 December
    const started = await on('2026-12-04', (tx) =>
      startTimer(tx, { kind: 'enquiry', subjectId, departmentId: dept.id, ownerPersonId: null }),
    );
    expect(started).toEqual({ dueOn: '2026-12-09' });
    expect(await row('enquiry', subjectId)).toMatchObject({ startedOn: '2026-12-04', dueOn: '2026-12-09', doneAt: null, onTime: null });
    expect(await timerOf('enquiry', subjectId, '2026-12-04')).toEqual({
      dueOn: '2026-12-09',
      workingDaysLeft: 3,
      overdue: false,
      doneAt: null,
      onTime: null,
    });

    const again = await on('2026-12-07', (tx) =>
      startTimer(tx, { kind: 'enquiry', subjectId, departmentId: dept.id, ownerPersonId: null, dueOn: '2026-12-31' }),
    );
    expect(again).toEqual({ dueOn: '2026-12-09' });
    expect(await row('enquiry', subjectId)).toMatchObject({ startedOn: '2026-12-04', dueOn: '2026-12-09' });
    // the same subject id under another kind is another item
    expect(await timersOf(t.db.db, 'task', [subjectId], '2026-12-04')).toEqual(new Map());
  });

  it('counts over National Day: done on its last working day is on time, on the 调休 Saturday after it is late', async () => {
    const dept = await buildDepartment(t);
    // Tue 29 Sept: Wed 30 Sept, (1–7 Oct off), Thu 8, Fri 9 → due 9 October
    const onTime = await buildTimer(t, { departmentId: dept.id, startAt: morningOf('2026-09-29'), doneAt: morningOf('2026-10-09') });
    const late = await buildTimer(t, { departmentId: dept.id, startAt: morningOf('2026-09-29'), doneAt: morningOf('2026-10-10') });
    expect([onTime.dueOn, late.dueOn]).toEqual(['2026-10-09', '2026-10-09']);
    expect(await row('enquiry', onTime.subjectId)).toMatchObject({ doneOn: '2026-10-09', onTime: 1 });
    expect(await row('enquiry', late.subjectId)).toMatchObject({ doneOn: '2026-10-10', onTime: 0 });
    expect(await timerOf('enquiry', late.subjectId, '2026-12-07')).toMatchObject({
      workingDaysLeft: -1,
      overdue: true,
      onTime: false,
      doneAt: morningOf('2026-10-10').toISOString(),
    });

    // still open on the holiday after its due day: overdue by at least one working day
    const open = await buildTimer(t, { departmentId: dept.id, startAt: morningOf('2026-09-24') }); // Thu 24: Mon 28, Tue 29, Wed 30
    expect(open.dueOn).toBe('2026-09-30');
    expect(await timerOf('enquiry', open.subjectId, '2026-10-03')).toMatchObject({ workingDaysLeft: -1, overdue: true, onTime: null });
    expect(await timerOf('enquiry', open.subjectId, '2026-09-29')).toMatchObject({ workingDaysLeft: 1, overdue: false });
  });

  it('takes the item’s own deadline over the rule, and another kind’s rule', async () => {
    const dept = await buildDepartment(t);
    const own = await buildTimer(t, { kind: 'task', departmentId: dept.id, startAt: morningOf('2026-12-07'), dueOn: '2026-12-31' });
    expect(own.dueOn).toBe('2026-12-31');
    const rectification = await buildTimer(t, { kind: 'rectification', departmentId: dept.id, startAt: morningOf('2026-12-07') });
    expect(rectification.dueOn).toBe('2026-12-28'); // 15 working days after Monday 7 December
  });

  it('moves an open timer to another department and owner, and to a new date; a finished one stays as it was', async () => {
    const [from, to] = [await buildDepartment(t), await buildDepartment(t)];
    const owner = await buildPerson(t, { departmentId: to.id });
    const open = await buildTimer(t, { departmentId: from.id, startAt: morningOf('2026-12-07') });
    await on('2026-12-08', (tx) => moveTimer(tx, 'enquiry', open.subjectId, { departmentId: to.id, ownerPersonId: owner.id }));
    await on('2026-12-08', (tx) => moveTimerDue(tx, 'enquiry', open.subjectId, '2026-12-18'));
    expect(await row('enquiry', open.subjectId)).toMatchObject({ departmentId: to.id, ownerPersonId: owner.id, dueOn: '2026-12-18' });
    await on('2026-12-15', (tx) => stopTimer(tx, 'enquiry', open.subjectId)); // late by the old date, on time by the new one
    expect(await row('enquiry', open.subjectId)).toMatchObject({ onTime: 1, doneOn: '2026-12-15' });

    await on('2026-12-16', (tx) => moveTimer(tx, 'enquiry', open.subjectId, { departmentId: from.id, ownerPersonId: null }));
    await on('2026-12-16', (tx) => moveTimerDue(tx, 'enquiry', open.subjectId, '2026-12-10'));
    expect(await row('enquiry', open.subjectId)).toMatchObject({
      departmentId: to.id,
      ownerPersonId: owner.id,
      dueOn: '2026-12-18',
      onTime: 1,
    });
  });

  it('counts the first finish only, runs again when resumed, and leaves an item without a timer alone', async () => {
    const item = await buildTimer(t, { startAt: morningOf('2026-12-07'), doneAt: morningOf('2026-12-08') }); // due Thu 10 December
    await on('2026-12-14', (tx) => stopTimer(tx, 'enquiry', item.subjectId));
    expect(await row('enquiry', item.subjectId)).toMatchObject({ doneOn: '2026-12-08', onTime: 1 });

    await on('2026-12-09', (tx) => resumeTimer(tx, 'enquiry', item.subjectId));
    expect(await row('enquiry', item.subjectId)).toMatchObject({ doneAt: null, doneOn: null, onTime: null, dueOn: '2026-12-10' });
    await on('2026-12-11', (tx) => stopTimer(tx, 'enquiry', item.subjectId));
    expect(await row('enquiry', item.subjectId)).toMatchObject({ doneOn: '2026-12-11', onTime: 0 });

    const nobody = newId();
    await on('2026-12-11', async (tx) => {
      await stopTimer(tx, 'enquiry', nobody);
      await moveTimerDue(tx, 'enquiry', nobody, '2026-12-31');
    });
    expect(await t.db.db.selectFrom('timers').select('subjectId').where('subjectId', '=', nobody).execute()).toEqual([]);
    expect(await timersOf(t.db.db, 'enquiry', [], '2026-12-11')).toEqual(new Map());
  });

  it('drops a cancelled timer, so the figures count the item nowhere', async () => {
    const running = await buildTimer(t, { startAt: morningOf('2026-12-07') });
    await on('2026-12-08', (tx) => cancelTimer(tx, 'enquiry', running.subjectId));
    const left = await t.db.db.selectFrom('timers').select('subjectId').where('subjectId', '=', running.subjectId).execute();
    expect(left).toEqual([]);
    expect(await timersOf(t.db.db, 'enquiry', [running.subjectId], '2026-12-08')).toEqual(new Map());
  });
});
