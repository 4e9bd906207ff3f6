import type { TaskAction } from './tasks.ts';

/**
 * What a step of a task's life cycle needs in TaskTransitionBody besides `action` and `version`.
 * The server refuses the step without it (400 naming the field); the web's action dialog asks for
 * exactly this. Which steps exist from which status is the server's table (task-lifecycle.ts).
 * - comment: 理由 or 意见 — why a task is refused, sent back or returned, what the office says when it closes or reopens it
 * - percent: 进度 reached, with a progress report
 * - evidence: 佐证材料 on file since the last return or reopen, attached now or with an earlier report
 */
export type TaskStepNeeds = { comment?: true; percent?: true; evidence?: true };

export const TASK_STEP_NEEDS: Readonly<Record<TaskAction, TaskStepNeeds>> = {
  assign: {}, // 交办
  accept: {}, // 签收
  refuse: { comment: true }, // 拒收（须说明理由）
  report: { percent: true }, // 报送进展
  request_close: { evidence: true }, // 申请销号（须附佐证）
  approve: {}, // 部门审核通过
  send_back: { comment: true }, // 部门审核退回（须说明理由）
  close: { comment: true }, // 销号（签署意见）
  return: { comment: true }, // 退回重办（须说明理由）
  reopen: { comment: true }, // 重新打开
};

/** The steps that carry 佐证材料 (`fileIds`): a progress report may, a close-out request must have some on file. */
export const TASK_STEPS_WITH_EVIDENCE: readonly TaskAction[] = ['report', 'request_close'];
