/**
 * Messages of 整改 (rectification), spread into ERROR_MESSAGES and DETAIL_MESSAGES (messages.ts).
 * Same rules: zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const RECTIFICATION_ERRORS = {
  rectification_state: {
    'zh-CN': '这项整改事项{state}，不能{action}',
    'en-US': 'This rectification item {stateEn}: it cannot be {actionEn} now',
  },
  rectification_revisit_first: {
    'zh-CN': '差评整改须先回访，再核实办结（先记录回访结果）',
    'en-US': 'A bad review must be revisited before it is verified: record the revisit first',
  },
} as const;

export const RECTIFICATION_DETAILS = {
  rectification_owner_outside: {
    'zh-CN': '只能指派本部门在岗的人员',
    'en-US': 'only a person at work in the department can be assigned',
  },
  rectification_person_outside: {
    'zh-CN': '所涉人员须是该部门的人员',
    'en-US': 'the person concerned must belong to the department',
  },
  rectification_due_past: {
    'zh-CN': '整改期限不能早于今天（{today}）',
    'en-US': 'the deadline cannot be before today ({today})',
  },
  revisit_date_future: {
    'zh-CN': '回访日期不能晚于今天（{today}）',
    'en-US': 'the revisit cannot be dated after today ({today})',
  },
  revisit_date_before_submission: {
    'zh-CN': '回访日期不能早于整改报送日期（{date}）',
    'en-US': 'the revisit cannot be dated before the submission ({date})',
  },
} as const;
