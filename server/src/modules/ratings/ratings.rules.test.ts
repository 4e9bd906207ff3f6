import { describe, expect, it } from 'vitest';
import { actorOf, ORG } from '../../../test/actors.ts';
import { lastTwelveMonths, monthsBetween, monthStart } from './rating-period.ts';
import { maskComment } from './ratings.presenter.ts';
import { ratingAbilities, ratingPolicy, type RatingAccess } from './ratings.policy.ts';

describe('the periods ratings are counted over', () => {
  it('takes this month and the eleven before it, across year ends', () => {
    expect(lastTwelveMonths('2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(lastTwelveMonths('2026-03-02')).toEqual({ from: '2025-04-01', to: '2026-03-02' });
    expect(monthStart('2026-01-31', 1)).toBe('2025-12-01');
    expect(monthStart('2026-01-31', 25)).toBe('2023-12-01');
  });
  it('lists every month of a period once', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-02', '2026-03-02')).toEqual(['2026-03']);
    expect(monthsBetween(lastTwelveMonths('2026-12-07').from, '2026-12-07')).toHaveLength(12);
  });
});

describe('a comment as a list shows it', () => {
  it('masks phone and ID numbers and e-mail addresses, and leaves everything else — markup too — as written', () => {
    expect(maskComment('请回电 13812345678 或 +86 139 1234 5678')).toBe('请回电 138****5678 或 +86 139****5678');
    expect(maskComment('身份证110101199003074514')).toBe('身份证1101**********4514');
    expect(maskComment('邮箱 zhangsan@example.com')).toBe('邮箱 z***n@example.com');
    expect(maskComment('<b>窗口</b>等了 45 分钟，编号 2026031')).toBe('<b>窗口</b>等了 45 分钟，编号 2026031');
    expect(maskComment(null)).toBeNull();
  });
});

describe('who may do what with a rating', () => {
  const bad = (appealState = 'none'): RatingAccess => ({ departmentId: ORG.A, personId: 'person-a', bad: 1, appealState });
  const head = actorOf({ permissions: ['ratings.read', 'ratings.appeal'], scope: 'dept_and_below', personId: 'person-h' });
  const headOfA1 = actorOf({ permissions: ['ratings.read', 'ratings.appeal'], scope: 'dept', departmentId: ORG.A1, personId: 'p-a1' });
  const office = actorOf({ permissions: ['ratings.read', 'ratings.review'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-o' });
  const rated = actorOf({ permissions: ['ratings.read'], scope: 'self', personId: 'person-a' });

  it('lets the department appeal a bad review once and the office decide a waiting appeal', () => {
    expect(ratingAbilities(head, bad())).toEqual({ appeal: true, decide: false });
    expect(ratingAbilities(head, { ...bad(), bad: 0 })).toEqual({ appeal: false, decide: false });
    expect(ratingAbilities(head, bad('appealed'))).toEqual({ appeal: false, decide: false });
    expect(ratingAbilities(office, bad('appealed'))).toEqual({ appeal: false, decide: true });
    expect(ratingAbilities(office, bad('rejected'))).toEqual({ appeal: false, decide: false });
  });
  it('hides a department’s ratings from a sub-unit and shows the rated person their own (self scope), to read only', () => {
    expect(ratingPolicy.canSee(headOfA1, bad())).toBe(false);
    expect(() => ratingPolicy.assert(headOfA1, 'appeal', bad())).toThrow(expect.objectContaining({ status: 404 }));
    expect(ratingPolicy.canSee(rated, bad())).toBe(true);
    expect(ratingPolicy.allowed(rated, 'appeal', bad())).toBe(false);
    expect(() => ratingPolicy.assert(office, 'appeal', bad())).toThrow(expect.objectContaining({ status: 403 }));
  });
});
