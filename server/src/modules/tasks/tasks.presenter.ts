import type { BoardItem, EvidenceFile, Task, TaskEvent, TaskStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import type { FileRow } from '../../platform/files/evidence.ts';
import type { TaskEventRow } from './task-events.repo.ts';
import type { BoardView, TaskView } from './task-views.ts';
import { gradeOf } from './task-views.ts';
import { taskAbilities } from './tasks.policy.ts';

/** What leaves the server about a task, field by field, with the actor's abilities. */
export function presentTask(actor: Actor, v: TaskView): Task {
  const { row } = v;
  return {
    id: row.id, planId: row.planId, measureId: row.measureId, measureName: v.measureName, programmeId: row.programmeId, programmeName: v.programmeName,
    parentId: row.parentId, code: row.code, title: row.title, statement: row.statement, deliverables: row.deliverables,
    leadDepartmentId: row.leadDepartmentId, leadDepartmentName: v.leadDepartmentName, cooperatingDepartmentIds: v.cooperatingDepartmentIds,
    responsiblePostId: row.responsiblePostId, responsiblePostName: v.post?.name ?? null,
    handlerPersonId: v.post?.actingPersonId ?? null, handlerName: v.post?.actingPersonName ?? null,
    leaderPersonId: row.leaderPersonId, leaderName: v.leaderName,
    startDate: row.startDate, dueDate: row.dueDate, weight: row.weight, status: v.access.status, progress: row.progress,
    scheduleProgress: v.assessment.scheduleProgress, warning: v.assessment.warning, workingDaysLeft: v.assessment.workingDaysLeft,
    tagged: row.tagged === 1, grade: gradeOf(row),
    milestones: v.milestones.map((m) => ({ id: m.id, name: m.name, dueDate: m.dueDate, doneAt: m.doneAt, doneByName: m.doneByName })),
    version: row.version, updatedAt: row.updatedAt, closedAt: row.closedAt,
    abilities: taskAbilities(actor, v.access),
  };
}

export function presentBoardItem(v: BoardView): BoardItem {
  const { row } = v;
  return {
    id: row.id, code: row.code, title: row.title, status: row.status as TaskStatus, warning: v.assessment.warning, progress: row.progress,
    leadDepartmentName: v.leadDepartmentName, handlerName: v.post?.actingPersonName ?? null, leaderName: v.leaderName,
    dueDate: row.dueDate, workingDaysLeft: v.assessment.workingDaysLeft,
  };
}

export const fileUrl = (id: string) => `/api/files/${id}`;
export const presentFile = (f: FileRow): EvidenceFile => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, url: fileUrl(f.id) });

export function presentEvent(e: TaskEventRow, files: Map<string, FileRow>): TaskEvent {
  const ids = JSON.parse(e.fileIds) as string[];
  return {
    id: e.id, taskId: e.taskId, kind: e.kind as TaskEvent['kind'], actorName: e.actorName, at: e.at, text: e.text, percent: e.percent,
    files: ids.map((id) => files.get(id)).filter((f): f is FileRow => !!f).map(presentFile),
  };
}
