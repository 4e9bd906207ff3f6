/**
 * Messages of 一月一小结 and 半年一总结 (monthly summaries, typical experiences, their compiled
 * documents), spread into ERROR_MESSAGES and DETAIL_MESSAGES (messages.ts). Same rules: zh-CN first,
 * complete en-US, `{name}` placeholders from the error's params.
 */
export const SUMMARY_ERRORS = {
  summary_other_department: {
    'zh-CN': '只能报送本部门的材料：您不能代“{department}”报送',
    'en-US': 'You may only submit for your own department, not for “{department}”',
  },
  summary_month_not_ended: {
    'zh-CN': '{month} 的工作尚未结束：月度小结自本月最后一个工作日（{opensOn}）起报送',
    'en-US': 'The month {month} has not ended yet: its summary can be submitted from its last working day ({opensOn})',
  },
  summary_already_submitted: {
    'zh-CN': '“{department}”{month} 的月度小结已经报送，正在等待审核；如需修改，请联系办公室退回',
    'en-US': 'The {month} summary of “{department}” has already been submitted and awaits review; ask the office to return it to change it',
  },
  summary_accepted: {
    'zh-CN': '“{department}”{month} 的月度小结已通过审核，不能再修改',
    'en-US': 'The {month} summary of “{department}” has been accepted and can no longer be changed',
  },
  summary_not_submitted: {
    'zh-CN': '这份月度小结尚未报送（或已退回），不能审核',
    'en-US': 'This summary has not been submitted (or was returned), so it cannot be reviewed',
  },
  experience_period_future: {
    'zh-CN': '{period} 还没有开始，不能提交该半年的典型经验',
    'en-US': 'The half year {period} has not begun; experiences cannot be submitted for it yet',
  },
  experience_collection_published: {
    'zh-CN': '{period} 的典型经验汇编已经发布，不能再提交或修改该半年的典型经验',
    'en-US': 'The experience collection of {period} has been published; experiences of that half year can no longer be added or changed',
  },
  experience_duplicate: {
    'zh-CN': '本部门 {period} 已经提交过题为“{title}”的典型经验',
    'en-US': 'Your department has already submitted an experience titled “{title}” for {period}',
  },
  experience_published: {
    'zh-CN': '这篇典型经验已编入汇编发布，不能再修改',
    'en-US': 'This experience has been published in a collection and can no longer be changed',
  },
  summary_document_exists: {
    'zh-CN': '{period} 的“{title}”已经起草，请直接打开编辑',
    'en-US': '“{title}” for {period} has already been drafted; open it instead',
  },
  summary_document_published: {
    'zh-CN': '“{title}”已经发布（{number}），不能再修改',
    'en-US': '“{title}” has been published ({number}) and can no longer be changed',
  },
  summary_document_empty: {
    'zh-CN': '{period} 还没有可以汇编的内容：月度小结须先审核通过，典型经验须先入选',
    'en-US': 'There is nothing to compile for {period} yet: summaries must be accepted, experiences selected',
  },
  summary_period_not_ended: {
    'zh-CN': '{period} 尚未结束，不能汇编',
    'en-US': '{period} has not ended yet and cannot be compiled',
  },
} as const;

export const SUMMARY_DETAILS = {
  summary_department_required: {
    'zh-CN': '请选择报送部门（您的账号没有绑定部门）',
    'en-US': 'choose the department (your account belongs to none)',
  },
  summary_period_kind: {
    'zh-CN': '月度小结填月份（如 2026-03），典型经验汇编填半年（如 2026-H1）',
    'en-US': 'a monthly summary takes a month (2026-03), an experience collection a half year (2026-H1)',
  },
} as const;
