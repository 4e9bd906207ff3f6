import type { Executor } from '../../platform/db/database.ts';
import type { TaskAssignmentsTable, TaskCooperatorsTable, TaskExtensionsTable } from '../../platform/db/schema.ts';

export type AssignmentRow = TaskAssignmentsTable;
export type ExtensionRow = TaskExtensionsTable;
export type CooperationRow = TaskCooperatorsTable;

/**
 * The department's own records on a task: 分办 history, 延期申请, the cooperating departments'
 * sub-items (协办) and which departments review their staff's submissions (部门审核). Callers write
 * them inside the task write's transaction (saveTask moves the task's version on).
 */
export const taskWorkflowRepo = {
  insertAssignment: (db: Executor, row: AssignmentRow) => db.insertInto('taskAssignments').values(row).execute(),
  assignmentsOf: (db: Executor, taskId: string) =>
    db.selectFrom('taskAssignments').selectAll().where('taskId', '=', taskId).orderBy('id', 'desc').execute(),

  insertExtension: (db: Executor, row: ExtensionRow) => db.insertInto('taskExtensions').values(row).execute(),
  extensionsOf: (db: Executor, taskId: string) =>
    db.selectFrom('taskExtensions').selectAll().where('taskId', '=', taskId).orderBy('id', 'desc').execute(),
  pendingExtension: (db: Executor, taskId: string) =>
    db.selectFrom('taskExtensions').selectAll().where('taskId', '=', taskId).where('status', '=', 'pending').executeTakeFirst(),
  /** Which of these tasks have an extension request waiting (for their abilities). */
  async withPendingExtension(db: Executor, taskIds: string[]): Promise<Set<string>> {
    if (taskIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('taskExtensions')
      .select('taskId')
      .where('taskId', 'in', [...new Set(taskIds)])
      .where('status', '=', 'pending')
      .execute();
    return new Set(rows.map((r) => r.taskId));
  },
  decideExtension: (db: Executor, id: string, decision: Pick<ExtensionRow, 'status' | 'decidedByName' | 'decidedAt' | 'decisionComment'>) =>
    db.updateTable('taskExtensions').set(decision).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst(),

  cooperationOf: (db: Executor, taskId: string) =>
    db.selectFrom('taskCooperators').selectAll().where('taskId', '=', taskId).orderBy('departmentId').execute(),
  reportShare: (
    db: Executor,
    taskId: string,
    departmentId: string,
    share: Pick<CooperationRow, 'progress' | 'reportText' | 'reportedAt' | 'reportedByName'>,
  ) => db.updateTable('taskCooperators').set(share).where('taskId', '=', taskId).where('departmentId', '=', departmentId).execute(),

  reviews: async (db: Executor, departmentId: string) =>
    !!(await db.selectFrom('taskReviewDepartments').select('departmentId').where('departmentId', '=', departmentId).executeTakeFirst()),
  async setReview(db: Executor, departmentId: string, review: { setByName: string; setAt: string } | null) {
    await db.deleteFrom('taskReviewDepartments').where('departmentId', '=', departmentId).execute();
    if (review)
      await db
        .insertInto('taskReviewDepartments')
        .values({ departmentId, ...review })
        .execute();
  },
};
