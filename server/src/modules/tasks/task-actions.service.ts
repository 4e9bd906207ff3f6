import type { z } from 'zod';
import {
  detailMessage,
  type FiveCharGrade,
  type GradeBody,
  type TaskStatus,
  TaskTransitionBody as TransitionSchema,
  type TaskTransitionBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { inGroupCommit } from '../../platform/db/group-commit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, forbidden, invalid, versionConflict } from '../../platform/errors.ts';
import { filesRepo } from './evidence.repo.ts';
import { ACTION_LABELS, allowedActions, REQUIREMENTS, STATUS_LABELS, transitionFor } from './task-lifecycle.ts';
import { sidesOf, taskPolicy } from './tasks.policy.ts';
import { tellAboutTask, transitionNotice, urgeNotice } from './task-notices.service.ts';
import { stepEffect } from './task-step-effects.ts';
import { tellHead } from './task-workflow-notices.ts';
import { taskEventsRepo, type TaskEventRow } from './task-events.repo.ts';
import type { TaskRow } from './tasks.repo.ts';
import { loadTask } from './tasks.service.ts';
import { appendEventRow, saveTask } from './task-write.service.ts';
import { gradeOf } from './task-views.service.ts';
import { gradeText } from './task-event-texts.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** Evidence must be the actor's own uploads (so attaching a file never widens who may read someone else's). */
async function assertOwnFiles(ctx: Ctx, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const files = new Map((await filesRepo.byIds(ctx.db, fileIds)).map((f) => [f.id, f]));
  const actor = actorOf(ctx);
  fileIds.forEach((id, i) => {
    const f = files.get(id);
    if (!f) throw invalid([{ path: `body.fileIds.${i}`, message: detailMessage('unknown_ref', ctx.lang) }]);
    if (actor.via !== 'system' && f.uploadedBy !== actor.userId)
      throw invalid([{ path: `body.fileIds.${i}`, message: detailMessage('file_not_yours', ctx.lang) }]);
  });
}

/** Evidence of the current round: files attached since the last return or reopen (退回重办 asks for new proof). */
async function evidenceCount(ctx: Ctx, taskId: string): Promise<number> {
  const lastReset = await taskEventsRepo.lastOfKinds(ctx.db, taskId, ['return', 'reopen']);
  return taskEventsRepo.fileCountSince(ctx.db, taskId, lastReset?.id ?? null);
}

/**
 * One step of the life cycle (task-lifecycle.ts), in one transaction with the event, the
 * counters, the audit record and the notice to the people concerned (task-notices.service.ts). Not a step
 * from this status: 409 illegal_transition with the steps this actor may take; a step of the other
 * side: 403.
 */
export async function transitionTask(ctx: Ctx, id: string, input: TaskTransitionBody): Promise<TaskRow> {
  // month-end reporting comes all at once: steps arriving together share one durable commit
  return inGroupCommit(ctx, async (tx) => {
    const step = await takeStep(tx, id, input);
    // keyed by the version the step made: told once per step, however often asked
    const key = (kind: string) => `${kind}:${id}:v${step.row.version}`;
    const told = step.notice; // where the step went through the department (部门审核), its own notice
    if (told === undefined) {
      const notice = transitionNotice(step.action, step.row, actorOf(tx).name, step.comment);
      if (notice) await tellAboutTask(tx, step.row, step.access, notice, key(notice.kind));
    } else if (told?.to === 'head') {
      await tellHead(tx, step.row, told.headPersonId, told.notice, key(told.notice.kind));
    } else if (told) {
      await tellAboutTask(tx, step.row, step.access, told.notice, key(told.notice.kind));
    }
    return step.row;
  });
}

/**
 * The step itself, telling nobody: the demo seed replays past steps with it, as history rather
 * than news.
 */
export async function takeStep(ctx: Ctx, id: string, input: TaskTransitionBody) {
  const body = TransitionSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, id);
    const status = row.status as TaskStatus;
    const sides = sidesOf(actorOf(tx), access);
    const step = transitionFor(status, body.action);
    if (!step) {
      throw new DomainError(
        'illegal_transition',
        409,
        {
          status: STATUS_LABELS[status].zh,
          action: ACTION_LABELS[body.action].zh,
          statusEn: STATUS_LABELS[status].en,
          actionEn: ACTION_LABELS[body.action].en,
        },
        undefined,
        allowedActions(status, sides),
      );
    }
    if (!sides.has(step.who)) throw forbidden();
    if (body.version !== row.version) throw versionConflict();
    const needs = REQUIREMENTS[body.action];
    if (needs.comment && !body.comment) throw invalid([{ path: 'body.comment', message: detailMessage('comment_required', tx.lang) }]);
    if (needs.percent && body.percent === undefined)
      throw invalid([{ path: 'body.percent', message: detailMessage('percent_required', tx.lang) }]);
    await assertOwnFiles(tx, body.fileIds);
    if (needs.evidence && body.fileIds.length === 0 && (await evidenceCount(tx, id)) === 0) {
      throw new DomainError('evidence_required', 400, {}, [{ path: 'body.fileIds', message: 'evidence_required' }]);
    }
    const effect = await stepEffect(tx, row, access, step, body, sides);
    const saved = await saveTask(tx, row, effect.next, {
      action: `task.${body.action}`,
      event: {
        kind: body.action,
        text: body.comment ?? '',
        percent: effect.percent,
        fileIds: body.fileIds,
        fromStatus: status,
        toStatus: effect.next.status,
      },
      audit: effect.audit,
    });
    await effect.afterSave?.(saved);
    return { row: saved, access, action: body.action, comment: body.comment, notice: effect.notice };
  });
}

/** An urging or an instruction on a task's history and in the audit chain (the caller checked who may). */
/** An urging or an instruction on the task's record and in the audit chain; answers with the event as written. */
export async function noteOnTask(tx: TxCtx, taskId: string, kind: 'urge' | 'instruct', text: string): Promise<TaskEventRow> {
  const event = await appendEventRow(tx, taskId, { kind, text });
  await recordAudit(tx, { action: `task.${kind}`, entityType: 'task', entityId: taskId, after: { text, eventId: event.id } });
  return event;
}

/** 催办: the office urges the handler with a message; recorded on the task and in the audit chain. */
export async function urgeTask(ctx: Ctx, id: string, message: string) {
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, id);
    taskPolicy.assert(actorOf(tx), 'office', access);
    if (row.status === 'draft' || row.status === 'closed') {
      const status = row.status as TaskStatus;
      throw new DomainError(
        'illegal_transition',
        409,
        { status: STATUS_LABELS[status].zh, action: '催办', statusEn: STATUS_LABELS[status].en, actionEn: 'urged' },
        undefined,
        [],
      );
    }
    const event = await noteOnTask(tx, id, 'urge', message);
    await tellAboutTask(tx, row, access, urgeNotice(row, message), `task.urge:${event.id}`);
    return event;
  });
}

/** 五字要求 grading by the office (准 快 实 浓 显, 1–5 each). */
export async function gradeTask(ctx: Ctx, id: string, input: z.infer<typeof GradeBody>): Promise<TaskRow> {
  return inTransaction(ctx, async (tx) => {
    const { row, access } = await loadTask(tx, id);
    taskPolicy.assert(actorOf(tx), 'office', access);
    if (row.status === 'draft') {
      throw new DomainError(
        'illegal_transition',
        409,
        { status: STATUS_LABELS.draft.zh, action: '评定', statusEn: STATUS_LABELS.draft.en, actionEn: 'graded' },
        undefined,
        [],
      );
    }
    if (input.version !== row.version) throw versionConflict();
    const grade: FiveCharGrade = { zhun: input.zhun, kuai: input.kuai, shi: input.shi, nong: input.nong, xian: input.xian };
    return saveTask(
      tx,
      row,
      { ...row, grade: JSON.stringify(grade) },
      { action: 'task.grade', event: { kind: 'grade', ...gradeText(grade) }, audit: { previousGrade: gradeOf(row) } },
    );
  });
}
