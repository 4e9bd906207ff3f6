/**
 * Messages of the department's own steps and of truthful dates (issue 12), spread into
 * ERROR_MESSAGES and DETAIL_MESSAGES (messages.ts). Same rules: zh-CN first, complete en-US,
 * `{name}` placeholders filled from the error's params.
 */
export const TASK_WORKFLOW_ERRORS = {
  due_date_past: {
    'zh-CN': '完成时限 {date} 早于今天（{today}）。补录已发生的任务须由办公室勾选“补录”后提交',
    'en-US': 'The due date {date} is before today ({today}). Only the office may record a past task, by ticking "Back-fill"',
  },
  due_date_outside_plan: {
    'zh-CN': '完成时限 {date} 不在计划“{plan}”的期间（{start} 至 {end}）内。确需补录的，由办公室勾选“补录”后提交',
    'en-US':
      'The due date {date} lies outside the period of the plan "{plan}" ({start} to {end}). To back-fill on purpose, the office ticks "Back-fill"',
  },
  backfill_not_allowed: {
    'zh-CN': '只有办公室（补录权限）可以补录历史任务',
    'en-US': 'Only the office (the back-fill permission) may back-fill past tasks',
  },
  extension_not_later: {
    'zh-CN': '延期后的完成时限须晚于当前完成时限 {due}',
    'en-US': 'The new due date must be later than the current one, {due}',
  },
  extension_pending: {
    'zh-CN': '已有一份待审批的延期申请（延至 {date}），请等待办公室审批',
    'en-US': 'An extension to {date} is already waiting for the office',
  },
  no_extension_pending: {
    'zh-CN': '该任务没有待审批的延期申请',
    'en-US': 'This task has no extension request waiting for a decision',
  },
  dispatch_outside_department: {
    'zh-CN': '分办对象须是牵头部门“{department}”的在岗人员或岗位',
    'en-US': 'A task can be dispatched only to a present person or a post of the lead department "{department}"',
  },
  share_not_open: {
    'zh-CN': '只有已签收、推进中或进展待审核的任务可以报送协办进展（当前为“{status}”）',
    'en-US': 'Cooperating departments report while a task is accepted, in progress or has a report under review (this one is "{statusEn}")',
  },
} as const;

export const TASK_WORKFLOW_DETAILS = {
  post_or_person: { 'zh-CN': '请选择一个岗位或一名人员（只选其一）', 'en-US': 'choose one post or one person (not both)' },
  refusal_reason_required: { 'zh-CN': '不同意延期须说明理由', 'en-US': 'give a reason for refusing the extension' },
  // a row of a plan import (计划导入) whose due date does not tell the truth: the task API's rule, per row
  import_due_date_past: {
    'zh-CN': '完成时限 {date} 早于今天（{today}）。补录历史任务须由有补录权限的人勾选“补录”后导入',
    'en-US':
      'the due date {date} is before today ({today}). To back-fill past tasks, someone with the back-fill permission ticks "Back-fill" when importing',
  },
  import_due_date_outside_plan: {
    'zh-CN': '完成时限 {date} 不在计划“{plan}”的期间（{start} 至 {end}）内。确需补录的，由有补录权限的人勾选“补录”后导入',
    'en-US':
      'the due date {date} lies outside the period of the plan "{plan}" ({start} to {end}). To back-fill on purpose, someone with the back-fill permission ticks "Back-fill" when importing',
  },
} as const;
