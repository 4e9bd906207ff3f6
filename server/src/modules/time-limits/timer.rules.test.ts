import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/calendar/working-days.ts';
import { finishedOnTime, timerView, withRate, workingDaysLeft } from './timer.rules.ts';
import type { TimerRow } from './time-limits.repo.ts';

const cal = workingCalendar();
const timer = (over: Partial<TimerRow>): TimerRow => ({
  kind: 'enquiry',
  subjectId: 's',
  departmentId: 'd',
  ownerPersonId: null,
  startedOn: '2026-12-07',
  dueOn: '2026-12-10',
  doneAt: null,
  doneOn: null,
  onTime: null,
  ...over,
});

describe('working days left on a timer (剩余工作日)', () => {
  it('counts the working days after today up to the due day, skipping the weekend', () => {
    expect(workingDaysLeft(cal, '2026-12-10', '2026-12-07')).toBe(3); // Mon → Thu
    expect(workingDaysLeft(cal, '2026-12-14', '2026-12-11')).toBe(1); // Fri → next Mon
    expect(workingDaysLeft(cal, '2026-12-10', '2026-12-10')).toBe(0); // the due day itself
  });

  it('skips National Day and counts the adjusted Saturday (调休) as a working day', () => {
    // Tue 29 Sept: Wed 30 Sept, then 1–7 Oct off, Thu 8, Fri 9, Sat 10 (调休 working)
    expect(workingDaysLeft(cal, '2026-10-10', '2026-09-29')).toBe(4);
  });

  it('is negative once past the due day, at least one even over a holiday', () => {
    expect(workingDaysLeft(cal, '2026-09-30', '2026-10-01')).toBe(-1); // due Wed, today the holiday
    expect(workingDaysLeft(cal, '2026-09-30', '2026-10-09')).toBe(-2); // Thu 8 and Fri 9
    expect(workingDaysLeft(cal, '2026-12-04', '2026-12-07')).toBe(-1); // due Fri, Monday after the weekend
  });
});

describe('a timer as pages see it', () => {
  it('is open and in time, then overdue after its day', () => {
    expect(timerView(cal, timer({}), '2026-12-07')).toEqual({
      dueOn: '2026-12-10',
      workingDaysLeft: 3,
      overdue: false,
      doneAt: null,
      onTime: null,
    });
    expect(timerView(cal, timer({}), '2026-12-11')).toMatchObject({ workingDaysLeft: -1, overdue: true });
  });

  it('a finished one counts at the day it was finished, whatever today is', () => {
    const early = timer({ doneAt: '2026-12-08T02:00:00.000Z', doneOn: '2026-12-08', onTime: 1 });
    expect(timerView(cal, early, '2027-01-20')).toEqual({
      dueOn: '2026-12-10',
      workingDaysLeft: 2,
      overdue: false,
      doneAt: '2026-12-08T02:00:00.000Z',
      onTime: true,
    });
    const late = timer({ doneAt: '2026-12-14T02:00:00.000Z', doneOn: '2026-12-14', onTime: 0 });
    expect(timerView(cal, late, '2027-01-20')).toMatchObject({ workingDaysLeft: -2, overdue: true, onTime: false });
  });

  it('is on time on its due day and late the day after, even when that day is a holiday', () => {
    expect(finishedOnTime('2026-09-30', '2026-09-30')).toBe(true);
    expect(finishedOnTime('2026-10-01', '2026-09-30')).toBe(false);
  });
});

describe('the on-time rate (按期办结率)', () => {
  it('is the share done on time of the decided items; items still within their limit are not decided', () => {
    expect(withRate({ doneOnTime: 2, doneLate: 1, openWithinLimit: 5, openOverdue: 0 }).onTimeRate).toBe(66.7);
    expect(withRate({ doneOnTime: 3, doneLate: 0, openWithinLimit: 0, openOverdue: 1 }).onTimeRate).toBe(75);
    expect(withRate({ doneOnTime: 0, doneLate: 0, openWithinLimit: 4, openOverdue: 0 }).onTimeRate).toBeNull();
  });
});
