/** 督查督办: plan, tasks, board, inbox (zh-CN, the source of truth for the keys). */
export const zhTasks = {
  task: {
    listTitle: '任务清单', listSubtitle: '督办任务', create: '新建任务', editTitle: '编辑任务 {{code}}', export: '导出 XLSX',
    createdDraft: '任务已创建（草稿），请确认后交办', searchPlaceholder: '编号 / 标题（至少两个字）', totalCapped: '共 {{total}}+ 条（仅列出前 {{total}} 条，请补充关键词或筛选条件缩小范围）', notFound: '任务不存在或无权查看', backToList: '返回任务清单',
    statuses: { draft: '草稿', assigned: '已交办', accepted: '已签收', refused: '已拒收', in_progress: '推进中', close_requested: '申请销号', closed: '已销号' },
    warnings: { none: '正常', blue: '蓝色预警', yellow: '黄色预警', red: '红色预警' },
    warningShort: { none: '正常', blue: '蓝色', yellow: '黄色', red: '红色' },
    actions: {
      assign: '交办', accept: '签收', refuse: '拒收', report: '报送进展', request_close: '申请销号', close: '销号', return: '退回重办',
      reopen: '重新打开', urge: '催办', instruct: '批示',
    },
    events: {
      create: '创建任务', update: '修改任务', assign: '交办', accept: '签收', refuse: '拒收', report: '报送进展', request_close: '申请销号',
      close: '销号', return: '退回重办', reopen: '重新打开', urge: '催办', instruct: '领导批示', escalate: '升级督办', grade: '五字评定', warning: '预警变化',
      milestone_done: '时间节点完成', milestone_reopen: '撤销节点完成',
    },
    commentLabels: {
      assign: '交办说明', accept: '签收意见', refuse: '拒收理由', report: '进展情况', request_close: '完成情况说明', close: '销号意见',
      return: '退回理由', reopen: '重新打开原因', urge: '催办内容', instruct: '批示内容',
    },
    tabs: { mine: '我的任务', dept: '本部门', overdue: '已逾期', all: '全部', leader: '按领导', programme: '按工程' },
    sorts: { due: '按完成时限', warning: '按预警等级', updated: '按最近更新', code: '按编号' },
    fields: {
      code: '编号', title: '任务名称', statement: '任务书', deliverables: '预期成果', programme: '工程', measure: '举措',
      leadDepartment: '牵头部门', cooperating: '配合部门', post: '责任岗位', handler: '责任人', leader: '分管领导',
      startDate: '开始日期', dueDate: '完成时限', dates: '时间', weight: '权重', tagged: '挂牌作战', progress: '进度',
      schedule: '序时进度', daysLeft: '剩余工作日', milestones: '时间节点', status: '状态', warning: '预警', updatedAt: '最近更新', closedAt: '销号时间',
    },
    sections: { responsibility: '责任分工', timetable: '时间表', history: '任务记录' },
    daysLeft: { left: '剩 {{n}} 个工作日', today: '今日到期', overdue: '逾期 {{n}} 个工作日', closed: '—' },
    scheduleHint: '实际进度 {{progress}}% · 序时进度 {{schedule}}%',
    taggedOnly: '仅挂牌事项', untagged: '未挂牌', byLeaderHint: '分管领导：', byProgrammeHint: '六大工程：',
    leaderOf: '{{name}}（{{programme}}）', leaderOfUnknown: '{{programme}}牵头领导',
    codeHint: '留空自动编号', postHint: '责任人随岗位：A 岗不在时由 B 岗顶岗', pickLeadFirst: '请先选择牵头部门', pickPerson: '搜索姓名',
    weightHint: '1–100，用于进度加权', taggedHint: '列入挂牌作战看板', workingDays: '共 {{count}} 个工作日', datesOutOfOrder: '完成时限不能早于开始日期',
    addMilestone: '添加时间节点', milestoneName: '节点 {{n}} 名称', milestoneNameRequired: '请填写节点名称',
    milestoneDoneBy: '{{name}} 于 {{at}} 标记完成', milestoneDoneLate: '逾期完成', milestoneLate: '已超期', noMilestones: '未设置时间节点',
    markMilestoneDone: '标记完成', undoMilestone: '撤销完成', undoMilestoneConfirm: '撤销“{{name}}”的完成标记？',
    milestoneMarked: '“{{name}}”已标记完成', milestoneUndone: '已撤销“{{name}}”的完成标记',
    noActions: '当前没有可执行的操作', noStatement: '未填写任务书', noEvents: '暂无记录',
    actionDone: '已{{action}}', commentRequired: '请填写{{field}}', allowedNow: '当前可执行：',
    conflictRefreshed: '任务已被他人更新，页面已刷新为最新内容，请确认后重试。',
    instructionsTitle: '领导批示（{{count}}）',
    evidence: {
      label: '佐证材料', add: '上传文件', hint: '可上传多个文件（文档、图片、表格等）', closeHint: '申请销号须附佐证材料，经办公室审核后销号',
    },
    grade: {
      title: '五字要求评定', saved: '评定已保存', none: '尚未评定',
      chars: { zhun: '准', kuai: '快', shi: '实', nong: '浓', xian: '显' },
      meanings: { zhun: '理解把握准', kuai: '推进落实快', shi: '工作措施实', nong: '宣传氛围浓', xian: '工作成效显' },
    },
  },
  plan: {
    title: '计划总览', subtitle: '六大工程 · 20 条具体举措', export: '导出计划', noPlan: '尚未建立行动计划',
    overall: '总体进度（加权）', taskTotal: '任务总数', progressChart: '各工程加权进度', warningChart: '预警分布', tree: '工程 → 举措',
    weightedProgress: '加权进度', measureCount: '{{count}} 条举措', taskCount: '{{count}} 项任务', weight: '权重 {{weight}}',
    name: '工程 / 举措', tasks: '任务数', colours: '预警分布', viewTasks: '查看任务',
  },
  board: {
    title: '挂牌作战', subtitle: '挂牌事项一件一销号：责任人、完成时限、剩余工作日一目了然', wall: '大屏模式', exitWall: '退出大屏',
    wallTitle: '挂牌作战 · 一件一销号', wallFoot: '每 60 秒自动刷新', updatedAt: '更新于 {{time}}', total: '挂牌事项 {{count}} 项',
    showing: '显示最紧急的 {{shown}} 项，共 {{total}} 项', tagged: '挂牌事项', owner: '责任人', deadline: '时限', leader: '分管领导',
  },
  inbox: {
    title: '我的消息', subtitle: '{{count}} 条未读', all: '全部', unread: '未读', readAll: '全部标为已读', markRead: '标为已读',
    allRead: '已将 {{count}} 条消息标为已读', empty: '暂无消息', noUnread: '没有未读消息', bellUnread: '{{count}} 条未读消息',
    kinds: {
      assign: '交办', refuse: '拒收', request_close: '申请销号', return: '退回重办', close: '销号', reopen: '重新打开',
      urge: '催办', instruct: '批示', escalate: '升级督办', warning_red: '红色预警', warning_yellow: '黄色预警', warning_blue: '蓝色预警', warning_none: '预警解除', other: '通知',
    },
  },
};
