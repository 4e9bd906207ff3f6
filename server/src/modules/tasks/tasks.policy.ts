import type { TaskAction, TaskStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';
import { allowedActions, EDITABLE, MILESTONES_OPEN, type Side } from './task-lifecycle.ts';

/** What the rules need to know about a task. */
export type TaskAccess = {
  status: TaskStatus;
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  handlerPersonId: string | null;
  leaderPersonId: string | null;
};

/**
 * Who sees a task: everyone whose data scope covers its lead or a cooperating department, the
 * person acting on its responsible post, and its leader in charge. Out of sight answers 404.
 */
export const seeTask = (actor: Actor, t: TaskAccess) =>
  actor.scope.all ||
  inDepartmentScope(actor, t.leadDepartmentId) ||
  t.cooperatingDepartmentIds.some((d) => inDepartmentScope(actor, d)) ||
  (actor.personId !== null && (actor.personId === t.handlerPersonId || actor.personId === t.leaderPersonId));

/**
 * The sides of the life cycle: the office (plan.manage) and the handling department (tasks.handle
 * over the lead department, or the person acting on the post); leaders instruct (tasks.instruct).
 */
export const taskPolicy = definePolicy<TaskAccess, 'read' | 'office' | 'handle' | 'instruct'>(seeTask, {
  read: { permission: 'tasks.read' },
  office: { permission: 'plan.manage' },
  handle: {
    permission: 'tasks.handle',
    when: (a, t) => inDepartmentScope(a, t.leadDepartmentId) || (a.personId !== null && a.personId === t.handlerPersonId),
  },
  instruct: { permission: 'tasks.instruct' },
});

export function sidesOf(actor: Actor, t: TaskAccess): Set<Side> {
  const sides = new Set<Side>();
  if (taskPolicy.allowed(actor, 'office', t)) sides.add('office');
  if (taskPolicy.allowed(actor, 'handle', t)) sides.add('handler');
  return sides;
}

/** 时间节点: either side of the life cycle marks milestones done while the work is under way. */
export const mayMarkMilestones = (actor: Actor, t: TaskAccess) => sidesOf(actor, t).size > 0 && MILESTONES_OPEN.has(t.status);

export type TaskAbilities = Record<TaskAction, boolean> & {
  edit: boolean;
  urge: boolean;
  instruct: boolean;
  grade: boolean;
  milestones: boolean;
};

/** Sent with every task so the web enables buttons by the server's rules. */
export function taskAbilities(actor: Actor, t: TaskAccess): TaskAbilities {
  const allowed = new Set(allowedActions(t.status, sidesOf(actor, t)));
  const office = taskPolicy.allowed(actor, 'office', t);
  return {
    assign: allowed.has('assign'),
    accept: allowed.has('accept'),
    refuse: allowed.has('refuse'),
    report: allowed.has('report'),
    request_close: allowed.has('request_close'),
    close: allowed.has('close'),
    return: allowed.has('return'),
    reopen: allowed.has('reopen'),
    edit: office && EDITABLE.has(t.status),
    urge: office && t.status !== 'draft' && t.status !== 'closed',
    instruct: taskPolicy.allowed(actor, 'instruct', t),
    grade: office && t.status !== 'draft',
    milestones: mayMarkMilestones(actor, t),
  };
}
