import type { TaskAction, TaskStatus } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import { iso } from '../../platform/clock.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { transitionNotice, type Notice } from './task-notices.service.ts';
import { taskEventsRepo } from './task-events.repo.ts';
import { destinationOf, type Side, type Transition } from './task-lifecycle.ts';
import { workingDaysLate } from './lateness.rules.ts';
import { rolledUpProgress } from './task-progress.rules.ts';
import { reviewNotice, sentBackNotice } from './task-workflow-notices.ts';
import { taskWorkflowRepo } from './task-workflow.repo.ts';
import type { TaskAccess } from './tasks.policy.ts';
import type { TaskRow } from './tasks.repo.ts';
import { today } from './task-views.service.ts';
import { appendEvent } from './task-write.service.ts';
import { extensionLapseText } from './task-event-texts.ts';

/**
 * What a step of the life cycle does to the task beyond its status, decided before the write:
 * - 部门审核: a report or close-out request of the lead department's staff waits for its head
 *   when the department reviews (and has a head); the head's approval applies the report's progress
 *   or sends the close-out request on to the office; a send-back returns the task to where the
 *   submission left it;
 * - progress: the lead department's own share rolled up with the cooperating departments' (协办);
 * - 销号: progress 100, closed now, and how many working days after the original due date
 *   (逾期办结, kept); a pending extension request lapses. 重新打开 clears both.
 * `notice` replaces the life cycle's usual notice (task-notices.service.ts) where the step went
 * through the department: undefined keeps it, null tells nobody.
 */
export type StepEffect = {
  next: TaskRow;
  percent: number | null;
  audit: Record<string, unknown>;
  notice?: { notice: Notice; to: 'side' } | { notice: Notice; to: 'head'; headPersonId: string } | null;
  afterSave?: (saved: TaskRow) => Promise<void>;
};

type StepBody = { action: TaskAction; comment?: string; percent?: number };

async function withProgress(tx: TxCtx, row: TaskRow, own: number): Promise<Pick<TaskRow, 'ownProgress' | 'progress'>> {
  const shares = (await taskWorkflowRepo.cooperationOf(tx.db, row.id)).map((c) => ({
    progress: c.progress,
    reported: c.reportedAt !== null,
  }));
  return { ownProgress: own, progress: rolledUpProgress(own, shares) };
}

export async function stepEffect(
  tx: TxCtx,
  row: TaskRow,
  access: TaskAccess,
  step: Transition,
  body: StepBody,
  sides: ReadonlySet<Side>,
): Promise<StepEffect> {
  const from = row.status as TaskStatus;
  const head = access.headPersonId;
  const reviewed = !!step.review && head !== null && !sides.has('head') && (await taskWorkflowRepo.reviews(tx.db, row.leadDepartmentId));
  const deciding = body.action === 'approve' || body.action === 'send_back';
  const submission = deciding ? await taskEventsRepo.lastSubmission(tx.db, row.id) : undefined;
  const next: TaskRow = {
    ...row,
    status: destinationOf(step, { reviewed, submittedFrom: (submission?.fromStatus as TaskStatus | undefined) ?? null }),
  };
  const name = tx.actor!.name;
  const effect: StepEffect = { next, percent: null, audit: reviewed ? { departmentReview: true } : {} };

  if (body.action === 'report') {
    effect.percent = body.percent!;
    if (!reviewed) Object.assign(next, await withProgress(tx, row, body.percent!));
  }
  if (reviewed && head) {
    const notice = reviewNotice(row, name, body.action === 'report' ? 'report' : 'request_close', body.percent);
    effect.notice = { notice, to: 'head', headPersonId: head };
  }
  if (body.action === 'approve') {
    if (from === 'report_review') {
      if (submission?.percent != null) {
        effect.percent = submission.percent;
        Object.assign(next, await withProgress(tx, row, submission.percent));
      }
      effect.notice = null; // progress reports tell nobody; the office reads them on the task
    } else {
      // the close-out request goes on to the office, in the submitter's name
      const notice = transitionNotice('request_close', row, submission?.actorName ?? name, submission?.text || undefined);
      effect.notice = notice ? { notice, to: 'side' } : null;
    }
    effect.audit.submissionEventId = submission?.id ?? null;
  }
  if (body.action === 'send_back') {
    effect.notice = { notice: sentBackNotice(row, name, body.comment ?? ''), to: 'side' };
    effect.audit.submissionEventId = submission?.id ?? null;
  }
  if (body.action === 'close') {
    const closedOn = today(tx);
    next.progress = 100;
    next.closedAt = iso(tx.clock.now());
    next.closedLateDays = workingDaysLate(await calendarFor(tx.db), row.originalDueDate ?? row.dueDate, closedOn);
    const pending = await taskWorkflowRepo.pendingExtension(tx.db, row.id);
    if (pending) {
      effect.audit.lapsedExtensionId = pending.id;
      effect.afterSave = async () => {
        await taskWorkflowRepo.decideExtension(tx.db, pending.id, {
          status: 'lapsed',
          decidedByName: name,
          decidedAt: next.closedAt!,
          decisionComment: '任务已销号',
        });
        await appendEvent(tx, row.id, { kind: 'extension_lapse', ...extensionLapseText(pending.requestedDueDate) });
      };
    }
  }
  if (body.action === 'reopen') {
    next.closedAt = null;
    next.closedLateDays = null;
  }
  return effect;
}
