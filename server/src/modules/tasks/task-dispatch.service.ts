import { detailMessage, DispatchBody as DispatchSchema, type DispatchBody } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { cachedDepartmentsBasics, peopleBasics, postsWithHolders } from '../org/index.ts';
import { tellAboutTask } from './task-notices.service.ts';
import { assertStep } from './task-step.guard.ts';
import { accessOf } from './task-views.service.ts';
import { dispatchNotice } from './task-workflow-notices.ts';
import { taskWorkflowRepo, type AssignmentRow } from './task-workflow.repo.ts';
import { saveTask } from './task-write.service.ts';
import type { TaskRow } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';
import { dispatchText, type EventText } from './task-event-texts.ts';

/**
 * 分办: the head of the lead department hands the task to a post of the department (its A/B holder
 * acts, AB岗) or to one of its people. The handler changes — the post and the person replace each
 * other — the assignment is kept in the task's 分办 history, and the new handler is told, all in
 * the transaction of the task write and its audit record.
 */
export async function dispatchTask(ctx: Ctx, id: string, input: DispatchBody): Promise<TaskRow> {
  const body = DispatchSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const actor = tx.actor!;
    const { row, access } = await loadTask(tx, id);
    assertStep(actor, row, access, 'dispatch', body.version);
    const postId = body.postId ?? null;
    const personId = body.personId ?? null;
    if (!postId === !personId) throw invalid([{ path: 'body.postId', message: detailMessage('post_or_person', tx.lang) }]);
    const department = (await cachedDepartmentsBasics(tx.db, [row.leadDepartmentId])).get(row.leadDepartmentId);
    const outside = (path: string) =>
      new DomainError('dispatch_outside_department', 400, { department: department?.name ?? '' }, [
        { path, message: 'dispatch_outside_department' },
      ]);
    let text: EventText;
    if (postId) {
      const post = (await postsWithHolders(tx.db, [postId])).get(postId);
      if (!post || post.archived || post.departmentId !== row.leadDepartmentId) throw outside('body.postId');
      text = dispatchText({ post: post.name, acting: post.actingPersonName }, body.note);
    } else {
      const person = (await peopleBasics(tx.db, [personId])).get(personId!);
      if (!person || person.status === 'left' || person.departmentId !== row.leadDepartmentId) throw outside('body.personId');
      text = dispatchText({ person: person.name }, body.note);
    }
    const assignment: AssignmentRow = {
      id: newId(),
      taskId: id,
      postId,
      personId,
      note: body.note,
      byUserId: actor.via === 'system' ? null : actor.userId,
      byName: actor.name,
      at: iso(tx.clock.now()),
    };
    const saved = await saveTask(
      tx,
      row,
      { ...row, responsiblePostId: postId, handlerPersonId: personId },
      { action: 'task.dispatch', event: { kind: 'dispatch', ...text }, audit: { assignment } },
    );
    await taskWorkflowRepo.insertAssignment(tx.db, assignment);
    await tellAboutTask(
      tx,
      saved,
      await accessOf(tx.db, saved),
      dispatchNotice(saved, actor.name, body.note),
      `task.dispatch:${id}:v${saved.version}`,
    );
    return saved;
  });
}
