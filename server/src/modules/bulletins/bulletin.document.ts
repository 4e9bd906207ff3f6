import type { BulletinIndicator, BulletinOverdueItem, BulletinRankingRow, BulletinTotals, SignedChainHead } from '@qinlian/contracts';
import { officialDate, type OfficialBlock, type OfficialDocument } from '../../platform/documents/official/index.ts';
import { INDICATOR_NAMES } from './bulletin-indicators.ts';

/**
 * 季度通报 as an official document (GB/T 9704): what it says, not how it is laid out — the figures
 * paragraph, the office's summary, the ranking with the best and the worst named with their figures,
 * the overdue items, the leaders' comments, the requirements, and, once published, the 记录核验 block
 * that lets anyone holding the printed bulletin check the records at /p/verify. Pure.
 */
export type BulletinForDocument = {
  title: string;
  /** 发文字号, once published */
  number: string | null;
  /** 成文日期: the day of publication, or today for a draft's preview */
  date: string;
  organ: string;
  organMark: string;
  recipients: string[];
  periodStart: string;
  periodEnd: string;
  summary: string;
  requirements: string;
  indicators: BulletinIndicator[];
  ranking: BulletinRankingRow[];
  totals: BulletinTotals;
  overdue: BulletinOverdueItem[];
  overdueOmitted: number;
  comments: { authorName: string; authorTitle: string; text: string }[];
  head: SignedChainHead | null;
  /** the public check page, e.g. https://qinlian.example.gov.cn/p/verify */
  verifyUrl: string;
};

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const linesOf = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);
const paragraphs = (text: string): OfficialBlock[] => linesOf(text).map((t) => ({ kind: 'paragraph', text: t }));

/** 按时办结率98.5%，办结率90%，红灯2项，退回1次 */
const figuresText = (r: BulletinRankingRow) =>
  `按时办结率${pct(r.onTimeRate)}，办结率${pct(r.closeRate)}，办结${r.closed}件，逾期未办结${r.overdue}件，红灯${r.red}项，退回${r.returned}次`;

function opening(b: BulletinForDocument): OfficialBlock[] {
  const t = b.totals;
  const period = `${officialDate(b.periodStart)}至${officialDate(b.periodEnd)}`;
  const figures = `${period}，${t.departments}个部门有督办任务在办（其中${t.ranked}个有办结或逾期事项，参加排名），共办结任务${t.closed}件，其中按期办结${t.closedOnTime}件，按时办结率${pct(t.onTimeRate)}；季度末逾期未办结${t.overdue}件，红灯任务${t.red}件，退回重办${t.returned}次。现将有关情况通报如下。`;
  return [{ kind: 'paragraph', text: figures }, ...paragraphs(b.summary)];
}

const RANKING_COLUMNS = ['排名', '部门', '综合得分', '按时办结率', '办结率', '红灯数', '退回次数', '办结', '逾期未办结'];

function rankingSection(b: BulletinForDocument): OfficialBlock[] {
  const weighted = b.indicators.filter((i) => i.weight > 0);
  const basis = weighted.map((i) => `${INDICATOR_NAMES[i.key].zh}（权重${i.weight}%）`).join('、');
  const best = b.ranking.find((r) => r.best);
  const worst = b.ranking.find((r) => r.worst);
  const named = (r: BulletinRankingRow, place: string): string => `${r.departmentName}综合得分${r.score}分，${place}，${figuresText(r)}。`;
  return [
    { kind: 'heading1', text: '综合排名' },
    { kind: 'paragraph', text: `按照${basis}综合评分（满分100分），各部门排名见表1。` },
    ...(best ? [{ kind: 'heading2', text: '表现突出。', runIn: named(best, '排名第一') } as const] : []),
    ...(worst ? [{ kind: 'heading2', text: '排名靠后。', runIn: named(worst, '排名末位') } as const] : []),
    {
      kind: 'table',
      caption: '表1  各部门综合排名',
      columns: RANKING_COLUMNS,
      rows: b.ranking.map((r) => [
        r.rank,
        r.departmentName,
        r.score,
        pct(r.onTimeRate),
        pct(r.closeRate),
        r.red,
        r.returned,
        r.closed,
        r.overdue,
      ]),
    },
  ];
}

function overdueSection(b: BulletinForDocument): OfficialBlock[] {
  const total = b.totals.overdue;
  if (total === 0)
    return [
      { kind: 'heading1', text: '逾期未办结事项' },
      { kind: 'paragraph', text: '截至季度末，没有逾期未办结事项。' },
    ];
  const listed = b.overdueOmitted > 0 ? `，表2列出逾期最久的${b.overdue.length}件` : '，详见表2';
  return [
    { kind: 'heading1', text: '逾期未办结事项' },
    { kind: 'paragraph', text: `截至季度末，逾期未办结事项共${total}件${listed}。请责任单位限期办结，并说明逾期原因。` },
    {
      kind: 'table',
      caption: '表2  逾期未办结事项',
      columns: ['序号', '任务编号', '任务名称', '牵头部门', '完成时限', '逾期（工作日）'],
      rows: b.overdue.map((o, i) => [i + 1, o.code, o.title, o.departmentName, o.dueDate, o.daysOverdue]),
    },
  ];
}

function commentsSection(b: BulletinForDocument): OfficialBlock[] {
  if (!b.comments.length) return [];
  return [
    { kind: 'heading1', text: '领导点评' },
    ...b.comments.flatMap((c): OfficialBlock[] => {
      const [first = '', ...rest] = linesOf(c.text);
      return [
        { kind: 'paragraph', text: `${c.authorTitle}${c.authorName}：${first}` },
        ...rest.map((text) => ({ kind: 'paragraph', text }) as const),
      ];
    }),
  ];
}

/** 记录核验: the chain's head at publication and its signature, and where to check them. */
function verificationSection(b: BulletinForDocument): OfficialBlock[] {
  const h = b.head;
  if (!h) return [];
  return [
    { kind: 'heading1', text: '记录核验' },
    {
      kind: 'paragraph',
      text: `本通报发布时，审计链第${h.seq}行的${h.algorithm.toUpperCase()}哈希值为${h.hash}；签名时间${h.signedAt}，密钥编号${h.keyId}，SM2签名值${h.signature}。`,
    },
    {
      kind: 'paragraph',
      text: `任何人可在${b.verifyUrl}输入以上序号、哈希值与签名，核对本通报所依据的记录自发布以来是否被改动、签名是否由本区密钥签发。`,
    },
  ];
}

export function bulletinDocument(b: BulletinForDocument): OfficialDocument {
  return {
    organ: b.organ,
    ...(b.organMark ? { organMark: b.organMark } : {}),
    ...(b.number ? { number: b.number } : {}),
    title: b.title,
    date: b.date,
    recipients: b.recipients,
    body: [
      ...opening(b),
      ...rankingSection(b),
      ...overdueSection(b),
      ...commentsSection(b),
      ...(b.requirements.trim() ? [{ kind: 'heading1', text: '下一步工作要求' } as const, ...paragraphs(b.requirements)] : []),
      ...verificationSection(b),
    ],
  };
}
