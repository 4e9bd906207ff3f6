import type { TaskAction, TaskStatus } from '@qinlian/contracts';

/**
 * The life cycle of a task (督办事项), as a table. `who` is the side that may take the step:
 * the campaign office (领导小组办公室, plan.manage) or the handling department (责任单位,
 * tasks.handle over the lead department). Nothing else decides which transitions exist.
 */
export type Side = 'office' | 'handler';
export type Transition = { from: TaskStatus; action: TaskAction; to: TaskStatus; who: Side };

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'assign', to: 'assigned', who: 'office' }, // 交办
  { from: 'refused', action: 'assign', to: 'assigned', who: 'office' }, // 修改后重新交办
  { from: 'assigned', action: 'accept', to: 'accepted', who: 'handler' }, // 签收
  { from: 'assigned', action: 'refuse', to: 'refused', who: 'handler' }, // 拒收（须说明理由）
  { from: 'accepted', action: 'report', to: 'in_progress', who: 'handler' }, // 首次报送进展
  { from: 'in_progress', action: 'report', to: 'in_progress', who: 'handler' }, // 报送进展
  { from: 'in_progress', action: 'request_close', to: 'close_requested', who: 'handler' }, // 申请销号（须附佐证）
  { from: 'close_requested', action: 'close', to: 'closed', who: 'office' }, // 销号（签署意见）
  { from: 'close_requested', action: 'return', to: 'in_progress', who: 'office' }, // 退回重办（须说明理由）
  { from: 'closed', action: 'reopen', to: 'in_progress', who: 'office' }, // 重新打开
];

/** What each step needs in the request body besides `action` and `version`: one table for server and web. */
export { TASK_STEP_NEEDS as REQUIREMENTS } from '@qinlian/contracts';

/** Statuses in which the office may still edit the task itself. */
export const EDITABLE: ReadonlySet<TaskStatus> = new Set(['draft', 'assigned', 'refused']);

/** Statuses in which milestones are marked done (or undone): the work is under way (时间节点完成). */
export const MILESTONES_OPEN: ReadonlySet<TaskStatus> = new Set(['accepted', 'in_progress']);

export const transitionFor = (from: TaskStatus, action: TaskAction): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The actions this actor (holding these sides) may take from `from`, in table order. */
export function allowedActions(from: TaskStatus, sides: ReadonlySet<Side>): TaskAction[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === from && sides.has(t.who)).map((t) => t.action))];
}

export const isOpen = (status: TaskStatus) => status !== 'closed';

export const STATUS_LABELS: Record<TaskStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  assigned: { zh: '已交办', en: 'assigned' },
  accepted: { zh: '已签收', en: 'accepted' },
  refused: { zh: '已拒收', en: 'refused' },
  in_progress: { zh: '推进中', en: 'in progress' },
  close_requested: { zh: '申请销号', en: 'close-out requested' },
  closed: { zh: '已销号', en: 'closed' },
};

export const ACTION_LABELS: Record<TaskAction, { zh: string; en: string }> = {
  assign: { zh: '交办', en: 'assigned' },
  accept: { zh: '签收', en: 'accepted' },
  refuse: { zh: '拒收', en: 'refused' },
  report: { zh: '报送进展', en: 'reported on' },
  request_close: { zh: '申请销号', en: 'submitted for close-out' },
  close: { zh: '销号', en: 'closed' },
  return: { zh: '退回重办', en: 'returned' },
  reopen: { zh: '重新打开', en: 'reopened' },
};
