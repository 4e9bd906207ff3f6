/**
 * Messages of 一季一通报 (quarterly bulletins), spread into ERROR_MESSAGES and DETAIL_MESSAGES
 * (messages.ts). Same rules: zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const BULLETIN_ERRORS = {
  bulletin_quarter_not_ended: {
    'zh-CN': '{year}年第{quarter}季度尚未结束（{end} 结束），季度结束后才能起草通报',
    'en-US': 'Quarter {quarter} of {year} has not ended yet (it ends on {end}); draft its bulletin once it has',
  },
  bulletin_exists: {
    'zh-CN': '{year}年第{quarter}季度的通报已经起草（“{title}”），请直接打开编辑',
    'en-US': 'The bulletin of quarter {quarter} of {year} has already been drafted ("{title}"); open it instead',
  },
  bulletin_quarter_outside_plan: {
    'zh-CN': '{year}年第{quarter}季度（{start} 至 {end}）不在计划“{plan}”的期间（{planStart} 至 {planEnd}）内',
    'en-US': 'Quarter {quarter} of {year} ({start} to {end}) lies outside the period of the plan "{plan}" ({planStart} to {planEnd})',
  },
  bulletin_published: {
    'zh-CN': '通报已发布（{number}），不能再修改',
    'en-US': 'The bulletin has been published ({number}) and can no longer be changed',
  },
  bulletin_not_draft: {
    'zh-CN': '通报已送审：只有草稿可以重新计算或调整指标权重，请先退回草稿',
    'en-US': 'The bulletin is in review: only a draft can be recomputed or re-weighted; return it to draft first',
  },
  bulletin_not_in_review: {
    'zh-CN': '通报尚未送审：送审后才能作领导点评或发布',
    'en-US': 'The bulletin is not in review: it takes comments and can be published only once submitted',
  },
  bulletin_nothing_ranked: {
    'zh-CN': '本季度没有可以排名的部门（计划内没有在办或办结的任务），不能送审',
    'en-US': 'No department can be ranked for this quarter (the plan has no task open or closed in it); it cannot be submitted',
  },
} as const;

export const BULLETIN_DETAILS = {
  bulletin_weights_sum: {
    'zh-CN': '各项指标的权重之和须为 100（现为 {sum}）',
    'en-US': 'the weights must add up to 100 (they add up to {sum})',
  },
  bulletin_indicator_twice: {
    'zh-CN': '指标重复',
    'en-US': 'this indicator is listed twice',
  },
  bulletin_indicator_unavailable: {
    'zh-CN': '群众评价暂无按部门、按季度的数据来源，权重须为 0',
    'en-US': 'public ratings have no source per department and quarter yet: their weight must be 0',
  },
} as const;
