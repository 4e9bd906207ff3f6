import type { z } from 'zod';
import { detailMessage, DispatchSheetEditBody as EditSchema, DispatchSheetQuery, type DispatchSheetEditBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, invalid, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { departmentsBasics, peopleBasics } from '../org/index.ts';
import { loadSheet } from './dispatch-drafting.service.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { dispatchRepo, type ItemRow, type SheetRow, type SheetVisibility } from './dispatch.repo.ts';

/** Sheets the actor may see (their departments', or all), newest week first. */
export async function listSheets(ctx: Ctx, q: z.output<typeof DispatchSheetQuery>) {
  const a = ctx.actor!;
  const v: SheetVisibility = a.scope.all ? { all: true } : { all: false, departmentIds: [...a.scope.departmentIds] };
  return dispatchRepo.page(ctx.db, v, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/**
 * The sheet to change: 404 out of sight, 403 without dispatch.manage over it, 409 once closed
 * (归档后不可再改), before the meeting for a step that `needs` it held, or when someone saved it meanwhile.
 */
export async function sheetToChange(tx: TxCtx, id: string, version: number, needs: 'open' | 'held' = 'open'): Promise<SheetRow> {
  const row = await loadSheet(tx, id);
  dispatchPolicy.assert(tx.actor!, 'manage', row);
  if (row.status === 'closed') throw new DomainError('dispatch_sheet_closed', 409);
  if (needs === 'held' && row.status !== 'held') throw new DomainError('dispatch_sheet_not_held', 409);
  if (row.version !== version) throw versionConflict();
  return row;
}

/** Move the sheet's version on with its other changes; the caller has checked the version. */
export async function touchSheet(tx: TxCtx, row: SheetRow, patch: Partial<SheetRow> = {}): Promise<SheetRow> {
  const next = { ...patch, updatedAt: iso(tx.clock.now()) };
  if (!(await dispatchRepo.updateSheet(tx.db, row.id, row.version, next))) throw versionConflict();
  return { ...row, ...next, version: row.version + 1 };
}

const unknownRef = (tx: TxCtx, path: string) => invalid([{ path, message: detailMessage('unknown_ref', tx.lang) }]);

/** The items as saved: each kept item keeps where it came from; a new one is the office's own (manual). */
async function itemsAsSaved(tx: TxCtx, sheetId: string, body: z.output<typeof EditSchema>): Promise<ItemRow[]> {
  const existing = new Map((await dispatchRepo.itemsOf(tx.db, sheetId)).map((r) => [r.id, r]));
  const [people, departments] = await Promise.all([
    peopleBasics(
      tx.db,
      body.items.map((i) => i.leaderPersonId),
    ),
    departmentsBasics(
      tx.db,
      body.items.map((i) => i.departmentId),
    ),
  ]);
  const seen = new Set<string>();
  return body.items.map((input, sort) => {
    const path = `body.items.${sort}`;
    const before = input.id ? existing.get(input.id) : undefined;
    if (input.id && (!before || seen.has(input.id)))
      throw invalid([{ path: `${path}.id`, message: detailMessage('dispatch_item_not_on_sheet', tx.lang) }]);
    if (input.id) seen.add(input.id);
    const leader = input.leaderPersonId ? people.get(input.leaderPersonId) : undefined;
    if (input.leaderPersonId && !leader) throw unknownRef(tx, `${path}.leaderPersonId`);
    const departmentId = input.departmentId === undefined ? (before?.departmentId ?? null) : input.departmentId;
    if (input.departmentId && !departments.has(input.departmentId)) throw unknownRef(tx, `${path}.departmentId`);
    return {
      id: before?.id ?? newId(),
      sheetId,
      sort,
      source: before?.source ?? 'manual',
      sourceId: before?.sourceId ?? null,
      taskId: before?.taskId ?? null,
      title: input.title,
      detail: input.detail,
      warning: before?.warning ?? null,
      progress: before?.progress ?? null,
      dueDate: before?.dueDate ?? null,
      departmentId,
      leaderPersonId: input.leaderPersonId,
      // a leader who has left since keeps the name the sheet was drafted with
      leaderName: leader?.name ?? (before?.leaderPersonId === input.leaderPersonId ? (before?.leaderName ?? null) : null),
      note: input.note,
    };
  });
}

/**
 * 编辑调度单: the title, notes and items in their new order — removed ones left out, new ones added by
 * hand, a note on any, an item moved to another leader in charge. Decisions about a removed item keep
 * their text and lose the link. Allowed until the sheet is closed.
 */
export async function editSheet(ctx: Ctx, id: string, input: DispatchSheetEditBody): Promise<SheetRow> {
  const body = EditSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await sheetToChange(tx, id, body.version);
    const items = await itemsAsSaved(tx, id, body);
    await dispatchRepo.replaceItems(tx.db, id, items);
    await dispatchRepo.detachDecisions(
      tx.db,
      id,
      items.map((i) => i.id),
    );
    const after = await touchSheet(tx, before, { title: body.title, notes: body.notes });
    await recordAudit(tx, {
      action: 'dispatch_sheet.edit',
      entityType: 'dispatch_sheet',
      entityId: id,
      before: { title: before.title, notes: before.notes, version: before.version },
      after: {
        title: after.title,
        notes: after.notes,
        version: after.version,
        items: items.map((i) => ({ id: i.id, source: i.source, title: i.title, leaderPersonId: i.leaderPersonId, note: i.note })),
      },
    });
    return after;
  });
}
