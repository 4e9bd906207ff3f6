import type { DepartmentKind } from '@qinlian/contracts';

/**
 * The demo organisation: a national-level new area's Party Working Committee and Administrative
 * Committee (勤廉新区党工委管委会), its working departments, town-level groups (组团) and
 * state-owned companies, some with sections (科室). Fictional, but shaped like the real thing.
 */
export type DemoDepartment = {
  name: string;
  /** 登录名前缀: the post holders of the department sign in as `<code>.<n>` (n: their place in the department, 0 = head) */
  code: string;
  kind: DepartmentKind;
  /** head, deputy, then the titles the rest of the staff hold */
  titles: { head: string; deputy: string; staff: string[] };
  /** how many people besides head and deputy */
  staff: number;
  posts: { name: string; duties: string }[];
  sections?: DemoDepartment[];
};

export const DEMO_ROOT = { name: '勤廉新区党工委管委会', kind: 'committee' as const };

const bureau = { head: '局长', deputy: '副局长', staff: ['科长', '副科长', '一级主任科员', '科员', '科员'] };
const office = { head: '主任', deputy: '副主任', staff: ['科长', '一级主任科员', '科员', '科员'] };
const ministry = { head: '部长', deputy: '副部长', staff: ['科长', '一级主任科员', '科员'] };
const section = { head: '科长', deputy: '副科长', staff: ['一级主任科员', '科员', '科员'] };
const town = { head: '党工委书记', deputy: '管委会主任', staff: ['副主任', '办公室主任', '科员', '科员'] };
const company = { head: '董事长', deputy: '总经理', staff: ['副总经理', '部门经理', '职员', '职员'] };

const p = (name: string, duties: string) => ({ name, duties });
/** posts every office has (AB岗): drafting, information, supervision */
const common = {
  drafting: p('综合文稿岗', '起草本单位工作计划、总结、请示报告；审核对外行文'),
  info: p('信息报送岗', '收集报送政务信息、工作动态和“勤廉新区”建设进展'),
  urge: p('督查督办岗', '跟踪领导批示和交办事项，按时催办、反馈办理结果'),
  finance: p('财务报账岗', '经费预算执行、报账审核和固定资产登记'),
  window: p('政务服务窗口岗', '窗口受理、一次性告知、限时办结和好差评回访'),
  safety: p('安全生产岗', '隐患排查台账、值班值守和突发事件信息报告'),
};

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    name: '党政办公室',
    code: 'dzb',
    kind: 'department',
    titles: office,
    staff: 4,
    posts: [common.drafting, common.urge, p('机要文电岗', '公文收发、机要文件流转和印章管理')],
    sections: [
      {
        name: '督查室',
        code: 'dcs',
        kind: 'department',
        titles: section,
        staff: 2,
        posts: [p('督查台账岗', '重点工作督查台账的登记、更新和销号')],
      },
    ],
  },
  {
    name: '党群工作部',
    code: 'dqb',
    kind: 'department',
    titles: ministry,
    staff: 3,
    posts: [p('理论学习岗', '党工委理论学习中心组学习计划和“第一议题”记录'), common.info],
  },
  {
    name: '模范机关建设领导小组办公室',
    code: 'lxb',
    kind: 'group',
    titles: office,
    staff: 4,
    posts: [
      p('活动统筹岗', '“打造模范机关暨勤廉新区建设行动”方案、调度和季度通报'),
      p('考核评价岗', '各部门勤廉建设考核评分和结果运用'),
      common.info,
    ],
  },
  {
    name: '纪检监察工委',
    code: 'jjgw',
    kind: 'department',
    titles: { head: '书记', deputy: '副书记', staff: ['室主任', '一级主任科员', '科员'] },
    staff: 3,
    posts: [p('信访举报岗', '受理信访举报，登记、分流和反馈')],
    sections: [
      {
        name: '第一监督检查室',
        code: 'jcs1',
        kind: 'department',
        titles: { head: '主任', deputy: '副主任', staff: ['科员', '科员'] },
        staff: 2,
        posts: [p('日常监督岗', '联系部门的日常监督、廉政风险点核查')],
      },
      {
        name: '案件审理室',
        code: 'slds',
        kind: 'department',
        titles: { head: '主任', deputy: '副主任', staff: ['科员'] },
        staff: 1,
        posts: [p('案件审理岗', '审核调查报告，提出处理意见')],
      },
    ],
  },
  {
    name: '组织人事部',
    code: 'zzb',
    kind: 'department',
    titles: ministry,
    staff: 3,
    posts: [p('干部管理岗', '干部档案、任免和年度考核'), p('人事工资岗', '编制、工资和社保业务')],
  },
  {
    name: '营商环境局（行政审批局）',
    code: 'ysj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [p('营商环境监测岗', '营商环境对标提升举措的调度和评估')],
    sections: [
      { name: '政务服务科', code: 'zwfwk', kind: 'department', titles: section, staff: 2, posts: [common.window] },
      {
        name: '审批一科',
        code: 'sp1k',
        kind: 'department',
        titles: section,
        staff: 2,
        posts: [p('投资项目审批岗', '承诺即办、秒批和豁免清单事项审批')],
      },
    ],
  },
  {
    name: '招商引资局',
    code: 'zsj',
    kind: 'department',
    titles: bureau,
    staff: 4,
    posts: [p('项目招引岗', '在谈项目跟踪、签约和落地推进'), p('招商信息岗', '招商项目库维护和入统统计')],
  },
  {
    name: '经济发展局',
    code: 'jfj',
    kind: 'department',
    titles: bureau,
    staff: 4,
    posts: [common.drafting, p('重大项目调度岗', '省市重大项目投资进度调度和红黄绿灯预警')],
    sections: [
      { name: '综合科', code: 'jfzhk', kind: 'department', titles: section, staff: 2, posts: [common.finance] },
      {
        name: '项目管理科',
        code: 'xmglk',
        kind: 'department',
        titles: section,
        staff: 2,
        posts: [p('项目申报岗', '中央预算内投资和专项债项目申报')],
      },
      {
        name: '统计科',
        code: 'tjk',
        kind: 'department',
        titles: section,
        staff: 1,
        posts: [p('统计报表岗', '经济指标月度统计、“双过半”分析')],
      },
    ],
  },
  {
    name: '财政金融局',
    code: 'czj',
    kind: 'department',
    titles: bureau,
    staff: 4,
    posts: [p('预算管理岗', '部门预算编审和执行监控'), p('惠企政策兑现岗', '惠企政策“即申即享”资金审核拨付')],
  },
  {
    name: '自然资源和规划局',
    code: 'zrzyj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [p('用地报批岗', '建设用地报批和供地'), common.window],
  },
  { name: '生态环境局', code: 'sthjj', kind: 'department', titles: bureau, staff: 3, posts: [p('环境执法岗', '环境监察执法和信访件办理')] },
  {
    name: '建设管理局',
    code: 'jsglj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [p('质量安全监督岗', '在建工程质量安全监督检查'), common.safety],
  },
  {
    name: '社会事务局',
    code: 'shswj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [p('民生实事岗', '民生实事项目征集、论证和推进'), p('社会救助岗', '低保、临时救助审核')],
  },
  {
    name: '应急管理局',
    code: 'yjglj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [common.safety, p('应急值守岗', '24 小时值班和突发事件信息报送')],
  },
  {
    name: '市场监管局',
    code: 'scjgj',
    kind: 'department',
    titles: bureau,
    staff: 3,
    posts: [p('登记注册岗', '市场主体登记注册'), p('投诉举报岗', '消费投诉举报受理和回访')],
  },
  { name: '科技创新局', code: 'kjcxj', kind: 'department', titles: bureau, staff: 2, posts: [p('科技项目岗', '科技计划项目申报和验收')] },
  { name: '数据局', code: 'sjj', kind: 'department', titles: bureau, staff: 2, posts: [p('数据共享岗', '政务数据目录、共享交换和安全')] },
  { name: '综合行政执法局', code: 'zfj', kind: 'department', titles: bureau, staff: 2, posts: [p('执法监督岗', '执法案卷评查和执法监督')] },
  {
    name: '政务服务中心',
    code: 'zwzx',
    kind: 'department',
    titles: office,
    staff: 3,
    posts: [common.window, p('12345 热线岗', '诉求受理、派单、回复和回访')],
  },
  {
    name: '机关事务中心',
    code: 'jgzx',
    kind: 'department',
    titles: office,
    staff: 2,
    posts: [p('公务接待岗', '公务接待审批和清单管理'), common.finance],
  },
  {
    name: '儒乐湖新城',
    code: 'rlh',
    kind: 'town',
    titles: town,
    staff: 3,
    posts: [common.drafting, p('征迁安置岗', '征收拆迁和安置房分配')],
  },
  {
    name: '直管区临空组团',
    code: 'lkzt',
    kind: 'town',
    titles: town,
    staff: 3,
    posts: [common.urge, p('社区治理岗', '网格化治理和矛盾纠纷排查')],
  },
  { name: '永修组团', code: 'yxzt', kind: 'town', titles: town, staff: 2, posts: [common.info] },
  { name: '共青组团', code: 'gqzt', kind: 'town', titles: town, staff: 2, posts: [common.info] },
  { name: '桑海组团', code: 'shzt', kind: 'town', titles: town, staff: 2, posts: [common.safety] },
  {
    name: '新区城投集团',
    code: 'ctjt',
    kind: 'company',
    titles: company,
    staff: 3,
    posts: [p('融资管理岗', '项目融资和债务风险管理'), p('工程管理岗', '代建项目进度和质量管理')],
  },
  { name: '产业投资集团', code: 'cyjt', kind: 'company', titles: company, staff: 3, posts: [p('基金管理岗', '产业基金投资和投后管理')] },
  { name: '建设发展公司', code: 'jsgs', kind: 'company', titles: company, staff: 2, posts: [p('工程管理岗', '工程招投标和施工现场管理')] },
  { name: '人才发展集团', code: 'rcjt', kind: 'company', titles: company, staff: 2, posts: [p('人才服务岗', '人才引进服务和政策兑现')] },
];

/** Common Chinese surnames, most frequent first (drawn with a bias towards the front). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

/** Characters common in given names, by the usage that reads as male or female; a given name is one or two of them. */
export const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚建文辉力斌宇浩凯鹏飞俊峰博志海波国庆新民永健东振宏亮卫清华平明'];
export const GIVEN_FEMALE = [...'芳娜敏静丽艳娟秀霞桂英玲晨雪琳欣怡婷红春梅兰慧颖晓洁倩萍燕丹'];

export const PHONE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '158',
  '159',
  '182',
  '187',
  '188',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
];
