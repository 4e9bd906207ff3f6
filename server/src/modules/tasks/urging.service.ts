import type { TaskStatus, WarningColor } from '@qinlian/contracts';
import { planById } from '../plan/index.ts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { departmentHeadPersonId, postsWithHolders } from '../org/index.ts';
import { tasksRepo, type TaskRow } from './tasks.repo.ts';
import { appendEvent, saveTask } from './task-write.service.ts';
import { thresholdsOf } from '../plan/index.ts';
import { today } from './task-views.service.ts';
import { memoisedAssess } from './warnings.rules.ts';
import { warningText, type EventText } from './task-event-texts.ts';

/**
 * What the scheduled jobs call (the jobs engineer wires them: a daily colour refresh, automatic
 * urging on yellow and red, escalation handler → department head → leader in charge).
 * Each takes a system context (`systemCtx(database, clock)`); none sends anything itself.
 */

export type WarningChange = { taskId: string; code: string; planId: string; from: WarningColor; to: WarningColor };

const BATCH = 500;

/**
 * Recompute the stored colour of every open task (of one plan, or all) for today; rows whose colour
 * changed are saved like any task write (version, counters, a `warning` event, audit) and returned.
 * Safe to run again: a second run the same day changes nothing.
 */
export async function refreshWarnings(ctx: Ctx, planId?: string): Promise<WarningChange[]> {
  const changes: WarningChange[] = [];
  const calendar = await calendarFor(ctx.db);
  const assess = memoisedAssess(calendar);
  const day = today(ctx);
  const thresholds = new Map<string, ReturnType<typeof thresholdsOf>>();
  const colourOf = async (row: TaskRow): Promise<WarningColor> => {
    if (!thresholds.has(row.planId)) thresholds.set(row.planId, thresholdsOf((await planById(ctx.db, row.planId))!));
    return assess({
      today: day,
      startDate: row.startDate,
      dueDate: row.dueDate,
      status: row.status as TaskStatus,
      progress: row.progress,
      thresholds: thresholds.get(row.planId)!,
    }).warning;
  };
  for (let after = ''; ;) {
    const batch = await tasksRepo.batchAfter(ctx.db, after, BATCH, planId);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const stale: string[] = [];
    for (const row of batch) if ((await colourOf(row)) !== row.warning) stale.push(row.id);
    if (stale.length === 0) continue;
    await inTransaction(ctx, async (tx) => {
      for (const row of await tasksRepo.byIds(tx.db, stale)) {
        const to = await colourOf(row);
        if (to === row.warning) continue; // changed meanwhile by a user's write
        await saveTask(tx, row, row, {
          action: 'task.warning',
          event: { kind: 'warning', ...warningText(row.warning as WarningColor, to) },
        });
        changes.push({ taskId: row.id, code: row.code, planId: row.planId, from: row.warning as WarningColor, to });
      }
    });
  }
  return changes;
}

export type AutoUrgeCandidate = {
  taskId: string;
  code: string;
  title: string;
  planId: string;
  leadDepartmentId: string;
  dueDate: string;
  warning: 'yellow' | 'red';
  /** when the task took this colour (ISO instant) */
  warningSince: string | null;
  /** the person acting on the responsible post now (AB岗), null when the post is empty or unset */
  handlerPersonId: string | null;
  leaderPersonId: string | null;
};

/**
 * Yellow and red tasks whose next step is the handling department's (assigned, accepted, in
 * progress) with the person to urge, soonest due first. Refused tasks are back with the office and
 * close-out requests wait for it, so nobody in the department is urged about those.
 */
export async function tasksForAutoUrging(ctx: Ctx): Promise<AutoUrgeCandidate[]> {
  const rows = await tasksRepo.withWarnings(ctx.db, ['assigned', 'accepted', 'in_progress'], ['yellow', 'red']);
  const posts = await postsWithHolders(
    ctx.db,
    rows.map((r) => r.responsiblePostId),
  );
  return rows.map((r) => ({
    taskId: r.id,
    code: r.code,
    title: r.title,
    planId: r.planId,
    leadDepartmentId: r.leadDepartmentId,
    dueDate: r.dueDate,
    warning: r.warning as 'yellow' | 'red',
    warningSince: r.warningSince,
    handlerPersonId: r.responsiblePostId ? (posts.get(r.responsiblePostId)?.actingPersonId ?? null) : null,
    leaderPersonId: r.leaderPersonId,
  }));
}

export type EscalationLevel = 'handler' | 'department_head' | 'leader';
export type EscalationTarget = { level: EscalationLevel; personId: string };

/**
 * The escalation ladder of a task, in order: the handler (acting holder of the responsible post),
 * the head of the lead department (org.directory `departmentHeadPersonId`: a head post's acting
 * holder, else the present person titled 局长/主任/部长/书记…), the leader in charge. Levels
 * nobody fills are left out; the same person is named once, at the lowest level.
 */
export async function escalationTargets(ctx: Ctx, taskId: string): Promise<EscalationTarget[]> {
  const row = await tasksRepo.byId(ctx.db, taskId);
  if (!row) throw notFound();
  const post = row.responsiblePostId ? (await postsWithHolders(ctx.db, [row.responsiblePostId])).get(row.responsiblePostId) : undefined;
  const ladder: [EscalationLevel, string | null][] = [
    ['handler', post?.actingPersonId ?? null],
    ['department_head', await departmentHeadPersonId(ctx.db, row.leadDepartmentId)],
    ['leader', row.leaderPersonId],
  ];
  const seen = new Set<string>();
  const out: EscalationTarget[] = [];
  for (const [level, personId] of ladder) {
    if (!personId || seen.has(personId)) continue;
    seen.add(personId);
    out.push({ level, personId });
  }
  return out;
}

/**
 * Record an automatic urging or an escalation on the task's history and in the audit chain, in
 * the caller's transaction (call it beside `notify` so both commit together). Returns the event id.
 */
export async function recordTaskNotice(ctx: TxCtx, input: { taskId: string; kind: 'urge' | 'escalate' } & EventText): Promise<string> {
  const row = await tasksRepo.byId(ctx.db, input.taskId);
  if (!row) throw notFound();
  const eventId = await appendEvent(ctx, row.id, { kind: input.kind, text: input.text, textEn: input.textEn });
  await recordAudit(ctx, {
    action: `task.${input.kind}`,
    entityType: 'task',
    entityId: row.id,
    after: { text: input.text, textEn: input.textEn, eventId, automatic: true },
  });
  return eventId;
}
