import type { z } from 'zod';
import {
  detailMessage,
  InstructionCreateBody as CreateSchema,
  type InstructionCreateBody,
  InstructionFeedbackBody,
  type InstructionQuery,
} from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, forbidden, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { usableDepartment } from '../org/index.ts';
import { instructOnTask, noteOnTask, shanghaiToday, taskForInstruction, visibleTask } from '../tasks/index.ts';
import { instructionsRepo, type InstructionFilter, type InstructionRow, type InstructionVisibility } from './instructions.repo.ts';
import { instructionPolicy } from './instructions.policy.ts';
import { tellLeaderOfFeedback, tellUnitOfInstruction } from './instruction-notices.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

const STATE_LABELS: Record<string, { zh: string; en: string }> = {
  noted: { zh: '未要求反馈', en: 'asks for no feedback' },
  awaiting: { zh: '等待反馈', en: 'is awaiting feedback' },
  answered: { zh: '已反馈', en: 'has been answered' },
};

/**
 * 领导批示: on a task (to its lead department, recorded on the task's history and told to its
 * handling side and head) or to a unit (told to its head, else its handlers), asking — or not — for
 * 落实反馈 by a date, which cannot be before today.
 */
export async function giveInstruction(ctx: Ctx, input: InstructionCreateBody): Promise<InstructionRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    if (!actor.permissions.has('tasks.instruct')) throw forbidden();
    const today = shanghaiToday(tx);
    const due = body.feedbackDueDate ?? null;
    if (due && due < today)
      throw invalid([{ path: 'body.feedbackDueDate', message: detailMessage('feedback_due_in_past', tx.lang, { today }) }]);
    const task = body.taskId ? await taskForInstruction(tx, body.taskId) : null;
    const departmentId = task ? task.leadDepartmentId : (await usableDepartment(tx, body.departmentId!, 'body.departmentId')).id;
    const event = task ? await instructOnTask(tx, task.id, body.text, due) : null;
    const row: InstructionRow = {
      id: event?.id ?? newId(), // on a task, the instruction and its history event share an id
      taskId: task?.id ?? null,
      departmentId,
      text: body.text,
      state: due ? 'awaiting' : 'noted',
      feedbackDueDate: due,
      leaderUserId: actor.via === 'system' ? null : actor.userId,
      leaderPersonId: actor.personId,
      leaderName: actor.name,
      taskEventId: event?.id ?? null,
      feedbackText: null,
      feedbackEvidenceRef: null,
      feedbackByUserId: null,
      feedbackByName: null,
      feedbackAt: null,
      version: 1,
      createdAt: iso(tx.clock.now()),
    };
    await instructionsRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'instruction.create', entityType: 'instruction', entityId: row.id, after: row });
    if (!task) await tellUnitOfInstruction(tx, row);
    return row;
  });
}

/** An instruction the actor may see; 404 otherwise. */
export async function getInstruction(ctx: Ctx, id: string): Promise<InstructionRow> {
  const row = await instructionsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  instructionPolicy.assertVisible(actorOf(ctx), row);
  return row;
}

/**
 * 落实反馈: the addressed unit says what it did and where the proof is; once. An instruction that
 * asked for none, or was answered already, is a 409 saying which; the leader is told.
 */
export async function giveFeedback(ctx: Ctx, id: string, body: z.output<typeof InstructionFeedbackBody>) {
  return inTransaction(ctx, async (tx) => {
    const before = await instructionsRepo.byId(tx.db, id);
    if (!before) throw notFound();
    const actor = actorOf(tx);
    instructionPolicy.assert(actor, 'feedback', before);
    if (before.state !== 'awaiting') {
      const label = STATE_LABELS[before.state] ?? { zh: before.state, en: before.state };
      throw new DomainError('instruction_not_awaiting', 409, { state: label.zh, stateEn: label.en });
    }
    if (body.version !== before.version) throw versionConflict();
    const patch: Partial<InstructionRow> = {
      state: 'answered',
      feedbackText: body.text,
      feedbackEvidenceRef: body.evidenceRef ?? null,
      feedbackByUserId: actor.via === 'system' ? null : actor.userId,
      feedbackByName: actor.name,
      feedbackAt: iso(tx.clock.now()),
    };
    if (!(await instructionsRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    const after: InstructionRow = { ...before, ...patch, version: before.version + 1 };
    await recordAudit(tx, { action: 'instruction.feedback', entityType: 'instruction', entityId: id, before, after });
    await tellLeaderOfFeedback(tx, after);
    return after;
  });
}

const visibilityOf = (ctx: Ctx): InstructionVisibility => {
  const a = actorOf(ctx);
  return a.scope.all ? { all: true } : { all: false, departmentIds: [...a.scope.departmentIds], userId: a.userId };
};

/** 批示 the actor may see: addressed to my units (`to=mine`), given by me (`given`) or all; by state; of one task. */
export async function listInstructions(ctx: Ctx, q: z.output<typeof InstructionQuery>) {
  const a = actorOf(ctx);
  const f: InstructionFilter = { departmentId: q.departmentId };
  if (q.to === 'mine') f.departmentIds = a.scope.all ? null : [...a.scope.departmentIds];
  if (q.to === 'given') f.leaderUserId = a.userId;
  if (q.state === 'overdue') f.overdueBefore = shanghaiToday(ctx);
  else if (q.state) f.state = q.state;
  if (q.taskId) f.taskId = (await visibleTask(ctx, q.taskId)).id; // a task out of sight: 404, not an empty list
  return instructionsRepo.page(ctx.db, visibilityOf(ctx), f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** 一周一调度: instructions awaiting their 落实反馈 from these departments (null: any), soonest due first, and how many in all. */
export async function awaitingInstructions(db: Executor, departmentIds: string[] | null, today: string, limit: number) {
  const { count, items } = await instructionsRepo.awaiting(db, { departmentIds }, today, limit);
  return { rows: items, total: count };
}

/** What the demo seed replays: an instruction given in the past, and perhaps its answer. */
export type PastInstruction = {
  taskId?: string;
  departmentId?: string;
  text: string;
  feedbackDueDate: string | null;
  leader: { userId: string | null; personId: string | null; name: string };
  feedback?: { text: string; evidenceRef: string | null; byName: string; at: Date };
};

/**
 * An instruction as history rather than news (the demo seed, like tasks' `takeStep`): recorded with
 * its task event and audit record at the caller's clock, nobody told.
 */
export async function recordPastInstruction(ctx: Ctx, input: PastInstruction): Promise<InstructionRow> {
  return inTransaction(ctx, async (tx) => {
    const task = input.taskId ? await visibleTask(tx, input.taskId) : null;
    const event = task ? await noteOnTask(tx, task.id, 'instruct', input.text) : null;
    const answered = input.feedback;
    const row: InstructionRow = {
      id: event?.id ?? newId(),
      taskId: task?.id ?? null,
      departmentId: task?.leadDepartmentId ?? input.departmentId!,
      text: input.text,
      state: answered ? 'answered' : input.feedbackDueDate ? 'awaiting' : 'noted',
      feedbackDueDate: input.feedbackDueDate,
      leaderUserId: input.leader.userId,
      leaderPersonId: input.leader.personId,
      leaderName: input.leader.name,
      taskEventId: event?.id ?? null,
      feedbackText: answered?.text ?? null,
      feedbackEvidenceRef: answered?.evidenceRef ?? null,
      feedbackByUserId: null,
      feedbackByName: answered?.byName ?? null,
      feedbackAt: answered ? iso(answered.at) : null,
      version: answered ? 2 : 1,
      createdAt: iso(tx.clock.now()),
    };
    await instructionsRepo.insert(tx.db, row);
    await recordAudit(tx, { action: 'instruction.create', entityType: 'instruction', entityId: row.id, after: row });
    return row;
  });
}
