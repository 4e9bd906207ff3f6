import {
  detailMessage,
  ExtensionDecisionBody as DecisionSchema,
  ExtensionRequestBody as RequestSchema,
  type ExtensionDecisionBody,
  type ExtensionRequestBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { tellAboutTask } from './task-notices.service.ts';
import { assertStep } from './task-step.guard.ts';
import { assertTruthfulDueDate } from './task-dates.service.ts';
import { extensionDecisionNotice, extensionRequestNotice } from './task-workflow-notices.ts';
import { taskWorkflowRepo, type ExtensionRow } from './task-workflow.repo.ts';
import { saveTask } from './task-write.service.ts';
import type { TaskRow } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';
import { extensionDecisionText, extensionRequestText } from './task-event-texts.ts';

/**
 * 延期申请: the handling department asks for a later due date, with a reason, while the work is
 * under way; one request waits at a time. The new date must be later than the current one, not in
 * the past and inside the plan's period (422). The office is told.
 */
export async function requestExtension(ctx: Ctx, id: string, input: ExtensionRequestBody): Promise<TaskRow> {
  const body = RequestSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const actor = tx.actor!;
    const { row, access } = await loadTask(tx, id);
    assertStep(actor, row, access, 'request_extension', body.version);
    const pending = await taskWorkflowRepo.pendingExtension(tx.db, id);
    if (pending) throw new DomainError('extension_pending', 409, { date: pending.requestedDueDate });
    if (body.dueDate <= row.dueDate)
      throw new DomainError('extension_not_later', 422, { due: row.dueDate }, [{ path: 'body.dueDate', message: 'extension_not_later' }]);
    await assertTruthfulDueDate(tx, { planId: row.planId, dueDate: body.dueDate });
    const extension: ExtensionRow = {
      id: newId(),
      taskId: id,
      previousDueDate: row.dueDate,
      requestedDueDate: body.dueDate,
      reason: body.reason,
      status: 'pending',
      requestedByUserId: actor.via === 'system' ? null : actor.userId,
      requestedByName: actor.name,
      requestedAt: iso(tx.clock.now()),
      decidedByName: null,
      decidedAt: null,
      decisionComment: '',
    };
    const saved = await saveTask(tx, row, row, {
      action: 'task.extension_request',
      event: { kind: 'extension_request', ...extensionRequestText(row.dueDate, body.dueDate, body.reason) },
      audit: { extension },
    });
    await taskWorkflowRepo.insertExtension(tx.db, extension);
    const notice = extensionRequestNotice(saved, actor.name, body.dueDate, body.reason);
    await tellAboutTask(tx, saved, { ...access, extensionPending: true }, notice, `task.extension_request:${id}:v${saved.version}`);
    return saved;
  });
}

/**
 * 延期审批: the office grants the pending request — the due date moves, the original one is kept
 * (原定完成时限: lateness at close-out is measured against it) — or refuses it with a reason. The
 * handling department is told.
 */
export async function decideExtension(ctx: Ctx, id: string, input: ExtensionDecisionBody): Promise<TaskRow> {
  const body = DecisionSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, id);
    assertStep(tx.actor!, row, access, 'decide_extension', body.version);
    const pending = await taskWorkflowRepo.pendingExtension(tx.db, id);
    if (!pending) throw new DomainError('no_extension_pending', 409);
    if (!body.grant && !body.comment) throw invalid([{ path: 'body.comment', message: detailMessage('refusal_reason_required', tx.lang) }]);
    const decision = {
      status: body.grant ? 'granted' : 'refused',
      decidedByName: tx.actor!.name,
      decidedAt: iso(tx.clock.now()),
      decisionComment: body.comment,
    };
    const next: TaskRow = body.grant
      ? { ...row, dueDate: pending.requestedDueDate, originalDueDate: row.originalDueDate ?? row.dueDate }
      : row;
    const text = extensionDecisionText(body.grant, pending.requestedDueDate, next.originalDueDate, body.comment);
    const saved = await saveTask(tx, row, next, {
      action: body.grant ? 'task.extension_grant' : 'task.extension_refuse',
      event: { kind: body.grant ? 'extension_grant' : 'extension_refuse', ...text },
      audit: { extension: { ...pending, ...decision } },
    });
    await taskWorkflowRepo.decideExtension(tx.db, pending.id, decision);
    const notice = extensionDecisionNotice(saved, body.grant, pending.requestedDueDate, body.comment);
    await tellAboutTask(tx, saved, { ...access, extensionPending: false }, notice, `${notice.kind}:${id}:v${saved.version}`);
    return saved;
  });
}
