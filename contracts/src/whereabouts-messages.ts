/**
 * Messages of 工作人员去向牌 and planned absences (whereabouts, issue 13), spread into ERROR_MESSAGES
 * and DETAIL_MESSAGES (messages.ts). Same rules: zh-CN first, complete en-US, `{name}` placeholders.
 */
export const WHEREABOUTS_ERRORS = {
  whereabouts_needs_person: {
    'zh-CN': '您的账号没有关联人员，没有自己的去向',
    'en-US': 'Your account is not linked to a person, so it has no whereabouts of its own',
  },
  whereabouts_person_left: {
    'zh-CN': '“{name}”已离职，不能设置去向或登记请假、出差',
    'en-US': '"{name}" has left: no whereabouts or absences can be set',
  },
  absence_overlaps: {
    'zh-CN': '与已登记的{kind}（{startsAt} 至 {endsAt}）时间重叠，请先撤销那一条或调整时间',
    'en-US': 'It overlaps the {kindEn} already registered ({startsAt} to {endsAt}); cancel that one or change the times',
  },
  absence_not_cancellable: {
    'zh-CN': '这条登记{status}，不能再撤销',
    'en-US': 'This absence {statusEn} and can no longer be cancelled',
  },
} as const;

export const WHEREABOUTS_DETAILS = {
  absence_ends_before_start: {
    'zh-CN': '结束时间须晚于开始时间',
    'en-US': 'must be after the start',
  },
  absence_already_over: {
    'zh-CN': '结束时间已经过去，无需登记',
    'en-US': 'is already past; there is nothing to register',
  },
  return_in_past: {
    'zh-CN': '预计返回时间须晚于现在',
    'en-US': 'the expected return must be in the future',
  },
} as const;
