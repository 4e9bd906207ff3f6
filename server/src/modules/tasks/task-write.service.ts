import type { TaskEvent, TaskStatus } from '@qinlian/contracts';
import { planById } from '../plan/index.ts';
import type { TxCtx } from '../../platform/context.ts';
import { beginAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { versionConflict } from '../../platform/errors.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { tasksRepo, type TaskRow } from './tasks.repo.ts';
import { taskCountersRepo } from './task-counters.repo.ts';
import { taskEventsRepo, type TaskEventRow } from './task-events.repo.ts';
import { taskSearchRepo } from './task-search.repo.ts';
import { assess } from './warnings.rules.ts';
import { thresholdsOf } from '../plan/index.ts';
import { today } from './task-views.service.ts';
import { isOpen } from './task-lifecycle.ts';
import { keepTaskTimer } from './task-timer.ts';

export type EventInput = {
  kind: TaskEvent['kind'];
  text?: string;
  /** the English of a text the system wrote (task-event-texts.ts); none for what people typed */
  textEn?: string | null;
  percent?: number | null;
  fileIds?: string[];
  fromStatus?: string | null;
  toStatus?: string | null;
};

/** Append one event to a task's history (and its file references) inside the caller's transaction. */
export async function appendEvent(tx: TxCtx, taskId: string, e: EventInput): Promise<string> {
  return (await appendEventRow(tx, taskId, e)).id;
}

/** The same, answering with the event as written (for the routes that show it). */
export async function appendEventRow(tx: TxCtx, taskId: string, e: EventInput): Promise<TaskEventRow> {
  const row: TaskEventRow = {
    id: newId(),
    taskId,
    kind: e.kind,
    actorUserId: tx.actor && tx.actor.via !== 'system' ? tx.actor.userId : null,
    actorName: tx.actor?.name ?? '系统',
    at: iso(tx.clock.now()),
    text: e.text ?? '',
    textEn: e.textEn ?? null,
    percent: e.percent ?? null,
    fileIds: JSON.stringify(e.fileIds ?? []),
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
  };
  await taskEventsRepo.insert(tx.db, row);
  return row;
}

/** The stored colour of a task as of today, and since when it has had it. */
export async function colourFor(tx: TxCtx, row: TaskRow, previous: Pick<TaskRow, 'warning' | 'warningSince'> | null) {
  const plan = await planById(tx.db, row.planId);
  const { warning } = assess(await calendarFor(tx.db), {
    today: today(tx),
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status as TaskStatus,
    progress: row.progress,
    thresholds: thresholdsOf(plan!),
  });
  const warningSince = previous && previous.warning === warning ? previous.warningSince : warning === 'none' ? null : iso(tx.clock.now());
  return { warning, warningSince };
}

/**
 * Every task write goes through here, in the caller's transaction: the row (optimistic version),
 * its colour recomputed, the counters moved, the search index entry and the time-limits timer kept
 * in step, the event appended and the audit record chained.
 *
 * The audit record comes first on purpose: appending takes the chain head's row lock, so on
 * PostgreSQL every transaction that writes tasks holds that one lock before it touches any task
 * or counter row — transactions that save several tasks (the nightly colour refresh, an import)
 * and single transitions then queue instead of deadlocking on each other's counter rows.
 */
export async function saveTask(
  tx: TxCtx,
  before: TaskRow | null,
  next: TaskRow,
  opts: { action: string; event?: EventInput; audit?: Record<string, unknown> },
): Promise<TaskRow> {
  const now = iso(tx.clock.now());
  const colour = await colourFor(tx, next, before);
  const after: TaskRow = {
    ...next,
    ...colour,
    isOpen: isOpen(next.status as TaskStatus) ? 1 : 0,
    updatedAt: now,
    version: before ? before.version + 1 : 1,
  };
  const audit = await beginAudit(tx, {
    action: opts.action,
    entityType: 'task',
    entityId: after.id,
    before: before ?? undefined,
    after: { ...after, ...opts.audit },
  });
  if (before) {
    const { id: _id, version: _v, ...patch } = after;
    if (!(await tasksRepo.update(tx.db, before.id, before.version, patch))) throw versionConflict();
  } else {
    await tasksRepo.insert(tx.db, after);
  }
  await audit.write(); // the event reserved above, sealing the task row as written (verify --records)
  await taskCountersRepo.apply(tx.db, before, after);
  await taskSearchRepo.apply(tx.db, before, after);
  await keepTaskTimer(tx, before, after); // 限时办结
  if (opts.event) await appendEvent(tx, after.id, opts.event);
  return after;
}
