import { describe, expect, it } from 'vitest';
import { AWAY_STATES as CONTRACT_AWAY, WhereaboutsState } from '@qinlian/contracts';
import { returnParts, shanghaiDay } from './returnText.ts';
import { AWAY_STATES, STATE_TONE, WHEREABOUTS_STATES } from './states.ts';

describe('the whereabouts states the pages carry', () => {
  it('are the contracts’ states, with the same ones away', () => {
    expect([...WHEREABOUTS_STATES]).toEqual(WhereaboutsState.options);
    expect([...AWAY_STATES].sort()).toEqual([...CONTRACT_AWAY].sort());
    expect(Object.keys(STATE_TONE).sort()).toEqual([...WhereaboutsState.options].sort());
  });
});

describe('a return time', () => {
  const now = new Date('2026-12-07T06:00:00Z'); // 14:00 in Shanghai, a Monday

  it('reads as a time on the same Shanghai day, as a date on another', () => {
    expect(returnParts('2026-12-07T07:00:00.000Z', now, 'zh-CN')).toEqual({ today: true, time: '15:00', date: '12月7日' });
    expect(returnParts('2026-12-09T01:00:00.000Z', now, 'zh-CN')).toMatchObject({ today: false, date: '12月9日' });
    expect(returnParts('2026-12-09T01:00:00.000Z', now, 'en-US').date).toBe('Dec 9');
  });

  it('takes the day in Shanghai, not in UTC: 23:30 UTC is already tomorrow there', () => {
    expect(shanghaiDay(new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08');
    expect(returnParts('2026-12-07T16:30:00.000Z', now, 'zh-CN')).toMatchObject({ today: false, time: '00:30', date: '12月8日' });
  });
});
