import type { EnquiryChannel, EnquiryReplyWay, RatingScore } from '@qinlian/contracts';
import { fixedClock } from '../platform/clock.ts';
import type { TxCtx } from '../platform/context.ts';
import { keyedDigest } from '../platform/crypto/sealed.ts';
import { postsWithHolders, type PersonBasics } from '../modules/org/index.ts';
import { acceptHandover, closeEnquiry, getEnquiry, handOverEnquiry, registerEnquiry, replyToEnquiry } from '../modules/enquiries/index.ts';
import { appealRating, rateBadgeHolder, rateEnquiry, type Rater } from '../modules/ratings/index.ts';
import { as, type Act, type OfficeRulesEnv } from './office-rules-env.ts';

/**
 * 首问负责 and 好差评 of the office-rules demo (office-rules-demo.ts): each enquiry's life from
 * its registration — hand-over, acceptance, reply, closing — and the ratings, appeal and
 * rectification items that follow, every step at its moment by the person who takes it. Raters are
 * the public: no actor, and a device and address of their own (keyed digests, as the server keeps them).
 */

type Target = { toDepartmentId: string } | { toPostId: string };
type Step =
  | { kind: 'handover'; at: Date; to: Target; note: string }
  /** accepted by the receiver as the organisation stands then (a post's acting holder: B while A is away) */
  | { kind: 'accept'; at: Date; postId?: string; by?: PersonBasics; note?: string }
  | { kind: 'reply'; at: Date; way: EnquiryReplyWay; reply: string }
  | { kind: 'close'; at: Date }
  | { kind: 'rate'; at: Date; score: RatingScore; comment: string | null }
  /** 差评申诉 by the department (its head), of the rating above */
  | { kind: 'appeal'; at: Date; by: PersonBasics; reason: string };

type Story = {
  by: PersonBasics;
  at: Date;
  channel: EnquiryChannel;
  enquirerName: string;
  enquirerContact: string | null;
  subject: string;
  body: string;
  steps: Step[];
};

/** An enquiry as the story goes on: its id, code, version and owner now, and its rating once rated. */
type Live = { id: string; code: string; version: number; owner: PersonBasics; rating?: { id: string; version: number } };

/** Members of the public, each with a device and address of their own. */
function raters(env: OfficeRulesEnv): () => Rater {
  let n = 0;
  return () => {
    n++;
    return {
      deviceHash: keyedDigest(env.keys, 'rating-device', `demo-device-${n}`),
      addressHash: keyedDigest(env.keys, 'rating-address', `198.51.100.${n}`),
    };
  };
}
const publicAt = (tx: TxCtx, at: Date): TxCtx => ({ ...tx, clock: fixedClock(at), actor: null });

function storyActs(env: OfficeRulesEnv, s: Story, rater: () => Rater): Act[] {
  let e: Live | null = null;
  const live = () => e!;
  const acts: Act[] = [
    {
      at: s.at,
      run: async (tx) => {
        const { channel, enquirerName, enquirerContact, subject, body } = s;
        const row = await registerEnquiry(as(tx, s.by, s.at), env.keys, { channel, enquirerName, enquirerContact, subject, body });
        e = { id: row.id, code: row.code, version: row.version, owner: s.by };
      },
    },
  ];
  for (const step of s.steps) acts.push({ at: step.at, run: (tx) => runStep(tx, env, live(), step, rater) });
  return acts;
}

async function runStep(tx: TxCtx, env: OfficeRulesEnv, e: Live, step: Step, rater: () => Rater) {
  if (step.kind === 'handover') {
    e.version = (await handOverEnquiry(as(tx, e.owner, step.at), e.id, { ...step.to, note: step.note, version: e.version })).version;
  } else if (step.kind === 'accept') {
    const acting = step.postId ? (await postsWithHolders(tx.db, [step.postId])).get(step.postId)?.actingPersonId : null;
    const by = step.by ?? env.person(acting ?? '');
    if (!by) throw new Error('demo hand-over without a receiver');
    const { view } = await getEnquiry(as(tx, by, step.at), e.id);
    const pending = view.chain.find((h) => h.status === 'pending')!;
    e.version = (await acceptHandover(as(tx, by, step.at), e.id, pending.id, { note: step.note })).version;
    e.owner = by;
  } else if (step.kind === 'reply') {
    e.version = (
      await replyToEnquiry(as(tx, e.owner, step.at), e.id, { reply: step.reply, replyWay: step.way, version: e.version })
    ).version;
  } else if (step.kind === 'close') {
    e.version = (await closeEnquiry(as(tx, e.owner, step.at), e.id, e.version)).version;
  } else if (step.kind === 'rate') {
    e.rating = await rateEnquiry(publicAt(tx, step.at), e.code, { score: step.score, comment: step.comment }, rater());
  } else {
    await appealRating(as(tx, step.by, step.at), e.rating!.id, { reason: step.reason, version: e.rating!.version });
  }
}

/** The demo's enquiries and ratings (the bad ones open their 整改 themselves), as acts. */
export function enquiryActs(env: OfficeRulesEnv): Act[] {
  const rater = raters(env);
  const w = env.workAt;
  const scheduling = env.post('经济发展局', '重大项目调度岗');
  const window = env.post('政务服务中心', '政务服务窗口岗');
  const hotline = env.post('政务服务中心', '12345 热线岗');
  const relief = env.post('社会事务局', '社会救助岗');
  const counter = env.post('政务服务科', '政务服务窗口岗');
  const landCounter = env.post('自然资源和规划局', '政务服务窗口岗');
  const stories: Story[] = [
    {
      by: scheduling.b,
      at: env.todayBy('09:10'),
      channel: 'phone',
      enquirerName: '刘建华',
      enquirerContact: '13907913526',
      subject: '咨询明年中央预算内投资项目的申报时间和条件',
      body: '来电人系区内一家污水处理企业负责人，拟申报中央预算内投资（污染治理方向），询问申报时间、需要的前期手续和地方配套资金要求。',
      steps: [],
    },
    {
      by: window.a,
      at: w(1, '10:20'),
      channel: 'visitor',
      enquirerName: '陈丽萍',
      enquirerContact: '15279185402',
      subject: '惠企政策“即申即享”资金的申请材料交到哪个部门',
      body: '来访人为一家新设立的科技型中小企业财务人员，已在窗口完成企业开办，询问稳岗补贴和研发费用补助“即申即享”资金的申请材料和审核部门。',
      steps: [
        {
          kind: 'handover',
          at: w(1, '10:45'),
          to: { toDepartmentId: env.departmentId('财政金融局') },
          note: '惠企政策兑现资金由财政金融局审核拨付，请接收后答复企业；企业联系人已告知 3 个工作日内回复。',
        },
      ],
    },
    {
      by: env.post('招商引资局', '项目招引岗').a,
      at: w(3, '15:10'),
      channel: 'message',
      enquirerName: '赣江储能科技有限公司',
      enquirerContact: 'invest@example.com',
      subject: '储能电站项目如何纳入省重大项目调度',
      body: '企业在门户网站留言：拟在新区投资 6 亿元建设新型储能电站，希望了解纳入省重大项目调度清单的条件、申报流程和需要准备的材料。',
      steps: [
        {
          kind: 'handover',
          at: w(2, '09:40'),
          to: { toPostId: scheduling.id },
          note: '属重大项目调度业务，请重大项目调度岗接收并答复企业。',
        },
        { kind: 'accept', at: w(1, '10:15'), postId: scheduling.id, note: 'A 岗休假，由 B 岗代为接收办理。' },
      ],
    },
    {
      by: counter.a,
      at: w(2, '14:30'),
      channel: 'visitor',
      enquirerName: '黄志强',
      enquirerContact: '18807920317',
      subject: '食品经营许可“承诺即办”需要哪些材料',
      body: '来访人计划在儒乐湖新城开设一家餐饮店，询问食品经营许可能否“承诺即办”、需要提交的材料和现场核查的时间。',
      steps: [
        {
          kind: 'reply',
          at: w(1, '10:00'),
          way: 'in_person',
          reply:
            '已当面告知：符合条件的可承诺即办，需提交营业执照、经营场所使用证明、食品安全管理制度和人员健康证明；现场核查在 10 个工作日内完成。已出具一次性告知单。',
        },
      ],
    },
    {
      by: env.post('市场监管局', '投诉举报岗').a,
      at: w(6, '09:20'),
      channel: 'phone',
      enquirerName: '周晓燕',
      enquirerContact: '13576914480',
      subject: '健身房预付卡商家停业，余额如何维权',
      body: '来电人反映所办理的健身房预付卡商家已关门停业，余额约 3000 元，询问投诉途径和需要提供的证据。',
      steps: [
        {
          kind: 'reply',
          at: w(5, '16:00'),
          way: 'phone',
          reply:
            '已电话告知：可通过 12315 平台或到市场监管局投诉举报窗口登记投诉，请保留办卡合同、付款凭证和商家停业照片；已将该商家纳入预付卡风险排查名单。',
        },
        { kind: 'close', at: w(5, '16:05') },
        { kind: 'rate', at: w(4, '11:00'), score: 5, comment: '答复很耐心，第二天就有人联系我了。' },
      ],
    },
    {
      by: landCounter.a,
      at: w(8, '10:00'),
      channel: 'visitor',
      enquirerName: '邓卫东',
      enquirerContact: '13879102265',
      subject: '厂房用地变更为研发用途需要办理哪些手续',
      body: '来访人为区内一家制造企业负责人，拟将部分厂房改为研发中心，询问土地用途变更和规划调整的手续。',
      steps: [
        {
          kind: 'reply',
          at: w(7, '15:00'),
          way: 'in_person',
          reply: '已当面说明土地用途变更的条件、规划调整程序和所需材料，出具一次性告知单（编号 ZR-1187）。',
        },
        { kind: 'close', at: w(7, '15:10') },
        {
          kind: 'rate',
          at: w(6, '09:30'),
          score: 2,
          comment: '跑了两趟才弄清楚要补什么材料，没有一次性说清楚。',
        },
        {
          kind: 'appeal',
          at: w(4, '17:00'),
          by: env.head('自然资源和规划局'),
          reason:
            '经调阅窗口记录和一次性告知单（编号 ZR-1187），首次来访时已告知全部材料；第二次来访系企业变更了改建方案，需新增规划方案审查材料，不属于未一次性告知。',
        },
      ],
    },
    {
      by: hotline.a,
      at: w(5, '11:00'),
      channel: 'message',
      enquirerName: '吴秀英',
      enquirerContact: '13970816653',
      subject: '家中老人失能，能否申请临时救助',
      body: '市民通过 12345 热线留言：母亲今年 78 岁，中风后失能，家庭收入较低，询问能否申请临时救助或纳入低保，以及办理地点。',
      steps: [
        {
          kind: 'handover',
          at: w(5, '11:20'),
          to: { toPostId: relief.id },
          note: '属社会救助业务，请社会救助岗接收并回复市民。',
        },
        { kind: 'accept', at: w(4, '09:00'), postId: relief.id },
        {
          kind: 'reply',
          at: w(3, '15:00'),
          way: 'sms',
          reply:
            '您好！您家庭情况可申请临时救助，并可同步申请低保和困难失能老人护理补贴。请携带户口簿、身份证、收入证明和病历到所在社区便民服务站提交申请。',
        },
        { kind: 'close', at: w(3, '15:30') },
        { kind: 'rate', at: w(2, '10:00'), score: 4, comment: '回复清楚，社区也上门了解了情况。' },
      ],
    },
  ];

  const badgeRatings: [PersonBasics, Date, RatingScore, string | null][] = [
    [window.a, w(9, '10:30'), 5, '办事指引清楚，材料一次就办好了。'],
    [counter.a, w(5, '15:20'), 4, '效率挺高，就是排队稍久。'],
    [env.post('市场监管局', '登记注册岗').a, w(4, '10:40'), 5, '营业执照当场就拿到了，点赞！'],
    [counter.b, w(3, '09:50'), 5, '耐心讲解了承诺即办的流程。'],
    [window.a, w(2, '14:10'), 5, null],
    [landCounter.b, w(1, '11:30'), 4, '服务不错。'],
    // the other bad review: its rectification item stays open with the department
    [window.b, w(2, '12:10'), 1, '中午十二点不到窗口就没人了，等了四十分钟也没人办理。'],
  ];
  const rated: Act[] = badgeRatings.map(([p, at, score, comment]) => ({
    at,
    run: async (tx) =>
      void (await rateBadgeHolder(publicAt(tx, at), { personId: p.id, departmentId: p.departmentId }, { score, comment }, rater())),
  }));

  return [...stories.flatMap((s) => storyActs(env, s, rater)), ...rated];
}
