/**
 * Messages of 领导批示 and 落实反馈 (issue 12), spread into ERROR_MESSAGES and DETAIL_MESSAGES
 * (messages.ts). Same rules: zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const INSTRUCTION_ERRORS = {
  instruction_not_awaiting: {
    'zh-CN': '这条批示{state}，不能再提交落实反馈',
    'en-US': 'This instruction {stateEn}: no feedback can be given now',
  },
} as const;

export const INSTRUCTION_DETAILS = {
  feedback_due_in_past: {
    'zh-CN': '反馈期限不能早于今天（{today}）',
    'en-US': 'the feedback date cannot be before today ({today})',
  },
} as const;
