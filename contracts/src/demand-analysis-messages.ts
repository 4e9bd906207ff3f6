/**
 * Messages of 汇总、分析、论证 (issue 14, item 5), spread into DEMAND_ERRORS (demand-messages.ts). The
 * leadership group and the office read them: each says what the cluster's state is and what to do.
 * `{state}` / `{stateEn}` are the cluster's state in either language.
 */
export const DEMAND_ANALYSIS_ERRORS = {
  demand_cluster_not_found: {
    'zh-CN': '没有找到这个议题：重新计算后，待论证的议题会重新生成，请刷新页面后再试',
    'en-US': 'No such cluster: a recompute makes the clusters not yet under evaluation anew; reload the page and try again',
  },
  demand_analysis_period_order: {
    'zh-CN': '统计截止日期（{to}）不能早于开始日期（{from}）',
    'en-US': 'The last day ({to}) must not be before the first day ({from})',
  },
  demand_cluster_not_open: {
    'zh-CN': '这个议题目前“{state}”，已经在论证流程中，无需再次列入',
    'en-US': 'This cluster is “{stateEn}” already; it need not be marked for evaluation again',
  },
  demand_cluster_not_marked: {
    'zh-CN': '请先把这个议题列入论证，再录入估算投资、可行性和责任部门',
    'en-US': 'Mark this cluster for evaluation first, then record its cost, feasibility and department',
  },
  demand_cluster_evaluation_closed: {
    'zh-CN': '这个议题目前“{state}”，论证意见已不能修改',
    'en-US': 'This cluster is “{stateEn}”; its evaluation can no longer be changed',
  },
  demand_cluster_department_unknown: {
    'zh-CN': '所选责任部门不存在或已撤销，请重新选择',
    'en-US': 'The responsible department chosen does not exist or has been closed; choose another',
  },
  demand_cluster_not_evaluated: {
    'zh-CN': '这个议题还没有完成论证（估算投资、可行性、责任部门），不能列为民生实事项目',
    'en-US': 'This cluster has not been evaluated (cost, feasibility, department), so it cannot be selected as a livelihood project',
  },
  demand_cluster_already_selected: {
    'zh-CN': '这个议题已列为 {year} 年民生实事项目（督办任务 {task}），不能重复遴选',
    'en-US': 'This cluster is already a {year} livelihood project (task {task}); it cannot be selected twice',
  },
  demand_cluster_withdrawn: {
    'zh-CN': '这个项目已撤销（理由：{reason}），不能再次遴选',
    'en-US': 'This project was withdrawn (reason: {reason}); it cannot be selected again',
  },
  demand_cluster_not_selected: {
    'zh-CN': '这个议题目前“{state}”，不是民生实事项目，无需撤销',
    'en-US': 'This cluster is “{stateEn}”, not a livelihood project; there is nothing to withdraw',
  },
  demand_project_dates_order: {
    'zh-CN': '完成时限（{dueDate}）不能早于开始日期（{startDate}）',
    'en-US': 'The due date ({dueDate}) must not be before the start date ({startDate})',
  },
} as const;
