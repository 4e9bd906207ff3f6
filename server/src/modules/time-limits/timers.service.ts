import type { TimeLimitKind, Timer } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { iso } from '../../platform/clock.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { rulesRepo, timersRepo } from './time-limits.repo.ts';
import { finishedOnTime, timerView } from './timer.rules.ts';

/*
 * The timers of 限时办结: the module that owns an item starts, moves and stops its timer inside
 * its own transaction, next to its own audited write. A timer is bookkeeping of that write (like
 * the tasks' counters): the item's audit record already says what changed and when, so the timer
 * writes no audit event of its own — a plan import of 20,000 tasks would otherwise double the chain.
 */

const todayOf = (tx: TxCtx) => shanghaiDate(tx.clock.now());

/** The limit of a kind in working days (the rule table; the migration seeds every kind). */
export async function limitOf(db: Executor, kind: TimeLimitKind): Promise<number> {
  const rule = await rulesRepo.byKind(db, kind);
  if (!rule) throw new Error(`no time limit rule for ${kind}`);
  return rule.workingDays;
}

export type TimerStart = {
  kind: TimeLimitKind;
  subjectId: string;
  departmentId: string;
  ownerPersonId: string | null;
  /** the item's own deadline; absent: the rule's working days after today */
  dueOn?: string;
};

/**
 * Starts an item's timer today (Asia/Shanghai), due on `dueOn` or the rule's limit in working days
 * after today. Once per item: starting it again changes nothing and answers the date it has.
 */
export async function startTimer(tx: TxCtx, t: TimerStart): Promise<{ dueOn: string }> {
  const existing = await timersRepo.byKey(tx.db, t.kind, t.subjectId);
  if (existing) return { dueOn: existing.dueOn };
  const today = todayOf(tx);
  const dueOn = t.dueOn ?? (await calendarFor(tx.db)).addWorkingDays(today, await limitOf(tx.db, t.kind));
  await timersRepo.insert(tx.db, {
    kind: t.kind,
    subjectId: t.subjectId,
    departmentId: t.departmentId,
    ownerPersonId: t.ownerPersonId,
    startedOn: today,
    dueOn,
    doneAt: null,
    doneOn: null,
    onTime: null,
  });
  return { dueOn };
}

/** The item changed hands (another department or owner): its open timer goes with it; a finished one stays where it was finished. */
export async function moveTimer(
  tx: TxCtx,
  kind: TimeLimitKind,
  subjectId: string,
  to: { departmentId: string; ownerPersonId: string | null },
): Promise<void> {
  await timersRepo.update(tx.db, kind, subjectId, { departmentId: to.departmentId, ownerPersonId: to.ownerPersonId }, { open: true });
}

/** A new deadline for an open item (延期 granted, the date corrected). */
export async function moveTimerDue(tx: TxCtx, kind: TimeLimitKind, subjectId: string, dueOn: string): Promise<void> {
  await timersRepo.update(tx.db, kind, subjectId, { dueOn }, { open: true });
}

/**
 * The item is done now: on time when today is not after its due date. The first finish counts — a
 * second stop changes nothing; an item without a timer (made before it had one) is left alone.
 */
export async function stopTimer(tx: TxCtx, kind: TimeLimitKind, subjectId: string): Promise<void> {
  const timer = await timersRepo.byKey(tx.db, kind, subjectId);
  if (!timer || timer.doneAt !== null) return;
  const doneOn = todayOf(tx);
  await timersRepo.update(tx.db, kind, subjectId, {
    doneAt: iso(tx.clock.now()),
    doneOn,
    onTime: finishedOnTime(doneOn, timer.dueOn) ? 1 : 0,
  });
}

/**
 * The item no longer stands (an upheld appeal withdrew the bad review behind it): its timer goes, so
 * the on-time figures count it neither done nor overdue. The owning module's audit keeps the why.
 */
export async function cancelTimer(tx: TxCtx, kind: TimeLimitKind, subjectId: string): Promise<void> {
  await timersRepo.remove(tx.db, kind, subjectId);
}

/** The item was reopened: its timer runs again towards the same due date, and counts as open. */
export async function resumeTimer(tx: TxCtx, kind: TimeLimitKind, subjectId: string): Promise<void> {
  await timersRepo.update(tx.db, kind, subjectId, { doneAt: null, doneOn: null, onTime: null });
}

/**
 * The timers of these items, by subject id (items without one are absent). `today` (Asia/Shanghai)
 * is what days left and overdue are counted from: pass `shanghaiDate(ctx.clock.now())` so the answer
 * follows the request's clock; it defaults to the machine's today.
 */
export async function timersOf(
  db: Executor,
  kind: TimeLimitKind,
  subjectIds: string[],
  today: string = shanghaiDate(new Date()),
): Promise<Map<string, Timer>> {
  const rows = await timersRepo.ofSubjects(db, kind, [...new Set(subjectIds)]);
  if (rows.length === 0) return new Map();
  const cal = await calendarFor(db);
  return new Map(rows.map((r) => [r.subjectId, timerView(cal, r, today)]));
}
