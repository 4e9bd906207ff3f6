import { ShareReportBody as ShareSchema, type ShareReportBody, type TaskStatus } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { STATUS_LABELS, statusesFor } from './task-lifecycle.ts';
import { rolledUpProgress } from './task-progress.rules.ts';
import { taskWorkflowRepo } from './task-workflow.repo.ts';
import { saveTask } from './task-write.service.ts';
import { mayReportShare } from './tasks.policy.ts';
import type { TaskRow } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';

const SHARE_OPEN = statusesFor('report_share');

/**
 * 协办报送: a cooperating department reports on its own sub-item of the task — its progress and
 * what was done — while the work is under way. The task's progress is rolled up anew from the lead
 * department's share and every sub-item (task-progress.rules.ts), with the event and the audit record.
 */
export async function reportShare(ctx: Ctx, id: string, departmentId: string, input: ShareReportBody): Promise<TaskRow> {
  const body = ShareSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, id);
    if (!access.cooperatingDepartmentIds.includes(departmentId)) throw notFound();
    const status = row.status as TaskStatus;
    if (!SHARE_OPEN.has(status))
      throw new DomainError('share_not_open', 409, { status: STATUS_LABELS[status].zh, statusEn: STATUS_LABELS[status].en });
    if (!mayReportShare(tx.actor!, access, departmentId)) throw forbidden();
    if (body.version !== row.version) throw versionConflict();
    const shares = await taskWorkflowRepo.cooperationOf(tx.db, id);
    const progress = rolledUpProgress(
      row.ownProgress,
      shares.map((s) =>
        s.departmentId === departmentId
          ? { progress: body.percent, reported: true }
          : { progress: s.progress, reported: s.reportedAt !== null },
      ),
    );
    const name = (await cachedDepartmentsBasics(tx.db, [departmentId])).get(departmentId)?.name ?? '';
    const share = { progress: body.percent, reportText: body.comment, reportedAt: iso(tx.clock.now()), reportedByName: tx.actor!.name };
    const saved = await saveTask(
      tx,
      row,
      { ...row, progress },
      {
        action: 'task.report_share',
        event: { kind: 'share_report', text: `【${name}】${body.comment}`, percent: body.percent },
        audit: { share: { departmentId, ...share } },
      },
    );
    await taskWorkflowRepo.reportShare(tx.db, id, departmentId, share);
    return saved;
  });
}
