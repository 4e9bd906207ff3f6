import type { RectificationSource, TimeLimitKind } from '@qinlian/contracts';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { newId } from '../../platform/ids.ts';
import { notFound, versionConflict } from '../../platform/errors.ts';
import { departmentHeadPersonId, departmentsBasics } from '../org/index.ts';
import { cancelTimer, startTimer } from '../time-limits/index.ts';
import { rectificationRepo, type RectificationRow } from './rectification.repo.ts';
import { fitText, rectificationCode } from './rectification.rules.ts';
import { addEvent } from './rectification-events.ts';
import { tellOfNewItem, tellOfWithdrawal } from './rectification-notices.ts';

/**
 * The front door other modules use (好差评 now; inspections and spot checks later): open an item for
 * a finding, withdraw it when an appeal is upheld, and read the items of a set of findings.
 */

export type OpenRectificationInput = {
  source: RectificationSource;
  sourceId: string;
  departmentId: string;
  /** whom it concerns; may be null */
  personId: string | null;
  title: string;
  detail: string;
  limitKind: TimeLimitKind;
};

/**
 * Opens an item for a finding, in the caller's transaction: owned by the department head (org's
 * `departmentHeadPersonId`; nobody when the department has none), numbered ZG-<year>-NNNN, its
 * time-limits timer started under `limitKind`, the owner (else the department's stand-ins) told.
 * Once per (source, sourceId): asking again answers the item already there. The caller may be the
 * public (no actor): the history and audit then name the system.
 */
export async function openRectification(tx: TxCtx, input: OpenRectificationInput): Promise<{ id: string; code: string; dueOn: string }> {
  const row = await openItem(tx, input);
  return { id: row.id, code: row.code, dueOn: row.dueOn };
}

/**
 * openRectification, and the office's own openings: those may set the deadline (`dueOn`, checked by
 * the caller) and the item's id (a hand-made item is its own finding: source id = id).
 */
export async function openItem(tx: TxCtx, input: OpenRectificationInput & { dueOn?: string; id?: string }): Promise<RectificationRow> {
  const existing = await rectificationRepo.bySource(tx.db, input.source, input.sourceId);
  if (existing) return existing;
  const dept = (await departmentsBasics(tx.db, [input.departmentId])).get(input.departmentId);
  if (!dept) throw notFound();
  const id = input.id ?? newId();
  const now = tx.clock.now();
  const ownerPersonId = await departmentHeadPersonId(tx.db, dept.id);
  const year = Number(shanghaiDate(now).slice(0, 4));
  const code = rectificationCode(year, await rectificationRepo.takeNumber(tx.db, year));
  const { dueOn } = await startTimer(tx, {
    kind: input.limitKind,
    subjectId: id,
    departmentId: dept.id,
    ownerPersonId,
    ...(input.dueOn ? { dueOn: input.dueOn } : {}),
  });
  const row: RectificationRow = {
    id,
    code,
    source: input.source,
    sourceId: input.sourceId,
    limitKind: input.limitKind,
    departmentId: dept.id,
    personId: input.personId,
    ownerPersonId,
    ...fitText(input.title, input.detail, input.source),
    status: 'open',
    resolution: null,
    resolutionNote: null,
    attachmentRef: null,
    revisited: 0,
    dueOn,
    submittedAt: null,
    closedAt: null,
    createdAt: iso(now),
    version: 1,
  };
  await rectificationRepo.insert(tx.db, row);
  await addEvent(tx, id, 'open', { ownerPersonId });
  await recordAudit(tx, { action: 'rectification.open', entityType: 'rectification', entityId: id, after: row });
  await tellOfNewItem(tx, { ...row, headPersonId: ownerPersonId });
  return row;
}

/**
 * An upheld appeal (申诉成立) cancels the item of that finding, in the caller's transaction,
 * whatever step it had reached: the finding no longer stands. Its timer goes (the figures count it nowhere);
 * the owner is told. Nothing happens when the finding has no item or it was withdrawn already.
 */
export async function withdrawRectification(tx: TxCtx, source: RectificationSource, sourceId: string, reason: string): Promise<void> {
  const before = await rectificationRepo.bySource(tx.db, source, sourceId);
  if (!before || before.status === 'withdrawn') return;
  const note = reason.trim().slice(0, 2000);
  const patch: Partial<RectificationRow> = { status: 'withdrawn', closedAt: iso(tx.clock.now()) };
  if (!(await rectificationRepo.update(tx.db, before.id, before.version, patch))) throw versionConflict();
  const after: RectificationRow = { ...before, ...patch, version: before.version + 1 };
  await cancelTimer(tx, before.limitKind as TimeLimitKind, before.id); // withdrawn: counted neither on time nor late
  await addEvent(tx, before.id, 'withdraw', { note });
  await recordAudit(tx, { action: 'rectification.withdraw', entityType: 'rectification', entityId: before.id, before, after });
  const headPersonId = await departmentHeadPersonId(tx.db, after.departmentId);
  await tellOfWithdrawal(tx, { ...after, headPersonId }, note);
}

/** The items of these findings, by finding id: what the source's pages show beside each. */
export async function rectificationsBySource(
  db: Executor,
  source: RectificationSource,
  sourceIds: string[],
): Promise<Map<string, { id: string; code: string; status: string; dueOn: string }>> {
  const rows = await rectificationRepo.bySources(db, source, [...new Set(sourceIds)]);
  return new Map(rows.map((r) => [r.sourceId, { id: r.id, code: r.code, status: r.status, dueOn: r.dueOn }]));
}
