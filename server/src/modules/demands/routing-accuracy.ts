import type { DemandKind } from '@qinlian/contracts';

/**
 * 分类准确率 — the demo's submissions, each with the category a clerk would give it, and the
 * office's default keyword rules: the demo seed loads both, and `routingAccuracy` reports how often
 * the rules' suggestion is the clerk's category (the issue asks for it to be reported).
 */

/** A default keyword rule; `departmentName` names the demo organisation's unit that usually handles it. */
export type DefaultRoutingRule = { keyword: string; category: string; weight: number; departmentName: string };

const rules = (category: string, departmentName: string, keywords: [string, number][]): DefaultRoutingRule[] =>
  keywords.map(([keyword, weight]) => ({ keyword, category, weight, departmentName }));

export const DEFAULT_ROUTING_RULES: readonly DefaultRoutingRule[] = [
  ...rules('市政设施', '建设管理局', [
    ['路灯', 3],
    ['井盖', 3],
    ['人行道', 2],
    ['道路', 2],
    ['绿化', 1],
  ]),
  ...rules('供水供电', '建设管理局', [
    ['停水', 3],
    ['停电', 3],
    ['水压', 2],
    ['自来水', 2],
    ['燃气', 2],
  ]),
  ...rules('教育', '社会事务局', [
    ['入学', 3],
    ['幼儿园', 3],
    ['学位', 2],
    ['学校', 2],
  ]),
  ...rules('养老服务', '社会事务局', [
    ['养老', 3],
    ['助餐', 3],
    ['老人', 2],
  ]),
  ...rules('交通停车', '综合行政执法局', [
    ['停车', 3],
    ['红绿灯', 3],
    ['公交', 2],
    ['拥堵', 2],
  ]),
  ...rules('环境噪声', '生态环境局', [
    ['噪音', 3],
    ['噪声', 3],
    ['垃圾', 2],
    ['油烟', 2],
  ]),
  ...rules('营商环境', '营商环境局（行政审批局）', [
    ['营业执照', 3],
    ['审批', 2],
    ['企业', 2],
    ['窗口', 1],
  ]),
  ...rules('医疗卫生', '社会事务局', [
    ['医院', 3],
    ['社区卫生', 3],
    ['医保', 3],
    ['疫苗', 2],
  ]),
];

/** A demo submission and the category a clerk gives it. */
export type RoutingSample = { kind: DemandKind; title: string; body: string; expected: string };

const d = (title: string, body: string, expected: string): RoutingSample => ({ kind: 'demand', title, body, expected });
const s = (title: string, body: string, expected: string): RoutingSample => ({ kind: 'suggestion', title, body, expected });

export const ROUTING_SAMPLES: readonly RoutingSample[] = [
  d('幸福路路灯不亮', '幸福路与建设大道交叉口往东的三盏路灯已经一个多星期不亮了，晚上行人和电动车经过很危险，请尽快维修。', '市政设施'),
  d('小区门口井盖松动', '翠湖花园北门外人行道上的井盖松动，踩上去会翻，已经有老人差点摔倒。', '市政设施'),
  d('人行道地砖破损', '文化路人行道地砖大面积破损翘起，下雨天一踩一脚泥水，行走很不方便。', '市政设施'),
  d('辅道路面坑洼', '学府大道辅道路面坑洼很多，下雨后全是积水，车辆经过溅行人一身水。', '市政设施'),
  d('绿化带树木倒伏挡路', '昨晚大风把滨湖公园旁边绿化带的行道树刮倒了，挡住了半边车道。', '市政设施'),
  d('小区停水三天', '锦绣家园从周一开始停水，到现在已经三天了，没有任何通知，居民生活很困难。', '供水供电'),
  d('高层水压太低', '我家住 18 楼，每天早晚用水高峰水压太低，热水器都打不着火。', '供水供电'),
  d('东湖村频繁停电', '东湖村最近一个月频繁停电，冰箱里的东西都放坏了，希望供电部门检修线路。', '供水供电'),
  d('自来水发黄有铁锈味', '这两天打开水龙头，自来水发黄还有铁锈味，家里老小都不敢喝。', '供水供电'),
  s('老旧小区燃气管道改造', '老旧小区的燃气管道使用二十多年已经老化，建议统一改造，并安排入户安全检查。', '供水供电'),
  d('孩子入学咨询', '我们是新迁入的户籍，孩子今年秋季一年级入学，想了解学区划分和报名需要的材料。', '教育'),
  s('新城片区幼儿园学位不足', '新城片区只有一所公办幼儿园，学位远远不够，建议再建一所公办幼儿园。', '教育'),
  s('延长课后服务时间', '建议学校延长课后服务时间，双职工家庭下午四点半接孩子很困难。', '教育'),
  d('中学食堂饭菜质量差', '第二中学食堂饭菜质量差、分量少，学校应当加强管理，孩子经常吃不饱。', '教育'),
  s('开通上学校车', '村里孩子上学要走三公里山路，建议开通校车或者定制公交线路。', '教育'),
  s('社区开办老年食堂', '建议在幸福社区开办老年食堂，解决独居老人吃饭难的问题。', '养老服务'),
  d('养老院收费不透明', '区养老院收费标准不透明，每月费用说涨就涨，希望公开收费明细。', '养老服务'),
  d('助餐点离小区太远', '助餐点离我们小区太远，行动不便的老人去不了，能否提供送餐上门服务。', '养老服务'),
  d('高龄补贴没有发放', '我父亲今年满 80 岁，高龄津贴一直没有到账，请帮忙查询原因。', '养老服务'),
  s('建设日间照料中心', '小区里老人很多，白天子女上班没人照看，希望建一个日间照料中心。', '养老服务'),
  d('商场周边停车难', '万达广场周边停车位太少，车辆乱停乱放，周末经常堵得走不动。', '交通停车'),
  s('公交线路延伸到高铁站', '建议 12 路公交车延伸到新城高铁站，方便市民出行。', '交通停车'),
  d('路口行人红绿灯时间太短', '人民路口行人红绿灯只有 15 秒，老人过马路根本来不及。', '交通停车'),
  s('滨江路早晚高峰拥堵', '滨江路早晚高峰拥堵严重，建议增加左转车道并优化信号配时。', '交通停车'),
  d('乱停车占用消防通道', '商铺门前车辆长期乱停车，占用消防通道，存在很大的安全隐患。', '交通停车'),
  d('工地夜间施工噪音', '湖畔工地每天晚上十一点以后还在施工，噪音很大，严重影响休息。', '环境噪声'),
  d('广场舞音响噪声扰民', '滨河公园广场舞的音响声音太大，晚上九点以后还在放，噪声扰民。', '环境噪声'),
  d('垃圾清运不及时', '东门垃圾站的垃圾两三天才清运一次，夏天臭气熏天，蚊蝇很多。', '环境噪声'),
  d('烧烤店油烟直排', '楼下烧烤店的油烟直接排到居民楼，家里窗户都不敢开。', '环境噪声'),
  d('新河河水发黑', '新河沿线有排污口，河水发黑有异味，岸边还堆满了生活垃圾。', '环境噪声'),
  d('营业执照办理太慢', '申请个体工商户营业执照，材料交了两周还没有结果，也没人告知进度。', '营商环境'),
  s('企业开办一窗通办', '建议把企业开办的刻章、税务登记合并到一个窗口办理，少跑几趟。', '营商环境'),
  d('施工许可审批材料重复', '办理施工许可审批，同样的材料要交好几次，希望精简材料、减少环节。', '营商环境'),
  d('政务大厅窗口太少', '政务服务中心办事窗口太少，每次办事都要排队两个小时。', '营商环境'),
  d('小微企业奖补未兑现', '去年承诺的小微企业奖补资金到现在还没兑现，问了几次都说在走流程。', '营商环境'),
  d('社区卫生服务中心缺医生', '社区卫生服务中心只有两名医生，看病要排很久的队。', '医疗卫生'),
  d('异地就医医保报销难', '异地住院的医保报销手续太复杂，前前后后跑了好几趟还没办完。', '医疗卫生'),
  s('医院专家号难挂', '区人民医院专家号很难挂，建议开放更多网上预约号源。', '医疗卫生'),
  s('增加疫苗接种点', '孩子打疫苗的接种点太少，每次都要排队半天，建议增加接种点。', '医疗卫生'),
  d('村卫生室缺常用药', '村卫生室经常缺常用药，老人买降压药要跑到镇上。', '医疗卫生'),
];

export type RoutingAccuracy = {
  hits: number;
  total: number;
  /** hits / total, 0–1 */
  accuracy: number;
  misses: { title: string; expected: string; suggested: string | null }[];
};

/** How often `suggest` (a submission's text → a category) gives the clerk's category on the demo submissions. */
export async function routingAccuracy(
  suggest: (text: string) => string | null | Promise<string | null>,
  samples: readonly RoutingSample[] = ROUTING_SAMPLES,
): Promise<RoutingAccuracy> {
  const misses: RoutingAccuracy['misses'] = [];
  for (const sample of samples) {
    const suggested = await suggest(`${sample.title}\n${sample.body}`);
    if (suggested !== sample.expected) misses.push({ title: sample.title, expected: sample.expected, suggested });
  }
  const hits = samples.length - misses.length;
  return { hits, total: samples.length, accuracy: samples.length ? hits / samples.length : 0, misses };
}
