import { DispatchDraftBody as DraftSchema, isoWeekOf, isoWeekSpan, type DispatchDraftBody } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { departmentsBasics, departmentSubtreeIds, peopleBasics, rootDepartmentBasics, type DepartmentBasics } from '../org/index.ts';
import { listPlans, planById, type PlanRow } from '../plan/index.ts';
import { refreshWarnings } from '../tasks/index.ts';
import { collectDraftItems, type DraftItem } from './dispatch-sources.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import { dispatchRepo, type ItemRow, type SheetRow } from './dispatch.repo.ts';

/*
 * 起草调度单: a week's sheet of a plan and an organising department, drafted from its sources (red and
 * yellow tasks, stalled projects, open instructions) and grouped by the leader in charge (分管领导).
 * One sheet per plan, department and ISO week: the weekly job skips a week already drafted, the
 * office asking twice is told it exists (409), and the unique index settles a race between them.
 */

/** Each source gives at most this many items to one sheet — a meeting discusses the most pressing. */
export const ITEMS_PER_SOURCE = 200;

/** 2026年第11周工作调度单, after the organising department's name. */
export const sheetTitle = (department: string, week: string) =>
  `${department}${week.slice(0, 4)}年第${Number(week.slice(6))}周工作调度单`.slice(0, 200);

/**
 * The items in their places: leaders in charge by name (in Chinese collation), the items without one
 * last; within a leader, red tasks, yellow tasks, projects, then instructions, each kind by its key.
 */
async function placeItems(tx: TxCtx, sheetId: string, items: DraftItem[]): Promise<ItemRow[]> {
  const names = await peopleBasics(
    tx.db,
    items.map((i) => i.leaderPersonId),
  );
  const nameOf = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
  const collator = new Intl.Collator('zh-CN');
  const byLeader = (a: DraftItem, b: DraftItem) => {
    const [x, y] = [nameOf(a.leaderPersonId), nameOf(b.leaderPersonId)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return collator.compare(x, y) || (a.leaderPersonId ?? '').localeCompare(b.leaderPersonId ?? '');
  };
  const ordered = [...items].sort((a, b) => byLeader(a, b) || a.rank - b.rank || a.key.localeCompare(b.key));
  return ordered.map(({ rank: _rank, key: _key, ...item }, sort) => ({
    ...item,
    id: newId(),
    sheetId,
    sort,
    leaderName: nameOf(item.leaderPersonId),
    note: '',
  }));
}

/** Write a new draft of the week, with its items, and its audit record, in the caller's transaction. */
async function insertDraft(tx: TxCtx, plan: PlanRow, department: DepartmentBasics, week: string): Promise<SheetRow> {
  const now = iso(tx.clock.now());
  // the root's sheet covers the whole area: no department list to match
  const departmentIds = department.parentId === null ? null : await departmentSubtreeIds(tx.db, [department.id]);
  const scope = { planId: plan.id, departmentIds, today: shanghaiDate(tx.clock.now()), limit: ITEMS_PER_SOURCE };
  const { items, omitted } = await collectDraftItems(tx, scope);
  const sheet: SheetRow = {
    id: newId(),
    planId: plan.id,
    departmentId: department.id,
    week,
    weekStart: isoWeekSpan(week).start,
    title: sheetTitle(department.name, week),
    notes: '',
    status: 'draft',
    omittedItems: omitted,
    meetingDate: null,
    meetingTime: null,
    meetingPlace: null,
    chairPersonId: null,
    chairName: null,
    minutes: null,
    draftedByName: tx.actor?.name ?? '系统',
    draftedAt: now,
    heldAt: null,
    closedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await dispatchRepo.insertSheet(tx.db, sheet);
  const rows = await placeItems(tx, sheet.id, items);
  await dispatchRepo.replaceItems(tx.db, sheet.id, rows);
  await recordAudit(tx, {
    action: 'dispatch_sheet.draft',
    entityType: 'dispatch_sheet',
    entityId: sheet.id,
    after: { ...sheet, items: rows.map((r) => ({ source: r.source, sourceId: r.sourceId, leaderPersonId: r.leaderPersonId })) },
  });
  return sheet;
}

/** The week must overlap the plan's period (400 naming both). */
function assertWeekInPlan(plan: PlanRow, week: string): void {
  const { start, end } = isoWeekSpan(week);
  if (end >= plan.startDate && start <= plan.endDate) return;
  const params = { week, start, end, plan: plan.name, planStart: plan.startDate, planEnd: plan.endDate };
  throw new DomainError('dispatch_week_outside_plan', 400, params, [{ path: 'body.week', message: 'dispatch_week_outside_plan' }]);
}

/** The organising department: the one asked for, else the area (an actor who sees everything) or the actor's own. */
async function organiser(tx: TxCtx, departmentId: string | undefined): Promise<DepartmentBasics> {
  const actor = tx.actor!;
  const id = departmentId ?? (actor.scope.all ? (await rootDepartmentBasics(tx.db))?.id : actor.departmentId);
  const department = id ? (await departmentsBasics(tx.db, [id])).get(id) : undefined;
  if (!department) throw new DomainError('not_found', 404, {}, [{ path: 'body.departmentId', message: 'not_found' }]);
  dispatchPolicy.assert(actor, 'manage', { departmentId: department.id, status: 'draft' });
  if (department.archived)
    throw new DomainError('department_archived', 409, { name: department.name }, [
      { path: 'body.departmentId', message: 'department_archived' },
    ]);
  return department;
}

/** 起草 by hand: the office (or a department, for its own units) drafts a week; a second draft of the week is a 409. */
export async function draftSheet(ctx: Ctx, input: DispatchDraftBody): Promise<SheetRow> {
  const body = DraftSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const department = await organiser(tx, body.departmentId);
    const plan = await planById(tx.db, body.planId);
    if (!plan) throw new DomainError('not_found', 404, {}, [{ path: 'body.planId', message: 'not_found' }]);
    assertWeekInPlan(plan, body.week);
    const existing = await dispatchRepo.sheetOfWeek(tx.db, plan.id, department.id, body.week);
    if (existing) throw new DomainError('dispatch_sheet_exists', 409, { week: body.week, title: existing.title });
    return insertDraft(tx, plan, department, body.week);
  });
}

/**
 * The weekly draft (the job): on a working day, this week's sheet of every plan running today, for
 * the area (the root department) — unless it exists — from the task colours refreshed for today. The first working day of a week drafts it
 * (Monday, or the day after a Monday holiday); the other days find it there. Each sheet commits on
 * its own, so a failure on one plan leaves the others drafted, and the job's retry finishes the rest.
 */
export async function draftWeeklySheets(ctx: Ctx): Promise<{ drafted: number }> {
  const today = shanghaiDate(ctx.clock.now());
  if (!(await calendarFor(ctx.db)).isWorkingDay(today)) return { drafted: 0 };
  const root = await rootDepartmentBasics(ctx.db);
  if (!root) return { drafted: 0 };
  const week = isoWeekOf(today);
  let drafted = 0;
  for (const plan of await listPlans(ctx)) {
    if (today < plan.startDate || today > plan.endDate) continue;
    if (await dispatchRepo.sheetOfWeek(ctx.db, plan.id, root.id, week)) continue;
    // the colours as of this morning: the supervision module's own refresh (its 08:30 run then finds it done)
    await refreshWarnings(ctx, plan.id);
    const made = await inTransaction(ctx, async (tx) => {
      if (await dispatchRepo.sheetOfWeek(tx.db, plan.id, root.id, week)) return false;
      await insertDraft(tx, plan, root, week);
      return true;
    });
    if (made) drafted++;
  }
  return { drafted };
}

/** A sheet or 404 (not there, or out of the actor's sight). */
export async function loadSheet(ctx: Ctx, id: string): Promise<SheetRow> {
  const row = await dispatchRepo.sheetById(ctx.db, id);
  if (!row) throw notFound();
  dispatchPolicy.assertVisible(ctx.actor!, row);
  return row;
}
