import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, TaskAction, TaskStatus } from '@qinlian/contracts';
import { actorOf, ORG } from '../../../test/actors.ts';
import type { Actor } from '../../platform/context.ts';
import type { Side } from './task-lifecycle.ts';
import { seeTask, sidesOf, taskAbilities, taskPolicy, type TaskAbilities, type TaskAccess } from './tasks.policy.ts';

const HANDLER = 'person-handler'; // acting on the responsible post (AB岗)
const LEADER = 'person-leader'; // 分管领导

/** A task led by department A with B cooperating; A1 sits below A, ROOT above both. */
const taskIn = (status: TaskStatus): TaskAccess => ({
  status,
  leadDepartmentId: ORG.A,
  cooperatingDepartmentIds: [ORG.B],
  handlerPersonId: HANDLER,
  leaderPersonId: LEADER,
});

const ACTORS = {
  /** 领导小组办公室 */
  office: actorOf({ permissions: ['tasks.read', 'plan.manage'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-office' }),
  /** staff of the lead department (责任单位) */
  'handling department': actorOf({
    permissions: ['tasks.read', 'tasks.handle'],
    scope: 'dept',
    departmentId: ORG.A,
    personId: 'person-colleague',
  }),
  /** the person acting on the responsible post, seeing nothing but their own */
  'post holder': actorOf({ permissions: ['tasks.read', 'tasks.handle'], scope: 'self', departmentId: ORG.A, personId: HANDLER }),
  admin: actorOf({ permissions: [...ALL_PERMISSIONS], scope: 'all', departmentId: ORG.ROOT, personId: 'person-admin' }),
  /** 配合单位: sees the task, may not sign for it */
  'cooperating department': actorOf({
    permissions: ['tasks.read', 'tasks.handle'],
    scope: 'dept',
    departmentId: ORG.B,
    personId: 'person-coop',
  }),
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
} satisfies Record<string, Actor>;
type Relation = keyof typeof ACTORS;

const ABILITY_NAMES = [...TaskAction.options, 'edit', 'urge', 'instruct', 'grade', 'milestones'] as const;
type Ability = keyof TaskAbilities;
/** the full abilities record with exactly these set */
const only = (granted: Ability[]): TaskAbilities => Object.fromEntries(ABILITY_NAMES.map((a) => [a, granted.includes(a)])) as TaskAbilities;

describe('taskAbilities by status, for those whose abilities follow the life cycle', () => {
  it.each<[TaskStatus, Relation, Ability[]]>([
    ['draft', 'office', ['assign', 'edit']],
    ['assigned', 'office', ['edit', 'urge', 'grade']],
    ['accepted', 'office', ['urge', 'grade', 'milestones']],
    ['refused', 'office', ['assign', 'edit', 'urge', 'grade']],
    ['in_progress', 'office', ['urge', 'grade', 'milestones']],
    ['close_requested', 'office', ['close', 'return', 'urge', 'grade']],
    ['closed', 'office', ['reopen', 'grade']],

    ['draft', 'handling department', []],
    ['assigned', 'handling department', ['accept', 'refuse']],
    ['accepted', 'handling department', ['report', 'milestones']],
    ['refused', 'handling department', []],
    ['in_progress', 'handling department', ['report', 'request_close', 'milestones']],
    ['close_requested', 'handling department', []],
    ['closed', 'handling department', []],

    ['draft', 'post holder', []],
    ['assigned', 'post holder', ['accept', 'refuse']],
    ['accepted', 'post holder', ['report', 'milestones']],
    ['refused', 'post holder', []],
    ['in_progress', 'post holder', ['report', 'request_close', 'milestones']],
    ['close_requested', 'post holder', []],
    ['closed', 'post holder', []],

    ['draft', 'admin', ['assign', 'edit', 'instruct']],
    ['assigned', 'admin', ['accept', 'refuse', 'edit', 'urge', 'instruct', 'grade']],
    ['accepted', 'admin', ['report', 'urge', 'instruct', 'grade', 'milestones']],
    ['refused', 'admin', ['assign', 'edit', 'urge', 'instruct', 'grade']],
    ['in_progress', 'admin', ['report', 'request_close', 'urge', 'instruct', 'grade', 'milestones']],
    ['close_requested', 'admin', ['close', 'return', 'urge', 'instruct', 'grade']],
    ['closed', 'admin', ['reopen', 'instruct', 'grade']],
  ])('%s, %s → %j', (status, relation, granted) => {
    expect(taskAbilities(ACTORS[relation], taskIn(status))).toEqual(only(granted));
  });
});

describe('taskAbilities that are the same in every status', () => {
  it.each<[Relation, Ability[]]>([
    ['cooperating department', []],
    ['leader in charge', ['instruct']], // 批示
    ['any leader', ['instruct']],
    ['reader', []],
    ['out of scope', []],
    ['post holder without tasks.handle', []],
  ])('%s → %j', (relation, granted) => {
    for (const status of TaskStatus.options) expect(taskAbilities(ACTORS[relation], taskIn(status)), status).toEqual(only(granted));
  });
});

describe('who sees a task, and which side of the life cycle they hold', () => {
  const task = taskIn('assigned');
  /** one role each, over the data scopes an administrator can give (数据权限) */
  const SCOPED: Record<string, Actor> = {
    'office, all': ACTORS.office,
    'office, custom list of the cooperating department only': actorOf({ permissions: ['plan.manage'], scope: 'custom', custom: [ORG.B] }),
    'office, own department A1 below the lead': actorOf({ permissions: ['plan.manage'], scope: 'dept', departmentId: ORG.A1 }),
    'handle, ROOT and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.ROOT }),
    'handle, A and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.A }),
    'handle, A1 and below': actorOf({ permissions: ['tasks.handle'], scope: 'dept_and_below', departmentId: ORG.A1 }),
    'handle, own department A': ACTORS['handling department'],
    'handle, custom list holding A': actorOf({ permissions: ['tasks.handle'], scope: 'custom', departmentId: ORG.B, custom: [ORG.A] }),
    'handle, custom list of B only': actorOf({ permissions: ['tasks.handle'], scope: 'custom', departmentId: ORG.A, custom: [ORG.B] }),
    'handle, self, on the post': ACTORS['post holder'],
    'handle, self, someone else of A': actorOf({ permissions: ['tasks.handle'], scope: 'self', departmentId: ORG.A, personId: 'p' }),
    'handle, all, no person': actorOf({ permissions: ['tasks.handle'], scope: 'all', personId: null }),
    'instruct, self, leader in charge': ACTORS['leader in charge'],
    'every permission, all': ACTORS.admin,
  };

  it.each<[keyof typeof SCOPED, boolean, Side[]]>([
    ['office, all', true, ['office']],
    ['office, custom list of the cooperating department only', true, ['office']],
    ['office, own department A1 below the lead', false, []],
    ['handle, ROOT and below', true, ['handler']],
    ['handle, A and below', true, ['handler']],
    ['handle, A1 and below', false, []],
    ['handle, own department A', true, ['handler']],
    ['handle, custom list holding A', true, ['handler']],
    ['handle, custom list of B only', true, []],
    ['handle, self, on the post', true, ['handler']],
    ['handle, self, someone else of A', false, []],
    ['handle, all, no person', true, ['handler']],
    ['instruct, self, leader in charge', true, []],
    ['every permission, all', true, ['office', 'handler']],
  ])('%s → sees it: %s, sides %j', (who, visible, sides) => {
    expect(seeTask(SCOPED[who]!, task)).toBe(visible);
    expect([...sidesOf(SCOPED[who]!, task)].sort()).toEqual([...sides].sort());
  });

  it('does not let a null person match a task without a handler or leader', () => {
    const unmanned = { ...task, handlerPersonId: null, leaderPersonId: null };
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
    ['instruct', 'tasks.instruct'],
  ] as const)('%s needs %s on the route', (action, permission) => {
    expect(taskPolicy.route(action)).toEqual({ kind: 'permission', permission });
  });

  it.each<[Relation, 'handle' | 'instruct', number | null]>([
    ['handling department', 'handle', null],
    ['cooperating department', 'handle', 403],
    ['office', 'handle', 403],
    ['out of scope', 'handle', 404],
    ['leader in charge', 'instruct', null],
    ['handling department', 'instruct', 403],
    ['out of scope', 'instruct', 404],
  ])('assert: %s may %s → %s', (relation, action, status) => {
    const run = () => taskPolicy.assert(ACTORS[relation], action, taskIn('assigned'));
    if (status === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ status }));
  });
});
