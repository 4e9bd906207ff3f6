/**
 * Messages of the public loop (demands and suggestions, issue 14), spread into ERROR_MESSAGES
 * (messages.ts). zh-CN first, complete en-US, `{name}` placeholders from the error's params; the
 * public reads these, so they are polite and say what to do.
 */
export const DEMAND_ERRORS = {
  demand_not_found: { 'zh-CN': '没有找到这件诉求', 'en-US': 'No such demand' },
  demand_code_not_found: {
    'zh-CN': '没有找到这个查询码对应的诉求，请核对后再试',
    'en-US': 'No submission has this tracking code; please check it and try again',
  },
  demand_wrong_status: {
    'zh-CN': '这件诉求目前“{state}”，不能这样办理',
    'en-US': 'This demand is “{stateEn}” now; that cannot be done',
  },
  demand_too_many_files: {
    'zh-CN': '每件诉求最多附 {max} 个文件',
    'en-US': 'A submission may carry at most {max} files',
  },
  solicitation_not_found: { 'zh-CN': '没有找到这项征集活动', 'en-US': 'No such solicitation campaign' },
  solicitation_takes_suggestions: {
    'zh-CN': '征集活动只收民生实事建议；具体诉求请通过“我要反映”提交',
    'en-US': 'A solicitation campaign takes suggestions only; submit a demand through the demand form',
  },
  solicitation_closed: {
    'zh-CN': '感谢关注！“{title}”的征集时间为 {opensOn} 至 {closesOn}，现在不在征集期内，暂不接收新的建议',
    'en-US': 'Thank you for your interest! “{title}” takes suggestions from {opensOn} to {closesOn}; it is not open now',
  },
} as const;
