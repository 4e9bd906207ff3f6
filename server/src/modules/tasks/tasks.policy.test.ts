import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, TaskAction, TaskStatus } from '@qinlian/contracts';
import { actorOf, ORG } from '../../../test/actors.ts';
import type { Actor } from '../../platform/context.ts';
import type { Side } from './task-lifecycle.ts';
import {
  mayBackfill,
  mayReportShare,
  mayRuleDepartmentReview,
  seeTask,
  sidesOf,
  taskAbilities,
  taskPolicy,
  type TaskAbilities,
  type TaskAccess,
} from './tasks.policy.ts';

const HANDLER = 'person-handler'; // acting on the responsible post (AB岗)
const LEADER = 'person-leader'; // 分管领导
const HEAD = 'person-head'; // 部门负责人 of A

/** A task led by department A with B cooperating; A1 sits below A, ROOT above both. */
const taskIn = (status: TaskStatus, extensionPending = false): TaskAccess => ({
  status,
  leadDepartmentId: ORG.A,
  cooperatingDepartmentIds: [ORG.B],
  handlerPersonId: HANDLER,
  leaderPersonId: LEADER,
  headPersonId: HEAD,
  extensionPending,
});

const handle = ['tasks.read', 'tasks.handle'] as const;
const ACTORS = {
  /** 领导小组办公室 */
  office: actorOf({ permissions: ['tasks.read', 'plan.manage'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-office' }),
  /** staff of the lead department (责任单位) */
  'handling department': actorOf({ permissions: [...handle], scope: 'dept', departmentId: ORG.A, personId: 'person-colleague' }),
  /** the person acting on the responsible post, seeing nothing but their own */
  'post holder': actorOf({ permissions: [...handle], scope: 'self', departmentId: ORG.A, personId: HANDLER }),
  /** the head of the lead department (部门负责人) */
  head: actorOf({ permissions: [...handle], scope: 'dept_and_below', departmentId: ORG.A, personId: HEAD }),
  admin: actorOf({ permissions: [...ALL_PERMISSIONS], scope: 'all', departmentId: ORG.ROOT, personId: 'person-admin' }),
  /** 配合单位: sees the task, reports on its own sub-item only */
  'cooperating department': actorOf({ permissions: [...handle], scope: 'dept', departmentId: ORG.B, personId: 'person-coop' }),
  'leader in charge': actorOf({ permissions: ['tasks.read', 'tasks.instruct'], scope: 'self', departmentId: ORG.ROOT, personId: LEADER }),
  'any leader': actorOf({ permissions: ['tasks.read', 'tasks.instruct'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-boss' }),
  reader: actorOf({ permissions: ['tasks.read'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-reader' }),
  /** every task permission, but scoped to A1 below the lead department: the task is out of sight */
  'out of scope': actorOf({
    permissions: ['tasks.read', 'tasks.handle', 'plan.manage', 'tasks.instruct'],
    scope: 'dept',
    departmentId: ORG.A1,
    personId: 'person-outsider',
  }),
  /** on the post, but without tasks.handle */
  'post holder without tasks.handle': actorOf({ permissions: ['tasks.read'], scope: 'self', departmentId: ORG.A, personId: HANDLER }),
  /** named head of A, but without tasks.handle */
  'head without tasks.handle': actorOf({ permissions: ['tasks.read'], scope: 'dept_and_below', departmentId: ORG.A, personId: HEAD }),
} satisfies Record<string, Actor>;
type Relation = keyof typeof ACTORS;

const ABILITY_NAMES = [
  ...TaskAction.options,
  'edit',
  'urge',
  'instruct',
  'grade',
  'milestones',
  'dispatch',
  'request_extension',
  'decide_extension',
  'review_setting',
] as const;
type Ability = keyof TaskAbilities;
/** the full abilities record with exactly these set */
const only = (granted: Ability[]): TaskAbilities => Object.fromEntries(ABILITY_NAMES.map((a) => [a, granted.includes(a)])) as TaskAbilities;

/** status → relation → abilities; a relation not named has none in that status */
const ABILITIES: Record<TaskStatus, Partial<Record<Relation, Ability[]>>> = {
  draft: {
    office: ['assign', 'edit', 'review_setting'],
    head: ['review_setting'],
    admin: ['assign', 'edit', 'instruct', 'review_setting'],
  },
  assigned: {
    office: ['edit', 'urge', 'grade', 'review_setting'],
    'handling department': ['accept', 'refuse'],
    'post holder': ['accept', 'refuse'],
    head: ['accept', 'refuse', 'dispatch', 'review_setting'], // 分办 before signing for it
    admin: ['accept', 'refuse', 'edit', 'urge', 'instruct', 'grade', 'review_setting'],
  },
  accepted: {
    office: ['urge', 'grade', 'milestones', 'review_setting'],
    'handling department': ['report', 'milestones', 'request_extension'],
    'post holder': ['report', 'milestones', 'request_extension'],
    head: ['report', 'milestones', 'dispatch', 'request_extension', 'review_setting'],
    admin: ['report', 'urge', 'instruct', 'grade', 'milestones', 'request_extension', 'review_setting'],
  },
  refused: {
    office: ['assign', 'edit', 'urge', 'grade', 'review_setting'],
    head: ['review_setting'],
    admin: ['assign', 'edit', 'urge', 'instruct', 'grade', 'review_setting'],
  },
  in_progress: {
    office: ['urge', 'grade', 'milestones', 'review_setting'],
    'handling department': ['report', 'request_close', 'milestones', 'request_extension'],
    'post holder': ['report', 'request_close', 'milestones', 'request_extension'],
    head: ['report', 'request_close', 'milestones', 'dispatch', 'request_extension', 'review_setting'],
    admin: ['report', 'request_close', 'urge', 'instruct', 'grade', 'milestones', 'request_extension', 'review_setting'],
  },
  report_review: {
    office: ['urge', 'grade', 'review_setting'],
    'handling department': ['request_extension'],
    'post holder': ['request_extension'],
    head: ['approve', 'send_back', 'request_extension', 'review_setting'], // 部门审核
    admin: ['urge', 'instruct', 'grade', 'request_extension', 'review_setting'], // not the head: cannot approve
  },
  close_review: {
    office: ['urge', 'grade', 'review_setting'],
    head: ['approve', 'send_back', 'review_setting'],
    admin: ['urge', 'instruct', 'grade', 'review_setting'],
  },
  close_requested: {
    office: ['close', 'return', 'urge', 'grade', 'review_setting'],
    head: ['review_setting'],
    admin: ['close', 'return', 'urge', 'instruct', 'grade', 'review_setting'],
  },
  closed: {
    office: ['reopen', 'grade', 'review_setting'],
    head: ['review_setting'],
    admin: ['reopen', 'instruct', 'grade', 'review_setting'],
  },
};
const FOLLOWING: Relation[] = ['office', 'handling department', 'post holder', 'head', 'admin'];

describe('taskAbilities by status, for those whose abilities follow the life cycle', () => {
  it.each(TaskStatus.options.flatMap((s) => FOLLOWING.map((r) => [s, r, ABILITIES[s][r] ?? []] as [TaskStatus, Relation, Ability[]])))(
    '%s, %s → %j',
    (status, relation, granted) => {
      expect(taskAbilities(ACTORS[relation], taskIn(status))).toEqual(only(granted));
    },
  );

  it('lets the handling side ask for one extension at a time, and the office decide only one that waits', () => {
    for (const status of ['accepted', 'in_progress', 'report_review'] as const) {
      expect(taskAbilities(ACTORS['handling department'], taskIn(status, true)).request_extension, status).toBe(false);
      expect(taskAbilities(ACTORS.office, taskIn(status, true)).decide_extension, status).toBe(true);
      expect(taskAbilities(ACTORS.office, taskIn(status, false)).decide_extension, status).toBe(false);
    }
    expect(taskAbilities(ACTORS.office, taskIn('close_requested', true)).decide_extension).toBe(true);
    expect(taskAbilities(ACTORS.office, taskIn('closed', true)).decide_extension).toBe(false);
    expect(taskAbilities(ACTORS['handling department'], taskIn('close_review', false)).request_extension).toBe(false);
  });
});

describe('taskAbilities that are the same in every status', () => {
  it.each<[Relation, Ability[]]>([
    ['cooperating department', []], // its own sub-item: mayReportShare
    ['leader in charge', ['instruct']], // 批示
    ['any leader', ['instruct']],
    ['reader', []],
    ['out of scope', []],
    ['post holder without tasks.handle', []],
    ['head without tasks.handle', []],
  ])('%s → %j', (relation, granted) => {
    for (const status of TaskStatus.options) expect(taskAbilities(ACTORS[relation], taskIn(status)), status).toEqual(only(granted));
  });
});

describe('mayReportShare: a cooperating department reports on its own sub-item (协办), while the work is under way', () => {
  it.each<[Relation, string, TaskStatus, boolean]>([
    ['cooperating department', ORG.B, 'accepted', true],
    ['cooperating department', ORG.B, 'in_progress', true],
    ['cooperating department', ORG.B, 'report_review', true],
    ['cooperating department', ORG.B, 'assigned', false],
    ['cooperating department', ORG.B, 'close_review', false],
    ['cooperating department', ORG.B, 'closed', false],
    ['cooperating department', ORG.A, 'in_progress', false], // not a cooperator: the lead
    ['handling department', ORG.B, 'in_progress', false], // B out of its scope
    ['head', ORG.B, 'in_progress', false],
    ['office', ORG.B, 'in_progress', false], // no tasks.handle
    ['admin', ORG.B, 'in_progress', true],
    ['out of scope', ORG.B, 'in_progress', false],
  ])('%s for %s while %s → %s', (relation, departmentId, status, allowed) => {
    expect(mayReportShare(ACTORS[relation], taskIn(status), departmentId)).toBe(allowed);
  });
});

describe('mayRuleDepartmentReview and mayBackfill', () => {
  it.each<[string, Actor, boolean]>([
    ['the office over all', ACTORS.office, true],
    ['the office over A1 only', actorOf({ permissions: ['plan.manage'], scope: 'dept', departmentId: ORG.A1 }), false],
    ["A's head", ACTORS.head, true],
    ["A's head without tasks.handle", ACTORS['head without tasks.handle'], false],
    ['staff of A', ACTORS['handling department'], false],
    ['a person without a person id', actorOf({ permissions: ['tasks.handle'], scope: 'all', personId: null }), false],
  ])('department review of A: %s → %s', (_, actor, allowed) => {
    expect(mayRuleDepartmentReview(actor, ORG.A, HEAD)).toBe(allowed);
  });

  it('lets only tasks.backfill back-fill', () => {
    expect(mayBackfill(actorOf({ permissions: ['plan.manage', 'tasks.backfill'] }))).toBe(true);
    expect(mayBackfill(ACTORS.office)).toBe(false);
    expect(mayBackfill(ACTORS.admin)).toBe(true);
  });
});

describe('who sees a task, and which sides of the life cycle they hold', () => {
  const task = taskIn('assigned');
  /** one role each, over the data scopes an administrator can give (数据权限) */
  const SCOPED: Record<string, Actor> = {
    'office, all': ACTORS.office,
    'office, custom list of the cooperating department only': actorOf({ permissions: ['plan.manage'], scope: 'custom', custom: [ORG.B] }),
    'office, own department A1 below the lead': actorOf({ permissions: ['plan.manage'], scope: 'dept', departmentId: ORG.A1 }),
    'handle, ROOT and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.ROOT }),
    'handle, A and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.A }),
    'handle, A and below, the head': ACTORS.head,
    'handle, A1 and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.A1 }),
    'handle, own department A': ACTORS['handling department'],
    'handle, custom list holding A': actorOf({ permissions: ['tasks.handle'], scope: 'custom', departmentId: ORG.B, custom: [ORG.A] }),
    'handle, custom list of B only': actorOf({ permissions: ['tasks.handle'], scope: 'custom', departmentId: ORG.A, custom: [ORG.B] }),
    'handle, self, on the post': ACTORS['post holder'],
    'handle, self, someone else of A': actorOf({ permissions: ['tasks.handle'], scope: 'self', departmentId: ORG.A, personId: 'p' }),
    'handle, self, the head': actorOf({ permissions: ['tasks.handle'], scope: 'self', departmentId: ORG.A, personId: HEAD }),
    'handle, all, no person': actorOf({ permissions: ['tasks.handle'], scope: 'all', personId: null }),
    'instruct, self, leader in charge': ACTORS['leader in charge'],
    'every permission, all': ACTORS.admin,
  };

  it.each<[keyof typeof SCOPED, boolean, Side[]]>([
    ['office, all', true, ['office']],
    ['office, custom list of the cooperating department only', true, ['office']],
    ['office, own department A1 below the lead', false, []],
    ['handle, ROOT and below', true, ['handler', 'cooperator']],
    ['handle, A and below', true, ['handler']],
    ['handle, A and below, the head', true, ['handler', 'head']],
    ['handle, A1 and below', false, []],
    ['handle, own department A', true, ['handler']],
    ['handle, custom list holding A', true, ['handler']],
    ['handle, custom list of B only', true, ['cooperator']],
    ['handle, self, on the post', true, ['handler']],
    ['handle, self, someone else of A', false, []],
    ['handle, self, the head', false, []], // a head who sees only their own tasks does not see this one
    ['handle, all, no person', true, ['handler', 'cooperator']],
    ['instruct, self, leader in charge', true, []],
    ['every permission, all', true, ['office', 'handler', 'cooperator']],
  ])('%s → sees it: %s, sides %j', (who, visible, sides) => {
    expect(seeTask(SCOPED[who]!, task)).toBe(visible);
    expect([...sidesOf(SCOPED[who]!, task)].sort()).toEqual([...sides].sort());
  });

  it('does not let a null person match a task without a handler, leader or head', () => {
    const unmanned = { ...task, handlerPersonId: null, leaderPersonId: null, headPersonId: null };
    const nobody = actorOf({ permissions: ['tasks.handle', 'tasks.instruct'], scope: 'self', personId: null });
    expect(seeTask(nobody, unmanned)).toBe(false);
    expect(sidesOf(nobody, unmanned).size).toBe(0);
  });
});

describe('taskPolicy as declared', () => {
  it.each([
    ['read', 'tasks.read'],
    ['office', 'plan.manage'],
    ['handle', 'tasks.handle'],
    ['head', 'tasks.handle'],
    ['cooperate', 'tasks.handle'],
    ['instruct', 'tasks.instruct'],
  ] as const)('%s needs %s on the route', (action, permission) => {
    expect(taskPolicy.route(action)).toEqual({ kind: 'permission', permission });
  });

  it.each<[Relation, 'handle' | 'head' | 'cooperate' | 'instruct', number | null]>([
    ['handling department', 'handle', null],
    ['cooperating department', 'handle', 403],
    ['office', 'handle', 403],
    ['out of scope', 'handle', 404],
    ['head', 'head', null],
    ['handling department', 'head', 403],
    ['cooperating department', 'cooperate', null],
    ['handling department', 'cooperate', 403],
    ['leader in charge', 'instruct', null],
    ['handling department', 'instruct', 403],
    ['out of scope', 'instruct', 404],
  ])('assert: %s may %s → %s', (relation, action, status) => {
    const run = () => taskPolicy.assert(ACTORS[relation], action, taskIn('assigned'));
    if (status === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ status }));
  });
});
