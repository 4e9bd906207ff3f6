import { describe, expect, it } from 'vitest';
import { bulletinTitle } from './bulletins.service.ts';

describe('bulletinTitle (通报标题)', () => {
  it('names the year and quarter once, whether or not the plan is named for its year', () => {
    expect(bulletinTitle('2026年打造模范机关暨“勤廉新区”建设行动', 2026, 3)).toBe(
      '关于2026年第三季度打造模范机关暨“勤廉新区”建设行动推进情况的通报',
    );
    expect(bulletinTitle('2026年度勤廉建设计划', 2026, 1)).toBe('关于2026年第一季度勤廉建设计划推进情况的通报');
    expect(bulletinTitle('勤廉新区建设行动', 2026, 4)).toBe('关于2026年第四季度勤廉新区建设行动推进情况的通报');
    expect(bulletinTitle('2025年结转事项', 2026, 2)).toBe('关于2026年第二季度2025年结转事项推进情况的通报');
  });
});
