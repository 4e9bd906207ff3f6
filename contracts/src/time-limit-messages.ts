/**
 * Messages of 限时办结 (time limits), spread into DETAIL_MESSAGES (messages.ts). Same rules:
 * zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const TIME_LIMIT_DETAILS = {
  limit_working_days_range: {
    'zh-CN': '办结时限应为 {min} 至 {max} 个工作日的整数',
    'en-US': 'the limit must be a whole number of working days from {min} to {max}',
  },
} as const;
