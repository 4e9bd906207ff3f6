import type { TaskAssignment, TaskCooperation, TaskExtension, TaskPendingReview, TaskStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics, peopleBasics, postsWithHolders } from '../org/index.ts';
import { taskEventsRepo } from './task-events.repo.ts';
import { UNDER_REVIEW } from './task-lifecycle.ts';
import { taskViews, type TaskView } from './task-views.service.ts';
import { taskWorkflowRepo } from './task-workflow.repo.ts';
import type { TaskRow } from './tasks.repo.ts';

/** What the task page shows besides the list's view: the department's own records on the task. */
export type TaskDetail = {
  departmentReview: boolean;
  pendingReview: TaskPendingReview | null;
  /** the cooperating departments' sub-items, without the actor's abilities */
  cooperation: Omit<TaskCooperation, 'abilities'>[];
  extensions: TaskExtension[];
  assignments: TaskAssignment[];
};
export type TaskDetailView = TaskView & { detail: TaskDetail };

/** One task as its page shows it (and every write answers with it). */
export async function taskDetail(ctx: Ctx, row: TaskRow): Promise<TaskDetailView> {
  const [[view], departmentReview, submission, cooperation, extensions, assignments] = await Promise.all([
    taskViews(ctx, [row]),
    taskWorkflowRepo.reviews(ctx.db, row.leadDepartmentId),
    UNDER_REVIEW.has(row.status as TaskStatus) ? taskEventsRepo.lastSubmission(ctx.db, row.id) : Promise.resolve(undefined),
    taskWorkflowRepo.cooperationOf(ctx.db, row.id),
    taskWorkflowRepo.extensionsOf(ctx.db, row.id),
    taskWorkflowRepo.assignmentsOf(ctx.db, row.id),
  ]);
  const [departments, posts, people] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      cooperation.map((c) => c.departmentId),
    ),
    postsWithHolders(
      ctx.db,
      assignments.map((a) => a.postId),
    ),
    peopleBasics(
      ctx.db,
      assignments.map((a) => a.personId),
    ),
  ]);
  return {
    ...view!,
    detail: {
      departmentReview,
      pendingReview: submission
        ? {
            action: submission.kind as TaskPendingReview['action'],
            percent: submission.percent,
            text: submission.text,
            byName: submission.actorName,
            at: submission.at,
          }
        : null,
      cooperation: cooperation.map((c) => ({
        departmentId: c.departmentId,
        departmentName: departments.get(c.departmentId)?.name ?? '',
        progress: c.progress,
        reportText: c.reportText,
        reportedAt: c.reportedAt,
        reportedByName: c.reportedByName,
      })),
      extensions: extensions.map((e) => ({
        id: e.id,
        previousDueDate: e.previousDueDate,
        requestedDueDate: e.requestedDueDate,
        reason: e.reason,
        status: e.status as TaskExtension['status'],
        requestedByName: e.requestedByName,
        requestedAt: e.requestedAt,
        decidedByName: e.decidedByName,
        decidedAt: e.decidedAt,
        decisionComment: e.decisionComment,
      })),
      assignments: assignments.map((a) => ({
        id: a.id,
        postId: a.postId,
        postName: a.postId ? (posts.get(a.postId)?.name ?? null) : null,
        personId: a.personId,
        personName: a.personId ? (people.get(a.personId)?.name ?? null) : null,
        note: a.note,
        byName: a.byName,
        at: a.at,
      })),
    },
  };
}
