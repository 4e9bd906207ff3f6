import type { z } from 'zod';
import { Task, TaskAction, type TaskStatus } from '@qinlian/contracts';

export const TASK_ID = '0190f0a0-0000-7000-8000-000000000001';
export const LEAD_ID = '0190f0a0-0000-7000-8000-000000000005';

/** For component tests: a task as GET /api/tasks/:id answers it, checked against the contract; every step allowed unless `overrides` say otherwise. */
export function taskOf(status: TaskStatus, progress = 30, overrides: Partial<z.input<typeof Task>> = {}): Task {
  const allowed = Object.fromEntries(TaskAction.options.map((a) => [a, true])) as Record<TaskAction, boolean>;
  return Task.parse({
    id: TASK_ID,
    planId: '0190f0a0-0000-7000-8000-000000000002',
    measureId: '0190f0a0-0000-7000-8000-000000000003',
    measureName: '作风建设',
    programmeId: '0190f0a0-0000-7000-8000-000000000004',
    programmeName: '铸魂工程',
    parentId: null,
    code: 'ZH-01',
    title: '建立重点项目调度台账',
    statement: '',
    deliverables: '',
    leadDepartmentId: LEAD_ID,
    leadDepartmentName: '党政办公室',
    cooperatingDepartmentIds: [],
    responsiblePostId: null,
    responsiblePostName: null,
    handlerPersonId: null,
    handlerName: null,
    handlerActingForName: null,
    leaderPersonId: null,
    leaderName: null,
    startDate: '2026-03-02',
    dueDate: '2026-06-30',
    originalDueDate: null,
    weight: 1,
    status,
    progress,
    scheduleProgress: 40,
    warning: 'none',
    workingDaysLeft: 20,
    tagged: false,
    grade: { zhun: null, kuai: null, shi: null, nong: null, xian: null },
    milestones: [],
    version: 7,
    updatedAt: '2026-04-01T02:00:00.000Z',
    closedAt: null,
    closedLateDays: null,
    departmentReview: false,
    pendingReview: null,
    cooperation: [],
    extensions: [],
    assignments: [],
    abilities: {
      ...allowed,
      edit: false,
      urge: true,
      instruct: true,
      grade: false,
      milestones: false,
      dispatch: true,
      request_extension: true,
      decide_extension: true,
      review_setting: false,
    },
    ...overrides,
  } satisfies z.input<typeof Task>);
}
