import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { departmentsBasics } from '../org/index.ts';
import { headsOf } from './task-heads.ts';
import { taskWorkflowRepo } from './task-workflow.repo.ts';
import { mayRuleDepartmentReview } from './tasks.policy.ts';
import { tasksEpoch } from './tasks.repo.ts';

/**
 * 部门审核, per department: when on, a report or close-out request that the department's staff
 * make on a task it leads waits for the department's head (approve: on to the office; send back:
 * to the staff, with a reason). The head's own submissions, and those of a department without a
 * head, go straight on. Set by the office over the department or by the department's head; audited.
 */
export async function setDepartmentReview(ctx: Ctx, departmentId: string, review: boolean) {
  return inTransaction(ctx, async (tx) => {
    const department = (await departmentsBasics(tx.db, [departmentId])).get(departmentId);
    if (!department) throw notFound();
    const head = (await headsOf(tx.db, [departmentId])).get(departmentId) ?? null;
    if (!mayRuleDepartmentReview(tx.actor!, departmentId, head)) throw forbidden();
    const before = await taskWorkflowRepo.reviews(tx.db, departmentId);
    if (before === review) return { departmentId, review };
    await recordAudit(tx, {
      action: 'task.department_review',
      entityType: 'department',
      entityId: departmentId,
      before: { review: before },
      after: { review, departmentName: department.name },
    });
    await taskWorkflowRepo.setReview(tx.db, departmentId, review ? { setByName: tx.actor!.name, setAt: iso(tx.clock.now()) } : null);
    tasksEpoch.changed(tx.db); // kept answers show who reviews
    return { departmentId, review };
  });
}
