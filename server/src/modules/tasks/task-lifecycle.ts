import type { TaskAction, TaskStatus, TaskStep } from '@qinlian/contracts';

/**
 * The life cycle of a task (督办事项), as a table. `who` is the side that may take the step:
 * - office: the campaign office (领导小组办公室, plan.manage);
 * - handler: the handling department (责任单位, tasks.handle over the lead department, or the
 *   person acting on the task);
 * - head: the head of the lead department (部门负责人, the person the organisation names its head,
 *   with tasks.handle) — also a handler;
 * - cooperator: a cooperating department (配合单位, tasks.handle over it).
 * Nothing else decides which steps exist.
 *
 * `review`: where the lead department reviews its staff's submissions (部门审核) and someone
 * other than its head takes the step, the task goes there instead of `to`, and waits for the head.
 * `to: 'back'`: to the status the reviewed submission came from (accepted or in progress).
 * Steps of TaskStep (分办, 延期, 协办报送) keep the status: `to` is `from`.
 */
export type Side = 'office' | 'handler' | 'head' | 'cooperator';
export type Step = TaskAction | TaskStep;
export type Transition = { from: TaskStatus; action: Step; to: TaskStatus | 'back'; who: Side; review?: TaskStatus };

/** The same step from each of these statuses, keeping the status. */
const staying = (statuses: TaskStatus[], action: TaskStep, who: Side): Transition[] =>
  statuses.map((from) => ({ from, action, to: from, who }));

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'assign', to: 'assigned', who: 'office' }, // 交办
  { from: 'refused', action: 'assign', to: 'assigned', who: 'office' }, // 修改后重新交办
  { from: 'assigned', action: 'accept', to: 'accepted', who: 'handler' }, // 签收
  { from: 'assigned', action: 'refuse', to: 'refused', who: 'handler' }, // 拒收（须说明理由）
  { from: 'accepted', action: 'report', to: 'in_progress', who: 'handler', review: 'report_review' }, // 首次报送进展
  { from: 'in_progress', action: 'report', to: 'in_progress', who: 'handler', review: 'report_review' }, // 报送进展
  { from: 'in_progress', action: 'request_close', to: 'close_requested', who: 'handler', review: 'close_review' }, // 申请销号（须附佐证）
  { from: 'report_review', action: 'approve', to: 'in_progress', who: 'head' }, // 部门审核通过：进展报办公室
  { from: 'report_review', action: 'send_back', to: 'back', who: 'head' }, // 部门退回进展（须说明理由）
  { from: 'close_review', action: 'approve', to: 'close_requested', who: 'head' }, // 部门审核通过：报办公室销号
  { from: 'close_review', action: 'send_back', to: 'in_progress', who: 'head' }, // 部门退回销号申请（须说明理由）
  { from: 'close_requested', action: 'close', to: 'closed', who: 'office' }, // 销号（签署意见）
  { from: 'close_requested', action: 'return', to: 'in_progress', who: 'office' }, // 退回重办（须说明理由）
  { from: 'closed', action: 'reopen', to: 'in_progress', who: 'office' }, // 重新打开
  ...staying(['assigned', 'accepted', 'in_progress'], 'dispatch', 'head'), // 分办给本部门的岗位或人员
  ...staying(['accepted', 'in_progress', 'report_review'], 'request_extension', 'handler'), // 延期申请
  ...staying(['accepted', 'in_progress', 'report_review', 'close_review', 'close_requested'], 'decide_extension', 'office'), // 延期审批
  ...staying(['accepted', 'in_progress', 'report_review'], 'report_share', 'cooperator'), // 协办报送（本部门的子项）
];

/** What each step of the life cycle needs in TaskTransitionBody besides `action` and `version`: one table for server and web. */
export { TASK_STEP_NEEDS as REQUIREMENTS } from '@qinlian/contracts';

/** Statuses in which the office may still edit the task itself. */
export const EDITABLE: ReadonlySet<TaskStatus> = new Set(['draft', 'assigned', 'refused']);

/** Statuses in which milestones are marked done (or undone): the work is under way (时间节点完成). */
export const MILESTONES_OPEN: ReadonlySet<TaskStatus> = new Set(['accepted', 'in_progress']);

/** Statuses a submission waits in for the department head (部门审核). */
export const UNDER_REVIEW: ReadonlySet<TaskStatus> = new Set(['report_review', 'close_review']);

export const transitionFor = (from: TaskStatus, action: Step): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The statuses from which a step may be taken at all (by anyone). */
export const statusesFor = (action: Step): ReadonlySet<TaskStatus> =>
  new Set(TRANSITIONS.filter((t) => t.action === action).map((t) => t.from));

/** The actions this actor (holding these sides) may take from `from`, in table order. */
export function allowedActions(from: TaskStatus, sides: ReadonlySet<Side>): Step[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === from && sides.has(t.who)).map((t) => t.action))];
}

/**
 * Where a step leads: its review status when the lead department reviews and the one taking it is
 * not its head; otherwise `to`, with 'back' resolved to the status the submission came from.
 */
export function destinationOf(t: Transition, opts: { reviewed: boolean; submittedFrom?: TaskStatus | null }): TaskStatus {
  if (t.review && opts.reviewed) return t.review;
  if (t.to === 'back') return opts.submittedFrom ?? 'in_progress';
  return t.to;
}

export const isOpen = (status: TaskStatus) => status !== 'closed';

export const STATUS_LABELS: Record<TaskStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  assigned: { zh: '已交办', en: 'assigned' },
  accepted: { zh: '已签收', en: 'accepted' },
  refused: { zh: '已拒收', en: 'refused' },
  in_progress: { zh: '推进中', en: 'in progress' },
  report_review: { zh: '进展待审核', en: 'report under department review' },
  close_review: { zh: '销号待审核', en: 'close-out under department review' },
  close_requested: { zh: '申请销号', en: 'close-out requested' },
  closed: { zh: '已销号', en: 'closed' },
};

export const ACTION_LABELS: Record<Step, { zh: string; en: string }> = {
  assign: { zh: '交办', en: 'assigned' },
  accept: { zh: '签收', en: 'accepted' },
  refuse: { zh: '拒收', en: 'refused' },
  report: { zh: '报送进展', en: 'reported on' },
  request_close: { zh: '申请销号', en: 'submitted for close-out' },
  approve: { zh: '部门审核通过', en: 'approved by the department' },
  send_back: { zh: '部门退回', en: 'sent back by the department' },
  close: { zh: '销号', en: 'closed' },
  return: { zh: '退回重办', en: 'returned' },
  reopen: { zh: '重新打开', en: 'reopened' },
  dispatch: { zh: '分办', en: 'dispatched' },
  request_extension: { zh: '申请延期', en: 'asked for an extension' },
  decide_extension: { zh: '延期审批', en: 'decided on an extension' },
  report_share: { zh: '报送协办进展', en: 'reported on by a cooperating department' },
};
