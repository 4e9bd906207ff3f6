import type { TxCtx } from '../../platform/context.ts';
import { postsWithHolders } from '../org/index.ts';
import { moveTimer, moveTimerDue, resumeTimer, startTimer, stopTimer } from '../time-limits/index.ts';
import type { TaskRow } from './tasks.repo.ts';

/**
 * 限时办结 for tasks: every task write (saveTask) keeps the task's timer in step, in the same
 * transaction. Made → started, due on the task's own due date; the lead department or the handler
 * changes (修改、分办) → moved; the due date changes (延期 granted, a draft corrected) → due then;
 * closed (销号) → stopped, on time when closed by the due date; reopened → running again. A write
 * that changes none of these costs no query (the nightly colour refresh saves every open task).
 */
export async function keepTaskTimer(tx: TxCtx, before: TaskRow | null, after: TaskRow): Promise<void> {
  if (!before) {
    await startTimer(tx, {
      kind: 'task',
      subjectId: after.id,
      departmentId: after.leadDepartmentId,
      ownerPersonId: await ownerOf(tx, after),
      dueOn: after.dueDate,
    });
    return;
  }
  if (
    before.leadDepartmentId !== after.leadDepartmentId ||
    before.handlerPersonId !== after.handlerPersonId ||
    before.responsiblePostId !== after.responsiblePostId
  )
    await moveTimer(tx, 'task', after.id, { departmentId: after.leadDepartmentId, ownerPersonId: await ownerOf(tx, after) });
  if (before.dueDate !== after.dueDate) await moveTimerDue(tx, 'task', after.id, after.dueDate);
  const wasClosed = before.status === 'closed';
  const isClosed = after.status === 'closed';
  if (isClosed && !wasClosed) await stopTimer(tx, 'task', after.id);
  if (wasClosed && !isClosed) await resumeTimer(tx, 'task', after.id);
}

/**
 * Whose on-time record the task counts in: the person it was dispatched to (分办), else the holder
 * of its responsible post (A, or B where the post has no A) — the post's owner, not whoever acts
 * for a day while A is away.
 */
async function ownerOf(tx: TxCtx, task: TaskRow): Promise<string | null> {
  if (task.handlerPersonId) return task.handlerPersonId;
  if (!task.responsiblePostId) return null;
  const post = (await postsWithHolders(tx.db, [task.responsiblePostId])).get(task.responsiblePostId);
  return post ? (post.aPersonId ?? post.bPersonId) : null;
}
