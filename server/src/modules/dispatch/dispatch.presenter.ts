import {
  isoWeekSpan,
  type DispatchDecision,
  type DispatchItem,
  type DispatchItemSource,
  type DispatchLeaderGroup,
  type DispatchSheet,
  type DispatchSheetStatus,
  type DispatchSheetSummary,
  type TaskStatus,
  type WarningColor,
} from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { planById } from '../plan/index.ts';
import { taskRowsByIds } from '../tasks/index.ts';
import { dispatchAbilities } from './dispatch.policy.ts';
import { dispatchRepo, type AttendeeRow, type DecisionRow, type ItemRow, type SheetRow } from './dispatch.repo.ts';

type Names = Map<string, { name: string }>;

const presentItem = (r: ItemRow, departments: Names): DispatchItem => ({
  id: r.id,
  source: r.source as DispatchItemSource,
  sourceId: r.sourceId,
  taskId: r.taskId,
  title: r.title,
  detail: r.detail,
  warning: r.warning as WarningColor | null,
  progress: r.progress,
  dueDate: r.dueDate,
  departmentId: r.departmentId,
  departmentName: r.departmentId ? (departments.get(r.departmentId)?.name ?? null) : null,
  leaderPersonId: r.leaderPersonId,
  leaderName: r.leaderName,
  note: r.note,
});

/** 按分管领导分组: consecutive items of one leader in charge, in the sheet's order (the draft placed them so). */
function groupsOf(items: ItemRow[], departments: Names): DispatchLeaderGroup[] {
  const groups = new Map<string, DispatchLeaderGroup>();
  for (const r of items) {
    const key = r.leaderPersonId ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { leaderPersonId: r.leaderPersonId, leaderName: r.leaderName, items: [] }));
    g.items.push(presentItem(r, departments));
  }
  return [...groups.values()];
}

async function presentDecisions(ctx: Ctx, rows: DecisionRow[], departments: Names): Promise<DispatchDecision[]> {
  const tasks = new Map(
    (
      await taskRowsByIds(
        ctx.db,
        rows.flatMap((d) => (d.taskId ? [d.taskId] : [])),
      )
    ).map((t) => [t.id, t]),
  );
  return rows.map((d, i) => {
    const task = d.taskId ? tasks.get(d.taskId) : undefined;
    return {
      id: d.id,
      number: i + 1,
      text: d.text,
      itemId: d.itemId,
      ownerDepartmentId: d.ownerDepartmentId,
      ownerDepartmentName: departments.get(d.ownerDepartmentId)?.name ?? '',
      ownerPersonId: d.ownerPersonId,
      ownerName: d.ownerName,
      dueDate: d.dueDate,
      measureId: d.measureId,
      task: task
        ? {
            id: task.id,
            code: task.code,
            title: task.title,
            status: task.status as TaskStatus,
            warning: task.warning as WarningColor,
            progress: task.progress,
            dueDate: task.dueDate,
          }
        : null,
    };
  });
}

function presentMeeting(s: SheetRow, attendees: AttendeeRow[]): DispatchSheet['meeting'] {
  if (!s.meetingDate) return null;
  return {
    date: s.meetingDate,
    time: s.meetingTime ?? '',
    place: s.meetingPlace ?? '',
    chairPersonId: s.chairPersonId ?? '',
    chairName: s.chairName ?? '',
    minutes: s.minutes ?? '',
    attendees: attendees.map((a) => ({
      personId: a.personId,
      name: a.name,
      departmentName: a.departmentName,
      present: a.present === 1,
      absenceReason: a.absenceReason,
    })),
  };
}

/** A whole sheet: items grouped by leader in charge, the meeting, the decisions with their tasks as they stand now, abilities. */
export async function presentSheet(ctx: Ctx, s: SheetRow): Promise<DispatchSheet> {
  const [items, attendees, decisions, plan] = await Promise.all([
    dispatchRepo.itemsOf(ctx.db, s.id),
    dispatchRepo.attendeesOf(ctx.db, s.id),
    dispatchRepo.decisionsOf(ctx.db, s.id),
    planById(ctx.db, s.planId),
  ]);
  const departments = await cachedDepartmentsBasics(ctx.db, [
    s.departmentId,
    ...items.map((i) => i.departmentId),
    ...decisions.map((d) => d.ownerDepartmentId),
  ]);
  const { end } = isoWeekSpan(s.week);
  return {
    id: s.id,
    planId: s.planId,
    planName: plan?.name ?? '',
    departmentId: s.departmentId,
    departmentName: departments.get(s.departmentId)?.name ?? '',
    week: s.week,
    weekStart: s.weekStart,
    weekEnd: end,
    title: s.title,
    notes: s.notes,
    status: s.status as DispatchSheetStatus,
    omittedItems: s.omittedItems,
    groups: groupsOf(items, departments),
    meeting: presentMeeting(s, attendees),
    decisions: await presentDecisions(ctx, decisions, departments),
    draftedByName: s.draftedByName,
    draftedAt: s.draftedAt,
    heldAt: s.heldAt,
    closedAt: s.closedAt,
    version: s.version,
    abilities: dispatchAbilities(ctx.actor!, s),
  };
}

/** The list's rows, with their counts in two grouped queries. */
export async function presentSheetSummaries(ctx: Ctx, rows: SheetRow[]): Promise<DispatchSheetSummary[]> {
  const [counts, departments] = await Promise.all([
    dispatchRepo.countsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.departmentId),
    ),
  ]);
  return rows.map((s) => {
    const c = counts.get(s.id)!;
    return {
      id: s.id,
      planId: s.planId,
      departmentId: s.departmentId,
      departmentName: departments.get(s.departmentId)?.name ?? '',
      week: s.week,
      weekStart: s.weekStart,
      weekEnd: isoWeekSpan(s.week).end,
      title: s.title,
      status: s.status as DispatchSheetStatus,
      itemCount: c.items,
      decisionCount: c.decisions,
      taskCount: c.tasks,
      meetingDate: s.meetingDate,
      version: s.version,
    };
  });
}
