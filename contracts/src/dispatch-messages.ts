/**
 * Messages of 一周一调度 (weekly dispatch), spread into ERROR_MESSAGES and DETAIL_MESSAGES
 * (messages.ts). Same rules: zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const DISPATCH_ERRORS = {
  dispatch_sheet_exists: {
    'zh-CN': '{week} 的调度单已经起草（“{title}”），请直接打开编辑',
    'en-US': 'The dispatch sheet of {week} has already been drafted ("{title}"); open it instead',
  },
  dispatch_week_outside_plan: {
    'zh-CN': '{week}（{start} 至 {end}）不在计划“{plan}”的期间（{planStart} 至 {planEnd}）内',
    'en-US': '{week} ({start} to {end}) lies outside the period of the plan "{plan}" ({planStart} to {planEnd})',
  },
  dispatch_sheet_closed: {
    'zh-CN': '调度单已归档，不能再修改',
    'en-US': 'The dispatch sheet is closed and can no longer be changed',
  },
  dispatch_sheet_not_held: {
    'zh-CN': '调度会议尚未记录：请先记录会议，再填写议定事项或归档',
    'en-US': 'The meeting has not been recorded yet: record it before adding decisions or closing the sheet',
  },
  dispatch_decision_has_task: {
    'zh-CN': '第 {number} 项议定事项已转为督办任务（{code}），不能删除或重复转办',
    'en-US': 'Decision {number} is already the supervised task {code}; it cannot be removed or made a task again',
  },
  dispatch_decisions_untracked: {
    'zh-CN': '还有 {count} 项议定事项未转为督办任务，请先转办再归档',
    'en-US': '{count} decision(s) are not yet supervised tasks; make them tasks before closing the sheet',
  },
} as const;

export const DISPATCH_DETAILS = {
  dispatch_due_before_meeting: {
    'zh-CN': '完成时限不能早于调度会议日期（{date}）',
    'en-US': 'the due date cannot be before the meeting ({date})',
  },
  dispatch_meeting_in_future: {
    'zh-CN': '会议日期不能晚于今天（{today}）：会议召开后再记录',
    'en-US': 'the meeting cannot be dated after today ({today}): record it once it has been held',
  },
  dispatch_absence_reason_required: {
    'zh-CN': '请填写缺席原因',
    'en-US': 'give the reason for the absence',
  },
  dispatch_attendee_twice: {
    'zh-CN': '与第 {n} 位参会人员重复',
    'en-US': 'the same person as attendee {n}',
  },
  dispatch_owner_not_in_department: {
    'zh-CN': '责任人须是责任单位“{department}”的人员',
    'en-US': 'the person responsible must belong to the department "{department}"',
  },
  dispatch_owner_outside_sheet: {
    'zh-CN': '责任单位须是“{department}”或其下属单位',
    'en-US': 'the department responsible must be "{department}" or one of its units',
  },
  dispatch_item_not_on_sheet: {
    'zh-CN': '不是本调度单上的事项',
    'en-US': 'not an item of this dispatch sheet',
  },
  dispatch_measure_required: {
    'zh-CN': '请选择督办任务所属的举措（该议定事项不涉及已有任务）',
    'en-US': 'choose the measure the task goes under (this decision concerns no existing task)',
  },
} as const;
