import type { Ctx, TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { noteOnTask } from './task-actions.service.ts';
import type { TaskEventRow } from './task-events.repo.ts';
import { instructionNotice, tellAboutTask } from './task-notices.service.ts';
import { taskPolicy } from './tasks.policy.ts';
import { tasksRepo } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';

/**
 * What the instructions module (批示) needs of tasks, through this module's front door: whether the
 * leader may instruct on a task, the 'instruct' event on its history with the notice to the handler
 * and the head, and the labels of tasks an instruction list names.
 */
export type InstructedTask = { id: string; code: string; title: string; leadDepartmentId: string };

/** A task the actor may instruct on: 404 when out of sight, 403 without tasks.instruct. */
export async function taskForInstruction(ctx: Ctx, taskId: string): Promise<InstructedTask> {
  const { row, access } = await loadTask(ctx, taskId);
  taskPolicy.assert(ctx.actor!, 'instruct', access);
  return { id: row.id, code: row.code, title: row.title, leadDepartmentId: row.leadDepartmentId };
}

/** A task the actor may see (404 otherwise): the instruction list filtered to one task. */
export async function visibleTask(ctx: Ctx, taskId: string): Promise<InstructedTask> {
  const { row } = await loadTask(ctx, taskId);
  return { id: row.id, code: row.code, title: row.title, leadDepartmentId: row.leadDepartmentId };
}

/**
 * 批示 on the task's history and in the audit chain, and the notice to the handling side and the
 * head of the lead department (with the feedback date when one is asked), in the caller's transaction.
 */
export async function instructOnTask(tx: TxCtx, taskId: string, text: string, feedbackDueDate: string | null): Promise<TaskEventRow> {
  const { row, access } = await loadTask(tx, taskId);
  const event = await noteOnTask(tx, taskId, 'instruct', text);
  const notice = instructionNotice(row, tx.actor?.name ?? '领导', text, feedbackDueDate);
  await tellAboutTask(tx, row, access, notice, `task.instruct:${event.id}`);
  return event;
}

/** Codes and titles of these tasks (instruction lists name them), whoever may see them: the caller checked. */
export async function taskLabels(db: Executor, ids: string[]): Promise<Map<string, { code: string; title: string }>> {
  const rows = await tasksRepo.byIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { code: r.code, title: r.title }]));
}
