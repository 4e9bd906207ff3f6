import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { TASK_DETAIL_ONLY, TaskWorkflowAbilities, TaskWorkflowRecords } from './task-workflow.ts';

/**
 * Campaign plan and supervision (督查督办): plan → programmes (六大工程) → measures (20条举措)
 * → tasks → sub-tasks, each with a life cycle enforced by the server.
 */

/**
 * 任务状态: draft 草稿 → assigned 已交办 → accepted 已签收 → in_progress 推进中 → close_requested 申请销号 → closed 已销号;
 * refused 拒收 goes back to the office. Where the lead department reviews its staff's submissions (部门审核), a progress
 * report waits in report_review 进展待审核 and a close-out request in close_review 销号待审核 until its head approves it.
 */
export const TaskStatus = z.enum([
  'draft',
  'assigned',
  'accepted',
  'refused',
  'in_progress',
  'report_review',
  'close_review',
  'close_requested',
  'closed',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * Transitions a person can ask for; the server answers 409 with the allowed ones when illegal. approve 部门审核通过 and
 * send_back 部门退回 are the lead department head's, on a submission waiting for review.
 */
export const TaskAction = z.enum([
  'assign',
  'accept',
  'refuse',
  'report',
  'request_close',
  'approve',
  'send_back',
  'close',
  'return',
  'reopen',
]);
export type TaskAction = z.infer<typeof TaskAction>;

/** 预警: none, blue (due soon), yellow (behind schedule or due very soon), red (overdue). Closed tasks are none. */
export const WarningColor = z.enum(['none', 'blue', 'yellow', 'red']);
export type WarningColor = z.infer<typeof WarningColor>;

/** 五字要求 grades the office gives: 准 快 实 浓 显, each 1–5 (or unset). */
export const FiveCharGrade = z.object({
  zhun: z.number().int().min(1).max(5).nullable(), // 准 understood correctly
  kuai: z.number().int().min(1).max(5).nullable(), // 快 pushed fast
  shi: z.number().int().min(1).max(5).nullable(), // 实 landed solidly
  nong: z.number().int().min(1).max(5).nullable(), // 浓 publicised widely
  xian: z.number().int().min(1).max(5).nullable(), // 显 visible effect
});
export type FiveCharGrade = z.infer<typeof FiveCharGrade>;

/** Warning thresholds per plan, in working days and percentage points. */
export const WarningThresholds = z.object({
  blueWithinWorkingDays: z.number().int().min(0).max(60).default(5),
  yellowWithinWorkingDays: z.number().int().min(0).max(30).default(2),
  yellowBehindPoints: z.number().int().min(1).max(100).default(10),
  /** red persisting this many working days escalates one level (handler → department head → leader in charge) */
  escalateAfterWorkingDays: z.number().int().min(1).max(30).default(3),
});
export type WarningThresholds = z.infer<typeof WarningThresholds>;

export const Plan = z.object({
  id: Id,
  name: z.string(),
  year: z.number().int(),
  startDate: CalendarDate,
  endDate: CalendarDate,
  thresholds: WarningThresholds,
  version: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;
export const PlanCreateBody = z.object({
  name: line(1, 200),
  year: z.number().int().min(2000).max(2100),
  startDate: CalendarDate,
  endDate: CalendarDate,
  thresholds: WarningThresholds.optional(),
});
export const PlanUpdateBody = z.object({
  name: line(1, 200).optional(),
  thresholds: WarningThresholds.optional(),
  version: z.number().int().optional(),
});
export const PlanList = z.object({ items: z.array(Plan) });

export const Programme = z.object({
  id: Id,
  planId: Id,
  code: z.string(),
  name: z.string(),
  sort: z.number().int(),
  weight: z.number().int(),
  leaderPersonId: Id.nullable(),
  leaderName: z.string().nullable(),
  progress: z.number(),
  taskCount: z.number().int(),
  colours: z.record(WarningColor, z.number().int()),
  version: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;
export const ProgrammeCreateBody = z.object({
  planId: Id,
  code: line(1, 20),
  name: line(1, 100),
  sort: z.number().int().min(0).max(1000).default(0),
  weight: z.number().int().min(1).max(1000).default(1),
  leaderPersonId: Id.nullable().optional(),
});
export const ProgrammeUpdateBody = z.object({
  name: line(1, 100).optional(),
  sort: z.number().int().min(0).max(1000).optional(),
  weight: z.number().int().min(1).max(1000).optional(),
  leaderPersonId: Id.nullable().optional(),
  version: z.number().int().optional(),
});

export const Measure = z.object({
  id: Id,
  programmeId: Id,
  code: z.string(),
  name: z.string(),
  sort: z.number().int(),
  weight: z.number().int(),
  progress: z.number(),
  taskCount: z.number().int(),
  colours: z.record(WarningColor, z.number().int()),
  version: z.number().int(),
});
export type Measure = z.infer<typeof Measure>;
export const MeasureCreateBody = z.object({
  programmeId: Id,
  code: line(1, 20),
  name: line(1, 200),
  sort: z.number().int().min(0).max(1000).default(0),
  weight: z.number().int().min(1).max(1000).default(1),
});
export const MeasureUpdateBody = z.object({
  name: line(1, 200).optional(),
  sort: z.number().int().min(0).max(1000).optional(),
  weight: z.number().int().min(1).max(1000).optional(),
  version: z.number().int().optional(),
});

/** 时间节点: done when someone of the handling department (or the office) marked it so. */
export const Milestone = z.object({
  id: Id,
  name: z.string(),
  dueDate: CalendarDate,
  doneAt: Instant.nullable(),
  doneByName: z.string().nullable(),
});
export const MilestoneInput = z.object({ name: line(1, 200), dueDate: CalendarDate });

export const EvidenceFile = z.object({ id: Id, name: z.string(), size: z.number().int(), mime: z.string(), url: z.string() });
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const Task = z.object({
  id: Id,
  planId: Id,
  measureId: Id,
  measureName: z.string(),
  programmeId: Id,
  programmeName: z.string(),
  parentId: Id.nullable(),
  code: z.string(),
  title: z.string(),
  statement: z.string(), // 任务书
  deliverables: z.string(),
  leadDepartmentId: Id,
  leadDepartmentName: z.string(),
  cooperatingDepartmentIds: z.array(Id),
  responsiblePostId: Id.nullable(),
  responsiblePostName: z.string().nullable(),
  /** the person acting on the responsible post now: A, or B when A is away (AB岗) */
  handlerPersonId: Id.nullable(),
  handlerName: z.string().nullable(),
  /** 代A岗: the post's A holder the handler stands in for while A is away (null when A acts, or when dispatched to a person) */
  handlerActingForName: z.string().nullable(),
  leaderPersonId: Id.nullable(), // 分管领导
  leaderName: z.string().nullable(),
  startDate: CalendarDate,
  dueDate: CalendarDate,
  /** 原定完成时限: the due date before the first granted extension (null: never extended); lateness is measured against it */
  originalDueDate: CalendarDate.nullable(),
  weight: z.number().int(),
  status: TaskStatus,
  progress: z.number().int().min(0).max(100),
  /** share of the working days between start and due already elapsed (序时进度), 0–100 */
  scheduleProgress: z.number().int(),
  warning: WarningColor,
  /** working days left until due (negative when overdue) */
  workingDaysLeft: z.number().int(),
  tagged: z.boolean(), // 挂牌作战
  grade: FiveCharGrade,
  milestones: z.array(Milestone),
  version: z.number().int(),
  updatedAt: Instant,
  closedAt: Instant.nullable(),
  /** at close-out: 0 closed on time, N closed N working days after the original due date (逾期办结); null while not closed */
  closedLateDays: z.number().int().min(0).nullable(),
  ...TaskWorkflowRecords,
  abilities: z.record(TaskAction, z.boolean()).and(
    z.object({
      edit: z.boolean(),
      urge: z.boolean(),
      instruct: z.boolean(),
      grade: z.boolean(),
      milestones: z.boolean(), // mark milestones done (or undo it)
      ...TaskWorkflowAbilities,
    }),
  ),
});
export type Task = z.infer<typeof Task>;

/** The editable fields of a task, without defaults (an update must not reset what it leaves out). */
const TaskFields = z.object({
  code: line(0, 30),
  title: line(1, 200),
  statement: prose(0, 5000), // 任务书
  deliverables: prose(0, 2000),
  leadDepartmentId: Id,
  cooperatingDepartmentIds: z.array(Id).max(50),
  responsiblePostId: Id.nullable(),
  leaderPersonId: Id.nullable(),
  startDate: CalendarDate,
  dueDate: CalendarDate,
  weight: z.number().int().min(1).max(100),
  tagged: z.boolean(),
  milestones: z.array(MilestoneInput).max(50),
});

/**
 * 补录: a due date before today or outside the plan's period is refused (422) unless the office
 * (tasks.backfill) records a past task on purpose.
 */
const Backfill = z.boolean().optional();

export const TaskCreateBody = z.object({
  measureId: Id,
  parentId: Id.nullable().optional(),
  code: TaskFields.shape.code.optional(),
  title: TaskFields.shape.title,
  statement: TaskFields.shape.statement.default(''),
  deliverables: TaskFields.shape.deliverables.default(''),
  leadDepartmentId: Id,
  cooperatingDepartmentIds: TaskFields.shape.cooperatingDepartmentIds.default([]),
  responsiblePostId: Id.nullable().optional(),
  leaderPersonId: Id.nullable().optional(),
  startDate: CalendarDate,
  dueDate: CalendarDate,
  weight: TaskFields.shape.weight.default(1),
  tagged: z.boolean().default(false),
  milestones: TaskFields.shape.milestones.default([]),
  backfill: Backfill,
});
export type TaskCreateBody = z.input<typeof TaskCreateBody>;
/** PATCH: only the fields given change (no defaults here). Editable while draft, assigned or refused. */
export const TaskUpdateBody = TaskFields.partial().extend({ version: z.number().int(), backfill: Backfill });
export type TaskUpdateBody = z.infer<typeof TaskUpdateBody>;

/** One body for every transition; which fields are required depends on the action. */
export const TaskTransitionBody = z.object({
  action: TaskAction,
  version: z.number().int(),
  comment: prose(0, 2000).optional(), // reason for refuse/return, office comment on close
  percent: z.number().int().min(0).max(100).optional(), // with report
  fileIds: z.array(Id).max(20).default([]), // evidence with report / request_close
});
export type TaskTransitionBody = z.input<typeof TaskTransitionBody>;

export const TaskEventKind = z.enum([
  'create',
  'update',
  'assign',
  'accept',
  'refuse',
  'report',
  'request_close',
  'close',
  'return',
  'reopen',
  'urge',
  'instruct',
  'escalate',
  'grade',
  'warning',
  'milestone_done',
  'milestone_reopen',
  'approve',
  'send_back',
  'dispatch',
  'extension_request',
  'extension_grant',
  'extension_refuse',
  'extension_lapse',
  'share_report',
]);
export const TaskEvent = z.object({
  id: Id,
  taskId: Id,
  kind: TaskEventKind,
  actorName: z.string(),
  at: Instant,
  text: z.string(),
  /** the English of a text the system wrote (预警, 自动催办, 延期 …); null or absent for what people typed, shown as typed */
  textEn: z.string().nullable().optional(),
  percent: z.number().int().nullable(),
  files: z.array(EvidenceFile),
});
export type TaskEvent = z.infer<typeof TaskEvent>;
export const TaskEventList = z.object({ items: z.array(TaskEvent) });

export const UrgeBody = z.object({ message: prose(1, 1000) }); // 催办
export const InstructionBody = z.object({ text: prose(1, 2000) }); // 批示
export const GradeBody = FiveCharGrade.extend({ version: z.number().int() });
/** 时间节点完成 (or undone): which milestone of which task, and the task's version. */
export const MilestoneParams = z.object({ id: Id, milestoneId: Id });
export const MilestoneDoneBody = z.object({ version: z.number().int() });

/**
 * The lists behind the desk's sections (工作台待办): `desk=accept` 待签收, `report` 待报送进展, `departmentReview`
 * 待部门审核, `extensionApproval` 待审批延期, `closeOutReview` 待审核销号, `attention` what is in my scope at all
 * (with `warning=red` → 红灯). The server turns each into the same conditions the desk counts with
 * (modules/tasks/task-desk.filter.ts), so the list shows what the desk counted.
 */
export const TaskDeskView = z.enum(['accept', 'report', 'departmentReview', 'extensionApproval', 'closeOutReview', 'attention']);
export type TaskDeskView = z.infer<typeof TaskDeskView>;

export const TaskQuery = PageQuery.extend({
  planId: Id.optional(),
  programmeId: Id.optional(),
  measureId: Id.optional(),
  departmentId: Id.optional(),
  leaderPersonId: Id.optional(),
  handlerPersonId: Id.optional(),
  status: TaskStatus.optional(),
  open: z.enum(['true', 'false']).optional(), // not closed
  warning: WarningColor.optional(),
  tagged: z.enum(['true', 'false']).optional(),
  /** preset views: mine, my department, overdue */
  view: z.enum(['mine', 'my_department', 'overdue', 'all']).default('all'),
  desk: TaskDeskView.optional(),
  q: line(0, 100).optional(),
  sort: z.enum(['due', 'updated', 'warning', 'code']).default('due'),
});
export type TaskQuery = z.input<typeof TaskQuery>;
/** A task search counts and sorts at most this many matches: enough to page through, cheap to sort. */
export const TASK_SEARCH_CAP = 1_000;
/** `totalCapped`: a search found more than TASK_SEARCH_CAP (shown as "1000+"); `total` is the cap. */
/** A task as lists show it: all but the 任务书, the deliverables, the timetable and the workflow records, which the task page shows (GET /api/tasks/:id). */
export const TaskListItem = Task.omit({ statement: true, deliverables: true, milestones: true, ...TASK_DETAIL_ONLY });
export type TaskListItem = z.infer<typeof TaskListItem>;
export const TaskPage = pageOf(TaskListItem).extend({ totalCapped: z.boolean() });
/** The list's filters without paging: XLSX export of any filtered list. */
export const TaskExportQuery = TaskQuery.omit({ page: true, pageSize: true });

export type PlanCreateBody = z.input<typeof PlanCreateBody>;
export type PlanUpdateBody = z.infer<typeof PlanUpdateBody>;
export type ProgrammeCreateBody = z.input<typeof ProgrammeCreateBody>;
export type MeasureCreateBody = z.input<typeof MeasureCreateBody>;
