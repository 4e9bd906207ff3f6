import { z } from 'zod';
import { Id, Instant, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';

/**
 * The department's own steps on a task (issue 12): 分办 by its head, 部门审核 of its staff's
 * submissions, 延期申请 and its approval by the office, and the cooperating departments' sub-items
 * (协办). Which step may be taken from which status, by whom, is the server's life-cycle table
 * (server/src/modules/tasks/task-lifecycle.ts); these are the payloads.
 */

/**
 * Steps that keep the task's status, each through its own endpoint: 分办 (dispatch), 延期申请
 * (request_extension), 延期审批 (decide_extension), 协办报送 (report_share).
 */
export const TaskStep = z.enum(['dispatch', 'request_extension', 'decide_extension', 'report_share']);
export type TaskStep = z.infer<typeof TaskStep>;

/** A submission of the department's staff waiting for its head (部门审核). */
export const TaskPendingReview = z.object({
  action: z.enum(['report', 'request_close']),
  percent: z.number().int().nullable(),
  text: z.string(),
  byName: z.string(),
  at: Instant,
});
export type TaskPendingReview = z.infer<typeof TaskPendingReview>;

/** 协办: a cooperating department's sub-item of a task, with its own progress and latest report. */
export const TaskCooperation = z.object({
  departmentId: Id,
  departmentName: z.string(),
  progress: z.number().int().min(0).max(100),
  reportText: z.string(),
  reportedAt: Instant.nullable(),
  reportedByName: z.string().nullable(),
  abilities: z.object({ report: z.boolean() }),
});
export type TaskCooperation = z.infer<typeof TaskCooperation>;

/** 延期申请: pending until the office grants or refuses it; lapses if the task is closed first. */
export const ExtensionStatus = z.enum(['pending', 'granted', 'refused', 'lapsed']);
export const TaskExtension = z.object({
  id: Id,
  previousDueDate: CalendarDate,
  requestedDueDate: CalendarDate,
  reason: z.string(),
  status: ExtensionStatus,
  requestedByName: z.string(),
  requestedAt: Instant,
  decidedByName: z.string().nullable(),
  decidedAt: Instant.nullable(),
  decisionComment: z.string(),
});
export type TaskExtension = z.infer<typeof TaskExtension>;

/** 分办: to a post of the lead department (its A/B holder acts) or to one of its people. */
export const TaskAssignment = z.object({
  id: Id,
  postId: Id.nullable(),
  postName: z.string().nullable(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  note: z.string(),
  byName: z.string(),
  at: Instant,
});
export type TaskAssignment = z.infer<typeof TaskAssignment>;

/** 分办: exactly one of a post or a person of the lead department (the server says which is missing). */
export const DispatchBody = z.object({
  version: z.number().int(),
  postId: Id.nullable().optional(),
  personId: Id.nullable().optional(),
  note: prose(0, 500).default(''),
});
export type DispatchBody = z.input<typeof DispatchBody>;

/** 延期申请: the new due date and why. */
export const ExtensionRequestBody = z.object({
  version: z.number().int(),
  dueDate: CalendarDate,
  reason: prose(1, 1000),
});
export type ExtensionRequestBody = z.input<typeof ExtensionRequestBody>;

/** 延期审批: grant or refuse the pending request (a refusal says why). */
export const ExtensionDecisionBody = z.object({
  version: z.number().int(),
  grant: z.boolean(),
  comment: prose(0, 1000).default(''),
});
export type ExtensionDecisionBody = z.input<typeof ExtensionDecisionBody>;

/** 协办报送: a cooperating department reports on its own sub-item. */
export const ShareReportBody = z.object({
  version: z.number().int(),
  percent: z.number().int().min(0).max(100),
  comment: prose(0, 2000).default(''),
});
export type ShareReportBody = z.input<typeof ShareReportBody>;
export const ShareParams = z.object({ id: Id, departmentId: Id });

/** What the task page shows of the department's own records (detail only: lists leave them out, TASK_DETAIL_ONLY). */
export const TaskWorkflowRecords = {
  /** the lead department's head reviews its staff's reports and close-out requests first (部门审核) */
  departmentReview: z.boolean(),
  /** the submission waiting for the department head (report_review, close_review) */
  pendingReview: TaskPendingReview.nullable(),
  /** 协办: each cooperating department's own sub-item, its progress rolled up into the task's */
  cooperation: z.array(TaskCooperation),
  /** 延期申请, newest first */
  extensions: z.array(TaskExtension),
  /** 分办 history, newest first */
  assignments: z.array(TaskAssignment),
};
export const TASK_DETAIL_ONLY = {
  departmentReview: true,
  pendingReview: true,
  cooperation: true,
  extensions: true,
  assignments: true,
} as const;

/** The actor's abilities for the department's own steps, sent with every task. */
export const TaskWorkflowAbilities = {
  dispatch: z.boolean(), // 分办 (the head of the lead department)
  request_extension: z.boolean(), // 延期申请 (the handling department, none pending)
  decide_extension: z.boolean(), // 延期审批 (the office, one pending)
  review_setting: z.boolean(), // turn 部门审核 on or off for the lead department
};

/** 部门审核 on or off for a department: its staff's reports and close-out requests go to its head first. */
export const DepartmentReviewBody = z.object({ review: z.boolean() });
export const DepartmentReview = z.object({ departmentId: Id, review: z.boolean() });
