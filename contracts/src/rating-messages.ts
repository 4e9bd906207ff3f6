/**
 * Messages of 亮牌上岗 and 好差评 (issue 13), spread into ERROR_MESSAGES (messages.ts). Same rules:
 * zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const BADGE_RATING_ERRORS = {
  rating_duplicate_badge: {
    'zh-CN': '您今天已经评价过这位工作人员了：同一次服务只能评价一次，明天可再次评价',
    'en-US': 'You have already rated this member of staff today: one rating per service; you may rate again tomorrow',
  },
  rating_duplicate_enquiry: {
    'zh-CN': '这件事项已经评价过了，每件事项只能评价一次',
    'en-US': 'This enquiry has already been rated; each enquiry can be rated once',
  },
  enquiry_not_closed: {
    'zh-CN': '这件事项尚未办结，办结后才能评价',
    'en-US': 'This enquiry is not closed yet; it can be rated once it is closed',
  },
  rating_not_bad: {
    'zh-CN': '只有差评（不满意、非常不满意）可以申诉',
    'en-US': 'Only bad reviews (dissatisfied, very dissatisfied) can be appealed',
  },
  rating_appeal_exists: {
    'zh-CN': '这条差评已经申诉过（{state}），不能再次申诉',
    'en-US': 'This bad review has already been appealed ({stateEn}); it cannot be appealed again',
  },
  rating_not_appealed: {
    'zh-CN': '这条评价没有等待复核的申诉（{state}）',
    'en-US': 'This rating has no appeal awaiting review ({stateEn})',
  },
  badge_person_left: {
    'zh-CN': '“{name}”已离职，不能发放或打印工作牌',
    'en-US': '"{name}" has left: no badge can be issued or printed',
  },
  badge_revoked: {
    'zh-CN': '该工作牌已收回，请重新发放后再打印',
    'en-US': 'This badge has been withdrawn; reissue it before printing',
  },
  print_font_missing: {
    'zh-CN': '服务器未安装中文字体（如 fonts-noto-cjk），暂时无法生成打印件，请联系系统管理员安装后重试',
    'en-US':
      'No Chinese font is installed on the server (e.g. fonts-noto-cjk), so no printout can be made; ask the administrator to install one',
  },
} as const;

export const BADGE_RATING_DETAILS = {
  rating_period_too_long: {
    'zh-CN': '统计期间最长 {max} 个月，请缩短起止日期',
    'en-US': 'the period may span at most {max} months; narrow the dates',
  },
} as const;
