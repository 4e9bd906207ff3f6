import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/calendar/working-days.ts';
import { workingDaysLate } from './lateness.rules.ts';
import { rolledUpProgress } from './task-progress.rules.ts';

describe('workingDaysLate: 逾期办结 in working days after the original due date', () => {
  const cal = workingCalendar();
  it.each<[string, string, number]>([
    ['2026-03-31', '2026-03-31', 0], // on the day: on time
    ['2026-03-31', '2026-03-20', 0], // early
    ['2026-03-31', '2026-04-01', 1],
    ['2026-03-31', '2026-04-03', 3],
    ['2026-03-31', '2026-04-06', 3], // 4–6 April are the 清明 holiday
    ['2026-03-31', '2026-04-07', 4],
    ['2026-04-03', '2026-04-05', 1], // closed on a holiday after the due date: still late
    ['2026-09-30', '2026-10-08', 1], // 国庆: 1–7 October off, 8 October a working day
  ])('due %s, closed %s → %i', (due, closed, late) => {
    expect(workingDaysLate(cal, due, closed)).toBe(late);
  });

  it('counts a local day off (本地调整) too', () => {
    const local = workingCalendar(new Map([['2026-04-02', false]]));
    expect(workingDaysLate(local, '2026-03-31', '2026-04-03')).toBe(2);
  });
});

describe("rolledUpProgress: the lead department's share and the cooperating departments' sub-items (协办)", () => {
  it.each<[number, { progress: number; reported: boolean }[], number]>([
    [80, [], 80], // no cooperators
    [80, [{ progress: 0, reported: false }], 80], // nobody has reported on the sub-item yet
    [80, [{ progress: 40, reported: true }], 60], // (80 + 40) / 2
    [
      100,
      [
        { progress: 40, reported: true },
        { progress: 0, reported: false },
      ],
      70,
    ], // only reported sub-items count
    [
      50,
      [
        { progress: 20, reported: true },
        { progress: 60, reported: true },
      ],
      45,
    ], // (50 + 40) / 2
    [0, [{ progress: 100, reported: true }], 50],
    [33, [{ progress: 34, reported: true }], 34], // 33.5 rounds up
  ])('own %i, shares %j → %i', (own, shares, progress) => {
    expect(rolledUpProgress(own, shares)).toBe(progress);
  });
});
