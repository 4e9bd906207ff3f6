import type { TaskDeskView } from '@qinlian/contracts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { postIdsActedBy } from '../org/index.ts';
import { headsOf } from './task-heads.ts';
import type { DeskWithin, TaskFilter } from './tasks.repo.ts';

/**
 * What each of the desk's task sections (工作台待办) means, as list conditions: one definition that
 * the desk counts with (task-desk.sections.ts) and the task list filters with (`?desk=…`), so a
 * section's number and the list it links to agree. "Mine" is where tasks.policy lets me act:
 *
 * - accept 待签收 / report 待报送进展: assigned / accepted or in progress, on the handling side — led
 *   by a department of my data scope, on a post I act for (AB岗) or dispatched to me (分办);
 * - departmentReview 待部门审核: a progress report or close-out request waiting in a department I head;
 * - extensionApproval 待审批延期 / closeOutReview 待审核销号: an extension request pending / close-out
 *   requested, led by a department of the office's scope;
 * - attention: anything led in my scope or on my work (the desk adds `warning=red|yellow`).
 */
export type DeskCondition = { statuses?: string[]; within: DeskWithin; extensionPending?: boolean };

/** Statuses whose next step is the handling department's progress report. */
export const REPORTING = ['accepted', 'in_progress'];
/** Statuses in which a submission waits for the head of the lead department (部门审核). */
export const IN_REVIEW = ['report_review', 'close_review'];

/** Departments of the actor's data scope (null: every department). */
export const scopeDepartments = (actor: Actor): string[] | null => (actor.scope.all ? null : [...actor.scope.departmentIds]);

/** Where my own work lies: my scope's departments, and (`withMine`) the posts I act for now and what was dispatched to me. */
export async function myWithin(ctx: Ctx, withMine: boolean): Promise<DeskWithin> {
  const actor = ctx.actor!;
  const departmentIds = scopeDepartments(actor);
  const mine = withMine && departmentIds !== null && actor.personId !== null;
  const postIds = mine ? await postIdsActedBy(ctx.db, actor.personId!) : [];
  return { departmentIds, postIds, personId: mine ? actor.personId : null };
}

/** The department I head, if I do (a head heads their own department: org's `departmentHeadPersonId`); null otherwise. */
async function headedByMe(ctx: Ctx): Promise<DeskWithin | null> {
  const { personId, departmentId } = ctx.actor!;
  if (!departmentId || !personId) return null;
  const heads = await headsOf(ctx.db, [departmentId]);
  return heads.get(departmentId) === personId ? { departmentIds: [departmentId], postIds: [], personId: null } : null;
}

/** The condition of one view for this actor, or null when the actor has no such work at all. */
export async function deskConditionOf(ctx: Ctx, view: TaskDeskView): Promise<DeskCondition | null> {
  const can = (p: Parameters<Actor['permissions']['has']>[0]) => ctx.actor!.permissions.has(p);
  switch (view) {
    case 'accept':
      return can('tasks.handle') ? { statuses: ['assigned'], within: await myWithin(ctx, true) } : null;
    case 'report':
      return can('tasks.handle') ? { statuses: REPORTING, within: await myWithin(ctx, true) } : null;
    case 'departmentReview': {
      const headed = can('tasks.handle') ? await headedByMe(ctx) : null;
      return headed && { statuses: IN_REVIEW, within: headed };
    }
    case 'extensionApproval':
      return can('plan.manage') ? { extensionPending: true, within: await myWithin(ctx, false) } : null;
    case 'closeOutReview':
      return can('plan.manage') ? { statuses: ['close_requested'], within: await myWithin(ctx, false) } : null;
    case 'attention':
      return { within: await myWithin(ctx, true) };
    default:
      return null;
  }
}

/** The same as list filters (`GET /api/tasks?desk=…`). */
export async function deskFilterOf(
  ctx: Ctx,
  view: TaskDeskView,
): Promise<Pick<TaskFilter, 'statuses' | 'within' | 'extensionPending'> | null> {
  const c = await deskConditionOf(ctx, view);
  return c && { statuses: c.statuses, within: c.within, extensionPending: c.extensionPending };
}
