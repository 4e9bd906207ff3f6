import type { TaskStatus } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { MILESTONES_OPEN, STATUS_LABELS } from './task-lifecycle.ts';
import { sidesOf } from './tasks.policy.ts';
import { tasksRepo, type TaskRow } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';
import { saveTask } from './task-write.service.ts';
import { milestoneText } from './task-event-texts.ts';

/**
 * 时间节点完成: the handling department (or the office) marks a milestone of an accepted or
 * in-progress task done — when and by whom — or undoes a mark made by mistake. A task write like
 * any other: the task's version moves on, with an event on its history and an audit record in the
 * same transaction. Marking a milestone as it already is changes nothing.
 */
export async function markMilestone(
  ctx: Ctx,
  taskId: string,
  milestoneId: string,
  input: { version: number; done: boolean },
): Promise<TaskRow> {
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, taskId);
    const milestone = await tasksRepo.milestoneOf(tx.db, taskId, milestoneId);
    if (!milestone) throw notFound();
    const actor = tx.actor!;
    const sides = sidesOf(actor, access);
    // the task's own sides: a cooperating department reports on its sub-item, not on the timetable
    if (!sides.has('office') && !sides.has('handler')) throw forbidden();
    const status = row.status as TaskStatus;
    if (!MILESTONES_OPEN.has(status))
      throw new DomainError('milestones_not_open', 409, { status: STATUS_LABELS[status].zh, statusEn: STATUS_LABELS[status].en });
    if (input.version !== row.version) throw versionConflict();
    if ((milestone.doneAt !== null) === input.done) return row;

    const mark = input.done
      ? { doneAt: iso(tx.clock.now()), doneByUserId: actor.via === 'system' ? null : actor.userId, doneByName: actor.name }
      : { doneAt: null, doneByUserId: null, doneByName: null };
    const saved = await saveTask(tx, row, row, {
      action: input.done ? 'task.milestone_done' : 'task.milestone_reopen',
      event: { kind: input.done ? 'milestone_done' : 'milestone_reopen', ...milestoneText(milestone.name, milestone.dueDate) },
      audit: { milestone: { ...milestone, ...mark } },
    });
    await tasksRepo.markMilestone(tx.db, milestone.id, mark);
    return saved;
  });
}
