import { describe, expect, it } from 'vitest';
import type { BulletinIndicator } from '@qinlian/contracts';
import { closeRateOf, onTimeRateOf, rankDepartments, type QuarterFigures } from './bulletin-ranking.rules.ts';
import { DEFAULT_INDICATORS, checkIndicators } from './bulletin-indicators.ts';

const dept = (departmentId: string, over: Partial<QuarterFigures> = {}): QuarterFigures => ({
  departmentId,
  departmentName: `${departmentId}局`,
  closed: 0,
  closedOnTime: 0,
  overdue: 0,
  red: 0,
  returned: 0,
  publicRating: null,
  ...over,
});

const order = (rows: { departmentId: string }[]) => rows.map((r) => r.departmentId);

describe('the quarterly ranking (综合排名)', () => {
  it('rates: on time over closed, closed over closed plus overdue, one decimal; null over nothing', () => {
    expect(onTimeRateOf({ closed: 3, closedOnTime: 2 })).toBe(66.7);
    expect(closeRateOf({ closed: 3, overdue: 1 })).toBe(75);
    expect(onTimeRateOf({ closed: 0, closedOnTime: 0 })).toBeNull();
    expect(closeRateOf({ closed: 0, overdue: 0 })).toBeNull();
  });

  it('normalises each indicator across departments and weighs them: the best scores 100, the worst 0', () => {
    const rows = rankDepartments(
      [
        dept('B', { closed: 4, closedOnTime: 1, overdue: 6, red: 5, returned: 3 }),
        dept('A', { closed: 10, closedOnTime: 10, red: 0, returned: 0 }),
        dept('C', { closed: 5, closedOnTime: 4, overdue: 1, red: 2, returned: 1 }),
      ],
      DEFAULT_INDICATORS,
    );
    expect(order(rows)).toEqual(['A', 'C', 'B']);
    expect(rows.map((r) => [r.rank, r.score, r.best, r.worst])).toEqual([
      [1, 100, true, false],
      [2, 69.65, false, false], // 40 × 55/75 + 30 × 43.3/60 + 20 × 3/5 + 10 × 2/3
      [3, 0, false, true],
    ]);
    expect(rows[2]).toMatchObject({ onTimeRate: 25, closeRate: 40, red: 5, returned: 3, departmentName: 'B局' });
  });

  it('leaves a figure a department lacks out of its mean, and does not rank one with nothing closed or overdue', () => {
    const rows = rankDepartments(
      [dept('idle', { red: 0 }), dept('A', { overdue: 2 }), dept('B', { closed: 2, closedOnTime: 2, red: 1 })],
      DEFAULT_INDICATORS,
    );
    // B: 40 × 1 + 30 × 1 + 20 × 0 + 10 × 1; A closed nothing, so its on-time rate is left out: (30 × 0 + 20 × 1 + 10 × 1) / 60
    expect(rows.map((r) => [r.departmentId, r.rank, r.score])).toEqual([
      ['B', 1, 80],
      ['A', 2, 50],
      ['idle', null, null],
    ]);
    expect(rows.map((r) => [r.best, r.worst])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('turns with the direction: fewer red items rank higher by default, more when told so', () => {
    const figures = [dept('many', { red: 9, overdue: 1 }), dept('few', { red: 1, overdue: 1 })];
    expect(order(rankDepartments(figures, [{ key: 'red_count', weight: 100, direction: 'lower' }]))).toEqual(['few', 'many']);
    expect(order(rankDepartments(figures, [{ key: 'red_count', weight: 100, direction: 'higher' }]))).toEqual(['many', 'few']);
  });

  it('breaks ties deterministically: more closed, fewer overdue, then the name in Chinese collation', () => {
    const figures = [
      dept('z', { departmentName: '交通局', closed: 2, closedOnTime: 2 }),
      dept('y', { departmentName: '财政局', closed: 2, closedOnTime: 2 }),
      dept('x', { departmentName: '城管局', closed: 3, closedOnTime: 3 }),
    ];
    const onTime: BulletinIndicator[] = [{ key: 'on_time_rate', weight: 100, direction: 'higher' }];
    const first = rankDepartments(figures, onTime);
    expect(first.map((r) => r.score)).toEqual([100, 100, 100]);
    // 城管局 closed most; 财政局 (cái) before 交通局 (jiāo) in pinyin order
    expect(first.map((r) => r.departmentName)).toEqual(['城管局', '财政局', '交通局']);
    expect(order(rankDepartments([...figures].reverse(), onTime))).toEqual(order(first));
  });

  it('names no best and no worst when only one department is ranked', () => {
    expect(rankDepartments([dept('A', { closed: 1, closedOnTime: 1 })], DEFAULT_INDICATORS)[0]).toMatchObject({
      rank: 1,
      best: false,
      worst: false,
    });
  });
});

describe('the indicators a ranking may use', () => {
  it('takes weights adding up to 100, each indicator once, public rating at 0', () => {
    expect(checkIndicators(DEFAULT_INDICATORS, 'zh-CN', 'body.indicators')).toEqual(DEFAULT_INDICATORS);
    const short = () => checkIndicators([{ key: 'red_count', weight: 90, direction: 'lower' }], 'zh-CN', 'body.indicators');
    expect(short).toThrow(
      expect.objectContaining({ status: 400, fields: [{ path: 'body.indicators', message: '各项指标的权重之和须为 100（现为 90）' }] }),
    );
    const twice = () =>
      checkIndicators(
        [
          { key: 'red_count', weight: 50, direction: 'lower' },
          { key: 'red_count', weight: 50, direction: 'lower' },
        ],
        'en-US',
        'body.indicators',
      );
    expect(twice).toThrow(
      expect.objectContaining({ fields: [{ path: 'body.indicators.1.key', message: 'this indicator is listed twice' }] }),
    );
    const rating = () =>
      checkIndicators(
        [
          { key: 'on_time_rate', weight: 90, direction: 'higher' },
          { key: 'public_rating', weight: 10, direction: 'higher' },
        ],
        'zh-CN',
        'body.indicators',
      );
    expect(rating).toThrow(
      expect.objectContaining({
        fields: [{ path: 'body.indicators.1.weight', message: '群众评价暂无按部门、按季度的数据来源，权重须为 0' }],
      }),
    );
  });
});
