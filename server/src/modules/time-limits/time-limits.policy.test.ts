import { describe, expect, it } from 'vitest';
import { actorOf, ORG } from '../../../test/actors.ts';
import { BUILTIN_ROLES } from '../identity/index.ts';
import { timeLimitRulePolicy, timeLimitStatsPolicy, timerVisibilityOf } from './time-limits.policy.ts';

const ACTORS = {
  office: actorOf({ permissions: ['time_limits.manage', 'time_limits.stats'], scope: 'all', departmentId: ORG.ROOT }),
  leader: actorOf({ permissions: ['tasks.read', 'time_limits.stats'], scope: 'all', departmentId: ORG.ROOT }),
  'head of A (and A1)': actorOf({ permissions: ['tasks.read', 'time_limits.stats'], scope: 'dept_and_below', departmentId: ORG.A }),
  'staff of A': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'dept', departmentId: ORG.A }),
} as const;
type Who = keyof typeof ACTORS;

describe('who may change the limits and read the on-time figures (限时办结)', () => {
  it.each<[Who, boolean, boolean, boolean, boolean]>([
    // who, may change a limit, figures of A, of A1, of B
    ['office', true, true, true, true],
    ['leader', false, true, true, true],
    ['head of A (and A1)', false, true, true, false],
    ['staff of A', false, false, false, false], // sees A's tasks, not how A's people are rated
  ])('%s: change %s, A %s, A1 %s, B %s', (who, manage, a, a1, b) => {
    const actor = ACTORS[who];
    expect(timeLimitRulePolicy.allowed(actor, 'manage', { kind: 'enquiry' })).toBe(manage);
    expect(timeLimitStatsPolicy.allowed(actor, 'stats', { departmentId: ORG.A })).toBe(a);
    expect(timeLimitStatsPolicy.allowed(actor, 'stats', { departmentId: ORG.A1 })).toBe(a1);
    expect(timeLimitStatsPolicy.allowed(actor, 'stats', { departmentId: ORG.B })).toBe(b);
  });

  it('answers a department out of scope as not found, and a visible one without the permission as forbidden', () => {
    const head = ACTORS['head of A (and A1)'];
    expect(() => timeLimitStatsPolicy.assert(head, 'stats', { departmentId: ORG.B })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => timeLimitStatsPolicy.assert(ACTORS['staff of A'], 'stats', { departmentId: ORG.A })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('counts the scope’s departments and always one’s own items', () => {
    expect(timerVisibilityOf(ACTORS.office)).toEqual({ all: true });
    const self = actorOf({ permissions: ['time_limits.stats'], scope: 'self', personId: 'person-a' });
    expect(timerVisibilityOf(self)).toEqual({ all: false, departmentIds: [], personId: 'person-a' });
    expect(timerVisibilityOf(ACTORS['head of A (and A1)'])).toMatchObject({ departmentIds: [ORG.A, ORG.A1] });
  });

  it('gives the built-in roles what docs/time-limits.md says', () => {
    const holders = (p: string) => BUILTIN_ROLES.filter((r) => (r.permissions as string[]).includes(p)).map((r) => r.code);
    expect(holders('time_limits.manage')).toEqual(['admin', 'office']);
    expect(holders('time_limits.stats')).toEqual(['admin', 'office', 'dept_head', 'leader', 'inspector']);
  });
});
