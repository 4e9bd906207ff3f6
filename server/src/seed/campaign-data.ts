/**
 * The demo campaign plan: 打造模范机关暨“勤廉新区”建设行动 — six programmes (六大工程), twenty
 * measures (20条具体举措), each decomposed to departments and posts. Department names are those of
 * the demo organisation (demo-org.ts). Fictional, but shaped like the real thing.
 */

export type DemoLeader = { name: string; title: string };
/** Area leaders (新区领导), one in charge of each programme (一名领导牵头一个项目). */
export const DEMO_LEADERS: DemoLeader[] = [
  { name: '周建华', title: '党工委书记' },
  { name: '李明远', title: '党工委副书记、管委会主任' },
  { name: '王志刚', title: '党工委委员、管委会副主任' },
  { name: '刘慧敏', title: '党工委委员、纪工委书记' },
  { name: '张卫东', title: '管委会副主任' },
  { name: '赵雅琴', title: '党工委委员、组织人事部部长' },
];
/** The leader who also gets the demo account `leader` (role 领导: reads everything, gives 批示). */
export const DEMO_LEADER_ACCOUNT = { username: 'leader', leader: 1 };

export type DemoMeasure = {
  code: string;
  name: string;
  weight: number;
  /** the measure's own tasks, led by the owning department: [title, deliverables] */
  owner: string;
  tasks: [string, string][];
  /** the roll-out to departments: `{dept}` is replaced by the department's name */
  rollout: { title: string; deliverables: string; departments: string[] };
};
export type DemoProgramme = { code: string; name: string; weight: number; leader: number; measures: DemoMeasure[] };

const m = (
  code: string,
  name: string,
  owner: string,
  tasks: [string, string][],
  rollout: DemoMeasure['rollout'],
  weight = 1,
): DemoMeasure => ({ code, name, weight, owner, tasks, rollout });

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    code: 'GC1',
    name: '政治引领工程',
    weight: 2,
    leader: 0,
    measures: [
      m(
        'JC01',
        '深化“第一议题”制度',
        '党群工作部',
        [
          ['制定党工委“第一议题”学习计划', '年度学习计划、学习记录本'],
          ['建立“第一议题”学习落实情况台账', '落实台账、季度通报'],
        ],
        {
          title: '{dept}落实“第一议题”学习并推动转化运用',
          deliverables: '学习记录、转化成果清单',
          departments: ['经济发展局', '营商环境局（行政审批局）', '社会事务局', '儒乐湖新城', '新区城投集团', '招商引资局', '党政办公室'],
        },
      ),
      m(
        'JC02',
        '开展青年理论学习小组“青年说”活动',
        '党群工作部',
        [
          ['组建13个青年理论学习小组并制定学习计划', '小组名单、学习计划'],
          ['举办“青年说”主题宣讲比赛', '活动方案、优秀宣讲稿汇编'],
        ],
        {
          title: '{dept}青年理论学习小组开展月度学习',
          deliverables: '学习记录、心得体会',
          departments: ['招商引资局', '数据局', '产业投资集团', '直管区临空组团'],
        },
      ),
      m(
        'JC03',
        '推进“三单一图”廉政风险防控',
        '纪检监察工委',
        [['修订权力清单、责任清单、风险清单和权力运行流程图编制指引', '编制指引、模板']],
        {
          title: '{dept}梳理“三单一图”并标注风险点',
          deliverables: '权力清单、责任清单、风险清单、流程图',
          departments: ['自然资源和规划局', '建设管理局', '财政金融局', '审批一科', '综合行政执法局', '机关事务中心'],
        },
        2,
      ),
    ],
  },
  {
    code: 'GC2',
    name: '服务创优工程',
    weight: 2,
    leader: 1,
    measures: [
      m(
        'JC04',
        '推行首问负责制',
        '政务服务中心',
        [
          ['制定首问负责制实施细则', '实施细则（印发稿）'],
          ['建立首问登记和转办跟踪系统', '系统上线报告'],
        ],
        {
          title: '{dept}建立首问负责登记台账并公开承诺',
          deliverables: '首问登记台账、公开承诺书',
          departments: ['政务服务科', '市场监管局', '社会事务局', '自然资源和规划局', '永修组团', '应急管理局', '共青组团'],
        },
      ),
      m(
        'JC05',
        '推行限时办结制',
        '营商环境局（行政审批局）',
        [
          ['梳理公布限时办结事项清单（按工作日计时）', '限时办结事项清单'],
          ['建立超时预警和督办机制', '预警规则、月度超时通报'],
        ],
        {
          title: '{dept}对照清单压缩办理时限',
          deliverables: '压缩时限对照表',
          departments: ['审批一科', '自然资源和规划局', '生态环境局', '建设管理局', '市场监管局', '应急管理局'],
        },
        2,
      ),
      m('JC06', '推行亮牌上岗制', '政务服务中心', [['统一制作工作牌和窗口公示牌', '工作牌样式、公示牌']], {
        title: '{dept}工作人员亮牌上岗并接受群众评议',
        deliverables: '亮牌照片、评议记录',
        departments: ['政务服务科', '社会事务局', '市场监管局', '应急管理局', '共青组团', '桑海组团'],
      }),
      m('JC07', '推行AB岗制', '组织人事部', [['制定AB岗工作制度并明确A、B角职责', 'AB岗制度、岗位对照表']], {
        title: '{dept}落实AB岗互为补位，确保岗位不空、工作不断',
        deliverables: 'AB岗对照表、补位记录',
        departments: ['党政办公室', '财政金融局', '科技创新局', '数据局', '综合行政执法局', '社会事务局', '招商引资局'],
      }),
      m(
        'JC08',
        '深化“放管服”改革',
        '营商环境局（行政审批局）',
        [
          ['推行承诺即办、秒批和工程建设项目豁免清单', '豁免清单、秒批事项目录'],
          ['扩大电子证照、电子印章应用和异地通办范围', '应用情况报告'],
          ['对标一流营商环境推进181项改革举措', '改革举措进度表'],
        ],
        {
          title: '{dept}承接“放管服”改革事项落地',
          deliverables: '改革事项落实报告',
          departments: ['审批一科', '数据局', '市场监管局', '财政金融局', '自然资源和规划局', '建设管理局'],
        },
        3,
      ),
    ],
  },
  {
    code: 'GC3',
    name: '作风提升工程',
    weight: 2,
    leader: 2,
    measures: [
      m('JC09', '推进“会少了、文短了”精文简会', '党政办公室', [['建立会议、文件计划管理和月度统计', '会议文件统计月报']], {
        title: '{dept}压减会议和发文数量',
        deliverables: '会议、发文对比台账',
        departments: ['经济发展局', '招商引资局', '建设管理局', '社会事务局', '党群工作部', '财政金融局'],
      }),
      m(
        'JC10',
        '推行一线工作法',
        '模范机关建设领导小组办公室',
        [
          ['建立“一周一调度、一月一小结、一季一通报、半年一总结”机制', '工作机制、调度记录'],
          ['编发季度进展通报', '季度通报'],
        ],
        {
          title: '{dept}领导班子成员深入一线解决问题',
          deliverables: '一线工作日志、问题解决清单',
          departments: ['儒乐湖新城', '直管区临空组团', '永修组团', '共青组团', '桑海组团'],
        },
      ),
      m(
        'JC11',
        '实行挂牌作战“一件一销号”',
        '督查室',
        [
          ['建立挂牌督办事项清单和销号管理办法', '挂牌清单、销号办法'],
          ['重点难点问题挂牌攻坚', '攻坚方案、销号审核表'],
        ],
        {
          title: '{dept}挂牌事项攻坚并申请销号',
          deliverables: '佐证材料、销号申请',
          departments: ['建设管理局', '自然资源和规划局', '应急管理局', '新区城投集团'],
        },
        2,
      ),
      m(
        'JC12',
        '重大项目“一周一调度”',
        '经济发展局',
        [
          ['建立重大项目红黄绿灯调度台账', '调度台账、周报'],
          ['推进30个省大中型项目、12个省重点项目按序时进度建设', '项目进度表'],
        ],
        {
          title: '{dept}推进重大项目开工和投资入统',
          deliverables: '开工证明、入统材料',
          departments: ['项目管理科', '新区城投集团', '产业投资集团', '儒乐湖新城', '直管区临空组团'],
        },
        3,
      ),
    ],
  },
  {
    code: 'GC4',
    name: '监管强化工程',
    weight: 1,
    leader: 3,
    measures: [
      m(
        'JC13',
        '开展“四不两直”暗访',
        '纪检监察工委',
        [
          ['制定年度暗访计划（严格保密）', '暗访计划'],
          ['开展窗口单位作风暗访并通报', '暗访通报'],
        ],
        {
          title: '{dept}对照暗访发现问题立行立改',
          deliverables: '整改报告',
          departments: ['政务服务中心', '市场监管局', '综合行政执法局', '社会事务局', '自然资源和规划局'],
        },
      ),
      m('JC14', '抽查工作台账', '第一监督检查室', [['制定工作台账抽查办法并每季度随机抽查', '抽查办法、抽查记录']], {
        title: '{dept}规范工作台账并迎接抽查',
        deliverables: '工作台账',
        departments: ['财政金融局', '社会事务局', '生态环境局', '机关事务中心', '应急管理局', '数据局'],
      }),
      m(
        'JC15',
        '问题整改清单化管理和问责',
        '案件审理室',
        [
          ['建立问题整改清单，逐项明确时限和责任人', '整改清单'],
          ['对整改不力的依规依纪问责', '问责情况通报'],
        ],
        {
          title: '{dept}完成监督检查发现问题整改',
          deliverables: '整改报告、佐证材料',
          departments: ['建设管理局', '自然资源和规划局', '新区城投集团'],
        },
      ),
    ],
  },
  {
    code: 'GC5',
    name: '奖优罚劣工程',
    weight: 1,
    leader: 4,
    measures: [
      m(
        'JC16',
        '政务服务“好差评”',
        '政务服务中心',
        [
          ['实现“好差评”线上线下全覆盖', '评价渠道清单'],
          ['差评件限时整改和回访', '差评整改台账、回访记录'],
        ],
        {
          title: '{dept}差评件整改回访',
          deliverables: '整改回访记录',
          departments: ['政务服务科', '市场监管局', '社会事务局', '自然资源和规划局', '应急管理局'],
        },
      ),
      m(
        'JC17',
        '开展勤廉建设考核评价',
        '模范机关建设领导小组办公室',
        [
          ['制定勤廉建设考核评价办法', '考核办法'],
          ['开展半年考核评价并通报排名', '考核结果通报'],
        ],
        {
          title: '{dept}对照考核指标开展自评',
          deliverables: '自评报告',
          departments: ['经济发展局', '营商环境局（行政审批局）', '招商引资局', '组织人事部', '社会事务局', '建设管理局'],
        },
      ),
      m(
        'JC18',
        '招商引资“赛马比拼”',
        '招商引资局',
        [
          ['围绕“1+2+3+N”产业体系开展以商招商、基金招商', '签约项目清单'],
          ['推动在谈项目签约、开工、入统', '项目推进表'],
        ],
        {
          title: '{dept}完成年度招商引资任务',
          deliverables: '签约协议、入统材料',
          departments: ['产业投资集团', '科技创新局', '直管区临空组团'],
        },
        2,
      ),
    ],
  },
  {
    code: 'GC6',
    name: '文化涵养工程',
    weight: 1,
    leader: 5,
    measures: [
      m(
        'JC19',
        '开展“以案为镜”警示教育',
        '纪检监察工委',
        [
          ['编印典型案例警示教育读本', '警示教育读本'],
          ['召开警示教育大会', '会议记录'],
        ],
        {
          title: '{dept}组织观看警示教育片并开展讨论',
          deliverables: '学习记录',
          departments: ['新区城投集团', '产业投资集团', '机关事务中心', '建设管理局', '综合行政执法局'],
        },
      ),
      m(
        'JC20',
        '办好民生实事',
        '社会事务局',
        [
          ['征集汇总明年民生实事项目建议', '征集汇总表'],
          ['开通至科学城新公交线路并投放10辆电动公交', '线路开通报告'],
        ],
        {
          title: '{dept}推进民生实事项目建设',
          deliverables: '项目进展报告',
          departments: ['儒乐湖新城', '永修组团', '建设管理局', '应急管理局', '直管区临空组团'],
        },
        2,
      ),
    ],
  },
];

/** Sub-tasks of the first task of some measures: [measure code, title, lead department]. */
export const DEMO_SUBTASKS: [string, string, string][] = [
  ['JC11', '督查室建立挂牌事项周调度台账', '督查室'],
  ['JC11', '挂牌事项现场核验和销号审核', '督查室'],
  ['JC12', '项目管理科汇总省重点项目月度投资完成情况', '项目管理科'],
  ['JC12', '统计科开展投资项目入统核查', '统计科'],
  ['JC08', '政务服务科推行自助快办和帮办代办', '政务服务科'],
  ['JC20', '社会事务局组织民生实事项目论证', '社会事务局'],
];

export const REFUSAL_REASONS = ['该事项主要职责在其他部门，建议调整牵头单位', '任务时限与年度计划冲突，请协调后重新交办'];
export const RETURN_REASONS = ['佐证材料不完整，请补充现场照片和台账', '成效不够明显，请继续推进后再申请销号'];
export const REPORT_TEXTS = [
  '已制定工作方案，明确责任人和时间节点',
  '召开专题推进会，研究解决重点问题',
  '已完成阶段性任务，正在推进下一环节',
  '完成调研摸底，形成问题清单',
  '按序时进度推进，台账已更新',
  '已全部完成，材料已归档',
];
