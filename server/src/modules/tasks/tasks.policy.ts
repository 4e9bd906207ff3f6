import { TaskAction, type TaskStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { definePolicy, has, inDepartmentScope } from '../../platform/policy/policy.ts';
import { allowedActions, EDITABLE, MILESTONES_OPEN, type Side } from './task-lifecycle.ts';

/** What the rules need to know about a task. */
export type TaskAccess = {
  status: TaskStatus;
  leadDepartmentId: string;
  cooperatingDepartmentIds: string[];
  /** who handles it now: the person it was dispatched to (分办), else the one acting on its post (AB岗) */
  handlerPersonId: string | null;
  leaderPersonId: string | null;
  /** the head of the lead department (部门负责人), as the organisation names it */
  headPersonId: string | null;
  /** an extension request waits for the office (延期申请) */
  extensionPending: boolean;
};

/**
 * Who sees a task: everyone whose data scope covers its lead or a cooperating department, the
 * person handling it, and its leader in charge. Out of sight answers 404.
 */
export const seeTask = (actor: Actor, t: TaskAccess) =>
  actor.scope.all ||
  inDepartmentScope(actor, t.leadDepartmentId) ||
  t.cooperatingDepartmentIds.some((d) => inDepartmentScope(actor, d)) ||
  (actor.personId !== null && (actor.personId === t.handlerPersonId || actor.personId === t.leaderPersonId));

/**
 * The sides of the life cycle: the office (plan.manage), the handling department (tasks.handle
 * over the lead department, or the person handling it), its head (tasks.handle, named head of the
 * lead department), a cooperating department (tasks.handle over one of them); leaders instruct
 * (tasks.instruct).
 */
export const taskPolicy = definePolicy<TaskAccess, 'read' | 'office' | 'handle' | 'head' | 'cooperate' | 'instruct'>(seeTask, {
  read: { permission: 'tasks.read' },
  office: { permission: 'plan.manage' },
  handle: {
    permission: 'tasks.handle',
    when: (a, t) => inDepartmentScope(a, t.leadDepartmentId) || (a.personId !== null && a.personId === t.handlerPersonId),
  },
  head: { permission: 'tasks.handle', when: (a, t) => a.personId !== null && a.personId === t.headPersonId },
  cooperate: { permission: 'tasks.handle', when: (a, t) => t.cooperatingDepartmentIds.some((d) => inDepartmentScope(a, d)) },
  instruct: { permission: 'tasks.instruct' },
});

/** 补录: only the office may record a due date before today or outside the plan's period, on purpose. */
export const mayBackfill = (actor: Actor) => has(actor, 'tasks.backfill');

export function sidesOf(actor: Actor, t: TaskAccess): Set<Side> {
  const sides = new Set<Side>();
  if (taskPolicy.allowed(actor, 'office', t)) sides.add('office');
  if (taskPolicy.allowed(actor, 'handle', t)) sides.add('handler');
  if (taskPolicy.allowed(actor, 'head', t)) sides.add('head');
  if (taskPolicy.allowed(actor, 'cooperate', t)) sides.add('cooperator');
  return sides;
}

/** 时间节点: the office or the handling department marks milestones done while the work is under way. */
export const mayMarkMilestones = (actor: Actor, t: TaskAccess) => {
  const sides = sidesOf(actor, t);
  return (sides.has('office') || sides.has('handler')) && MILESTONES_OPEN.has(t.status);
};

/** 协办报送: a cooperating department in the actor's scope reports on its own sub-item, while the work is under way. */
export const mayReportShare = (actor: Actor, t: TaskAccess, departmentId: string) =>
  t.cooperatingDepartmentIds.includes(departmentId) &&
  inDepartmentScope(actor, departmentId) &&
  allowedActions(t.status, sidesOf(actor, t)).includes('report_share');

/** 部门审核 on or off for a department: the office over it, or the department's own head. */
export const mayRuleDepartmentReview = (actor: Actor, departmentId: string, headPersonId: string | null) =>
  (has(actor, 'plan.manage') && inDepartmentScope(actor, departmentId)) ||
  (has(actor, 'tasks.handle') && actor.personId !== null && actor.personId === headPersonId);

export type TaskAbilities = Record<TaskAction, boolean> & {
  edit: boolean;
  urge: boolean;
  instruct: boolean;
  grade: boolean;
  milestones: boolean;
  dispatch: boolean;
  request_extension: boolean;
  decide_extension: boolean;
  review_setting: boolean;
};

/** Sent with every task so the web enables buttons by the server's rules. */
export function taskAbilities(actor: Actor, t: TaskAccess): TaskAbilities {
  const allowed = new Set(allowedActions(t.status, sidesOf(actor, t)));
  const office = taskPolicy.allowed(actor, 'office', t);
  const steps = Object.fromEntries(TaskAction.options.map((a) => [a, allowed.has(a)])) as Record<TaskAction, boolean>;
  return {
    ...steps,
    edit: office && EDITABLE.has(t.status),
    urge: office && t.status !== 'draft' && t.status !== 'closed',
    instruct: taskPolicy.allowed(actor, 'instruct', t),
    grade: office && t.status !== 'draft',
    milestones: mayMarkMilestones(actor, t),
    dispatch: allowed.has('dispatch'),
    request_extension: allowed.has('request_extension') && !t.extensionPending,
    decide_extension: allowed.has('decide_extension') && t.extensionPending,
    review_setting: seeTask(actor, t) && mayRuleDepartmentReview(actor, t.leadDepartmentId, t.headPersonId),
  };
}
