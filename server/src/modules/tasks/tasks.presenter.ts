import type { BoardItem, EvidenceFile, Task, TaskEvent, TaskListItem, TaskStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { FileRow } from './evidence.repo.ts';
import type { TaskEventRow } from './task-events.repo.ts';
import type { BoardView, TaskView } from './task-views.service.ts';
import { gradeOf } from './task-views.service.ts';
import type { TaskDetailView } from './task-detail.service.ts';
import { mayReportShare, taskAbilities, type TaskAccess } from './tasks.policy.ts';

/** What leaves the server about a task, field by field, with the actor's abilities (on each cooperating sub-item too). */
export const presentTask = (actor: Actor, v: TaskDetailView): Task => ({
  ...presentTaskBody(v),
  cooperation: v.detail.cooperation.map((c) => ({ ...c, abilities: { report: mayReportShare(actor, v.access, c.departmentId) } })),
  abilities: taskAbilities(actor, v.access),
});

/** Everything of a task but the actor's abilities: the same for whoever looks. */
export const presentTaskBody = (v: TaskDetailView): Omit<Task, 'abilities' | 'cooperation'> => ({
  ...presentListItemBody(v),
  statement: v.row.statement,
  deliverables: v.row.deliverables,
  milestones: v.milestones.map((m) => ({ id: m.id, name: m.name, dueDate: m.dueDate, doneAt: m.doneAt, doneByName: m.doneByName })),
  departmentReview: v.detail.departmentReview,
  pendingReview: v.detail.pendingReview,
  extensions: v.detail.extensions,
  assignments: v.detail.assignments,
});

/** A task as lists show it, but the actor's abilities (the list keeps it per version of the task). */
export function presentListItemBody(v: BoardView & Pick<TaskView, 'cooperatingDepartmentIds' | 'access'>): Omit<TaskListItem, 'abilities'> {
  const { row } = v;
  return {
    id: row.id,
    planId: row.planId,
    measureId: row.measureId,
    measureName: v.measureName,
    programmeId: row.programmeId,
    programmeName: v.programmeName,
    parentId: row.parentId,
    code: row.code,
    title: row.title,
    leadDepartmentId: row.leadDepartmentId,
    leadDepartmentName: v.leadDepartmentName,
    cooperatingDepartmentIds: v.cooperatingDepartmentIds,
    responsiblePostId: row.responsiblePostId,
    responsiblePostName: v.post?.name ?? null,
    handlerPersonId: v.handler?.personId ?? null,
    handlerName: v.handler?.name ?? null,
    // 代A岗: the post's B handles it while its A is away (none when dispatched to a person)
    handlerActingForName: row.handlerPersonId ? null : (v.post?.actingForName ?? null),
    leaderPersonId: row.leaderPersonId,
    leaderName: v.leaderName,
    startDate: row.startDate,
    dueDate: row.dueDate,
    originalDueDate: row.originalDueDate,
    weight: row.weight,
    status: v.access.status,
    progress: row.progress,
    scheduleProgress: v.assessment.scheduleProgress,
    warning: v.assessment.warning,
    workingDaysLeft: v.assessment.workingDaysLeft,
    tagged: row.tagged === 1,
    grade: gradeOf(row),
    version: row.version,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    closedLateDays: row.closedLateDays,
  };
}

/**
 * A page of the task list as the JSON text of the TaskPage contract, put together from the items'
 * presented JSON and the actor's abilities (task-list-items.cache.ts: no item is presented twice).
 */
export function taskPageJson(
  actor: Actor,
  // the items of task-list-items.cache.ts: each presented once, as JSON text without its closing brace
  page: { items: { json: string; access: TaskAccess }[]; total: number; totalCapped: boolean; page: number; pageSize: number },
): string {
  const items = page.items.map((i) => `${i.json},"abilities":${JSON.stringify(taskAbilities(actor, i.access))}}`);
  const { total, totalCapped, pageSize } = page;
  return `{"items":[${items.join(',')}],"total":${total},"totalCapped":${totalCapped},"page":${page.page},"pageSize":${pageSize}}`;
}

export function presentBoardItem(v: BoardView): BoardItem {
  const { row } = v;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status as TaskStatus,
    warning: v.assessment.warning,
    progress: row.progress,
    leadDepartmentName: v.leadDepartmentName,
    handlerName: v.handler?.name ?? null,
    leaderName: v.leaderName,
    dueDate: row.dueDate,
    workingDaysLeft: v.assessment.workingDaysLeft,
  };
}

export const fileUrl = (id: string) => `/api/files/${id}`;
export const presentFile = (f: FileRow): EvidenceFile => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, url: fileUrl(f.id) });

export function presentEvent(e: TaskEventRow, files: Map<string, FileRow>): TaskEvent {
  const ids = JSON.parse(e.fileIds) as string[];
  return {
    id: e.id,
    taskId: e.taskId,
    kind: e.kind as TaskEvent['kind'],
    actorName: e.actorName,
    at: e.at,
    text: e.text,
    textEn: e.textEn,
    percent: e.percent,
    files: ids
      .map((id) => files.get(id))
      .filter((f): f is FileRow => !!f)
      .map(presentFile),
  };
}
