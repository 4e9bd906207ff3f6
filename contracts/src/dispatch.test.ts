import { describe, expect, it } from 'vitest';
import { IsoWeek, isoWeekOf, isoWeekSpan } from './dispatch.ts';

describe('ISO weeks of the weekly dispatch', () => {
  it('puts a date in the week that holds its Thursday, across year ends', () => {
    expect(isoWeekOf('2026-03-02')).toBe('2026-W10'); // a Monday
    expect(isoWeekOf('2026-03-08')).toBe('2026-W10'); // its Sunday
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: the last week of 2026
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday whose Thursday is in 2025
  });

  it('spans a week from its Monday to its Sunday', () => {
    expect(isoWeekSpan('2026-W10')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(isoWeekSpan('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(isoWeekSpan('2026-W53')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('accepts only weeks that exist', () => {
    expect(IsoWeek.safeParse('2026-W53').success).toBe(true);
    expect(IsoWeek.safeParse('2025-W53').success).toBe(false); // 2025 has 52 weeks
    expect(IsoWeek.safeParse('2026-W00').success).toBe(false);
    expect(IsoWeek.safeParse('2026-11').success).toBe(false);
  });
});
