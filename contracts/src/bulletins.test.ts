import { describe, expect, it } from 'vitest';
import { DocumentPrefix, lastEndedQuarter, quarterSpan } from './bulletins.ts';

describe('quarters of the quarterly bulletin', () => {
  it('spans a quarter from its first to its last day, leap years included', () => {
    expect(quarterSpan(2026, 1)).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterSpan(2026, 2)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterSpan(2026, 3)).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterSpan(2026, 4)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterSpan(2028, 1).end).toBe('2028-03-31');
  });

  it('names the latest quarter that has ended, across the year end', () => {
    expect(lastEndedQuarter('2026-03-31')).toEqual({ year: 2025, quarter: 4 });
    expect(lastEndedQuarter('2026-04-01')).toEqual({ year: 2026, quarter: 1 });
    expect(lastEndedQuarter('2026-12-31')).toEqual({ year: 2026, quarter: 3 });
  });

  it('takes a 机关代字 of Chinese characters or letters only', () => {
    expect(DocumentPrefix.safeParse('赣新勤廉').success).toBe(true);
    expect(DocumentPrefix.safeParse('赣新〔2026〕').success).toBe(false);
    expect(DocumentPrefix.safeParse('赣新 勤廉').success).toBe(false);
  });
});
