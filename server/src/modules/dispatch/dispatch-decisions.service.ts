import type { z } from 'zod';
import {
  detailMessage,
  DispatchDecisionBody as DecisionSchema,
  DispatchMakeTaskBody as MakeTaskSchema,
  type DispatchDecisionBody,
  type DispatchMakeTaskBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { departmentsBasics, peopleBasics, postsHeldBy } from '../org/index.ts';
import { measureById } from '../plan/index.ts';
import { createTask, taskRowsByIds, type TaskRow } from '../tasks/index.ts';
import { dispatchRepo, type DecisionRow, type SheetRow } from './dispatch.repo.ts';
import { sheetToChange, touchSheet } from './dispatch.service.ts';

/*
 * 议定事项: what the meeting decided — who (a department, optionally one of its people) does what by
 * when, about one of the sheet's items or not — and, in one click, the supervised task it becomes:
 * created through the tasks module's front door in the same transaction, its statement saying which
 * meeting decided it, and linked back so the sheet shows the task's status.
 */

type FieldError = { path: string; message: string };
type DecisionInput = z.output<typeof DecisionSchema>;

/** Every wrong field of a decision at once (the owner, the date, the item, the measure). */
async function decisionProblems(tx: TxCtx, sheet: SheetRow, body: DecisionInput): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const say = (path: string, code: Parameters<typeof detailMessage>[0], params: Record<string, string | number> = {}) =>
    fields.push({ path, message: detailMessage(code, tx.lang, params) });
  if (body.dueDate < sheet.meetingDate!) say('body.dueDate', 'dispatch_due_before_meeting', { date: sheet.meetingDate! });
  const departments = await departmentsBasics(tx.db, [body.ownerDepartmentId, sheet.departmentId]);
  const owner = departments.get(body.ownerDepartmentId);
  const organiser = departments.get(sheet.departmentId)!;
  if (!owner || owner.archived) say('body.ownerDepartmentId', 'unknown_ref');
  else if (!owner.path.startsWith(organiser.path))
    say('body.ownerDepartmentId', 'dispatch_owner_outside_sheet', { department: organiser.name });
  if (body.ownerPersonId) {
    const person = (await peopleBasics(tx.db, [body.ownerPersonId])).get(body.ownerPersonId);
    if (!person || person.status === 'left') say('body.ownerPersonId', 'unknown_ref');
    else if (owner && person.departmentId !== owner.id)
      say('body.ownerPersonId', 'dispatch_owner_not_in_department', { department: owner.name });
  }
  if (body.itemId && !(await dispatchRepo.itemsOf(tx.db, sheet.id)).some((i) => i.id === body.itemId))
    say('body.itemId', 'dispatch_item_not_on_sheet');
  if (body.measureId && (await measureById(tx.db, body.measureId))?.planId !== sheet.planId) say('body.measureId', 'unknown_ref');
  return fields;
}

/** The measure a decision's task goes under when none is chosen: that of the task its item is about. */
async function measureOfItem(tx: TxCtx, sheetId: string, itemId: string | null | undefined): Promise<string | null> {
  const item = itemId ? (await dispatchRepo.itemsOf(tx.db, sheetId)).find((i) => i.id === itemId) : undefined;
  if (!item?.taskId) return null;
  return (await taskRowsByIds(tx.db, [item.taskId]))[0]?.measureId ?? null;
}

/** 新增议定事项 on a held sheet: an owner and a due date not before the meeting, or 400 naming what is wrong. */
export async function addDecision(ctx: Ctx, id: string, input: DispatchDecisionBody): Promise<SheetRow> {
  const body = DecisionSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await sheetToChange(tx, id, body.version, 'held');
    const problems = await decisionProblems(tx, before, body);
    if (problems.length) throw invalid(problems);
    const existing = await dispatchRepo.decisionsOf(tx.db, id);
    const owner = body.ownerPersonId ? (await peopleBasics(tx.db, [body.ownerPersonId])).get(body.ownerPersonId) : undefined;
    const row: DecisionRow = {
      id: newId(),
      sheetId: id,
      sort: existing.reduce((n, d) => Math.max(n, d.sort + 1), 0),
      itemId: body.itemId ?? null,
      text: body.text,
      ownerDepartmentId: body.ownerDepartmentId,
      ownerPersonId: owner?.id ?? null,
      ownerName: owner?.name ?? null,
      dueDate: body.dueDate,
      measureId: body.measureId ?? (await measureOfItem(tx, id, body.itemId)),
      taskId: null,
      taskMadeAt: null,
      createdAt: iso(tx.clock.now()),
    };
    await dispatchRepo.insertDecision(tx.db, row);
    const after = await touchSheet(tx, before);
    await recordAudit(tx, {
      action: 'dispatch_decision.create',
      entityType: 'dispatch_sheet',
      entityId: id,
      after: { ...row, version: after.version },
    });
    return after;
  });
}

/** A decision of the sheet, or 404. */
async function decisionOf(tx: TxCtx, sheetId: string, decisionId: string) {
  const all = await dispatchRepo.decisionsOf(tx.db, sheetId);
  const index = all.findIndex((d) => d.id === decisionId);
  if (index < 0) throw notFound();
  return { row: all[index]!, number: index + 1 };
}

async function refuseIfTracked(tx: TxCtx, d: { row: DecisionRow; number: number }) {
  if (!d.row.taskId) return;
  const task = (await taskRowsByIds(tx.db, [d.row.taskId]))[0];
  throw new DomainError('dispatch_decision_has_task', 409, { number: d.number, code: task?.code ?? '' });
}

/** 删除议定事项 typed in error; one already made a task stays (409). */
export async function removeDecision(ctx: Ctx, id: string, decisionId: string, version: number): Promise<SheetRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await sheetToChange(tx, id, version, 'held');
    const decision = await decisionOf(tx, id, decisionId);
    await refuseIfTracked(tx, decision);
    await dispatchRepo.deleteDecision(tx.db, decisionId);
    const after = await touchSheet(tx, before);
    await recordAudit(tx, {
      action: 'dispatch_decision.remove',
      entityType: 'dispatch_sheet',
      entityId: id,
      before: decision.row,
      after: { version: after.version },
    });
    return after;
  });
}

/** The owner's post in the owner department (A or B holder), which the task's responsible post becomes. */
async function postOf(tx: TxCtx, d: DecisionRow): Promise<string | null> {
  if (!d.ownerPersonId) return null;
  const held = await postsHeldBy(tx.db, [d.ownerPersonId]);
  return held.find((p) => p.departmentId === d.ownerDepartmentId && !p.archived)?.id ?? null;
}

/** The leader in charge of the decision's item becomes the task's 分管领导, while still in post. */
async function leaderOf(tx: TxCtx, d: DecisionRow): Promise<string | null> {
  const item = d.itemId ? (await dispatchRepo.itemsOf(tx.db, d.sheetId)).find((i) => i.id === d.itemId) : undefined;
  if (!item?.leaderPersonId) return null;
  const leader = (await peopleBasics(tx.db, [item.leaderPersonId])).get(item.leaderPersonId);
  return leader && leader.status !== 'left' ? leader.id : null;
}

/** 任务书: the decision, who carries it, and the meeting it came from (the task shows where it came from). */
function statementOf(sheet: SheetRow, d: { row: DecisionRow; number: number }): string {
  const who = d.row.ownerName ? `\n责任人：${d.row.ownerName}` : '';
  const meeting = `${sheet.meetingDate} ${sheet.meetingTime}，${sheet.meetingPlace}，主持：${sheet.chairName}`;
  return `${d.row.text}${who}\n\n来源：${sheet.title}（${meeting}）议定事项第 ${d.number} 项。`.slice(0, 5000);
}

/**
 * 转为督办任务: the decision becomes a draft task under its measure, led by the owner department (its
 * post when the owner holds one), due when the decision says, starting on the meeting day. The sheet
 * is claimed at its version first, so two clicks make one task; a task the supervision module refuses
 * (a due date outside the plan, no right to create tasks …) leaves nothing behind.
 */
export async function makeDecisionTask(ctx: Ctx, id: string, decisionId: string, input: DispatchMakeTaskBody): Promise<TaskRow> {
  const body = MakeTaskSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const sheet = await sheetToChange(tx, id, body.version, 'held');
    const decision = await decisionOf(tx, id, decisionId);
    await refuseIfTracked(tx, decision);
    const measureId = body.measureId ?? decision.row.measureId;
    if (!measureId) throw invalid([{ path: 'body.measureId', message: detailMessage('dispatch_measure_required', tx.lang) }]);
    if ((await measureById(tx.db, measureId))?.planId !== sheet.planId)
      throw invalid([{ path: 'body.measureId', message: detailMessage('unknown_ref', tx.lang) }]);
    const after = await touchSheet(tx, sheet);
    const task = await createTask(tx, {
      measureId,
      title: `【调度】${decision.row.text.split('\n')[0]!.trim()}`.slice(0, 200),
      statement: statementOf(sheet, decision),
      leadDepartmentId: decision.row.ownerDepartmentId,
      responsiblePostId: await postOf(tx, decision.row),
      leaderPersonId: await leaderOf(tx, decision.row),
      startDate: sheet.meetingDate! < decision.row.dueDate ? sheet.meetingDate! : decision.row.dueDate,
      dueDate: decision.row.dueDate,
    });
    await dispatchRepo.linkTask(tx.db, decisionId, task.id, iso(tx.clock.now()));
    await recordAudit(tx, {
      action: 'dispatch_decision.task',
      entityType: 'dispatch_sheet',
      entityId: id,
      after: { decisionId, number: decision.number, taskId: task.id, taskCode: task.code, measureId, version: after.version },
    });
    return task;
  });
}
