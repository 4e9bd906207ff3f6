import { describe, expect, it } from 'vitest';
import { actorOf, ORG } from '../../../test/actors.ts';
import { instructionAbilities, instructionPolicy, type InstructionAccess } from './instructions.policy.ts';

const LEADER = 'person-leader';
/** An instruction to department A by the leader's account (user-person-leader), awaiting feedback unless told. */
const toA = (state = 'awaiting'): InstructionAccess => ({ departmentId: ORG.A, leaderUserId: `user-${LEADER}`, state });

const ACTORS = {
  leader: actorOf({ permissions: ['tasks.read', 'tasks.instruct'], scope: 'self', departmentId: ORG.ROOT, personId: LEADER }),
  'another leader': actorOf({
    permissions: ['tasks.read', 'tasks.instruct'],
    scope: 'all',
    departmentId: ORG.ROOT,
    personId: 'person-boss',
  }),
  office: actorOf({ permissions: ['tasks.read', 'plan.manage'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-office' }),
  'staff of A': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'dept', departmentId: ORG.A, personId: 'person-a' }),
  'head of A (and A1)': actorOf({
    permissions: ['tasks.read', 'tasks.handle'],
    scope: 'dept_and_below',
    departmentId: ORG.A,
    personId: 'person-head',
  }),
  'staff of A1 only': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'dept', departmentId: ORG.A1, personId: 'person-a1' }),
  'staff of B': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'dept', departmentId: ORG.B, personId: 'person-b' }),
  inspector: actorOf({ permissions: ['tasks.read', 'audit.read'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-inspector' }),
} as const;
type Who = keyof typeof ACTORS;

describe('who sees an instruction (批示) and who may answer it (落实反馈)', () => {
  it.each<[Who, boolean, boolean, boolean]>([
    // who, sees, may give (tasks.instruct), may feed back
    ['leader', true, true, false], // sees their own though their scope is "self"
    ['another leader', true, true, false],
    ['office', true, false, false],
    ['staff of A', true, false, true],
    ['head of A (and A1)', true, false, true],
    ['staff of A1 only', false, false, false], // a sub-unit does not see its parent's instructions
    ['staff of B', false, false, false],
    ['inspector', true, false, false], // 纪检监察 reads supervision, answers nothing
  ])('%s: sees %s, gives %s, answers %s', (who, sees, gives, answers) => {
    const actor = ACTORS[who];
    expect(instructionPolicy.canSee(actor, toA())).toBe(sees);
    expect(instructionPolicy.allowed(actor, 'give', toA())).toBe(gives);
    expect(instructionPolicy.allowed(actor, 'feedback', toA())).toBe(answers);
  });

  it('answers 404 out of sight and 403 in sight without the right', () => {
    expect(() => instructionPolicy.assert(ACTORS['staff of B'], 'feedback', toA())).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => instructionPolicy.assert(ACTORS.office, 'feedback', toA())).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => instructionPolicy.assert(ACTORS['staff of A'], 'feedback', toA())).not.toThrow();
  });

  it('offers the feedback button only while feedback is awaited', () => {
    expect(instructionAbilities(ACTORS['staff of A'], toA('awaiting'))).toEqual({ feedback: true });
    expect(instructionAbilities(ACTORS['staff of A'], toA('answered'))).toEqual({ feedback: false });
    expect(instructionAbilities(ACTORS['staff of A'], toA('noted'))).toEqual({ feedback: false });
    expect(instructionAbilities(ACTORS.office, toA('awaiting'))).toEqual({ feedback: false });
  });
});
