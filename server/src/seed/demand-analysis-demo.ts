/**
 * 汇总、分析、论证演示 — on top of the demands demo (demands-demo.ts), in its transaction: more
 * suggestions to the demo campaign from the towns (组团), so that several people ask for the same
 * things (two merged into another, one canteen marked urgent by the office); the campaign's clusters
 * computed; the two most asked-for evaluated by the leadership group; and the first selected as one
 * of the year's livelihood projects, a supervised task under the plan's 服务创优工程 — shown on the
 * public progress page (/p/projects).
 *
 * Through the modules' front doors only, as the system actor.
 */
import type { Config } from '../platform/config.ts';
import type { TxCtx } from '../platform/context.ts';
import {
  acceptDemand,
  evaluateCluster,
  markCluster,
  mergeDemand,
  receiveDemand,
  recomputeDemandAnalysis,
  selectCluster,
} from '../modules/demands/index.ts';
import { listPlans, measuresOf, programmesOf } from '../modules/plan/index.ts';

export type DemandAnalysisSeedResult = { submissions: number; clusters: number; evaluated: number; selected: number };

type Extra = { title: string; body: string; address: string; category: string };
const s = (title: string, body: string, address: string, category: string): Extra => ({ title, body, address, category });

/** Suggestions in the words of people from the towns, about what the demo's own suggestions ask for. */
const MORE_SUGGESTIONS: Extra[] = [
  s('新城再建一所公办幼儿园', '新城片区孩子上公办幼儿园太难，学位紧张，建议新建一所公办幼儿园。', '儒乐湖新城翠湖花园', '教育'),
  s('增加公办幼儿园学位', '公办幼儿园学位太少，摇号都摇不上，建议扩建幼儿园增加学位。', '永修组团滨湖小区', '教育'),
  s('幼儿园入园难', '家门口没有公办幼儿园，入园难，希望增加普惠性幼儿园学位。', '共青组团', '教育'),
  s('新城片区幼儿园学位太紧张', '新城片区公办幼儿园学位远远不够，建议再建一所公办幼儿园。', '儒乐湖新城', '教育'),
  s('小区建老年食堂', '建议在小区里开办老年食堂或者助餐点，方便独居老人吃饭。', '共青组团幸福社区', '养老服务'),
  s('老人吃饭难', '独居老人做饭不方便，希望社区开办老年食堂，提供助餐服务。', '桑海组团', '养老服务'),
  s('开通到高铁站的公交', '新城高铁站没有公交线路，建议开通公交车到高铁站。', '直管区临空组团', '交通停车'),
];

/** What the leadership group recorded for the two most asked-for clusters. */
const EVALUATIONS = [
  {
    word: '幼儿园',
    estimatedCost: 38_000_000,
    feasibility: 'high' as const,
    note: '新城片区已预留教育用地，可新建 12 班公办幼儿园，建设期约 10 个月。',
  },
  {
    word: '食堂',
    estimatedCost: 4_500_000,
    feasibility: 'medium' as const,
    note: '依托社区党群服务中心改建，运营需引入社会力量，补贴标准待定。',
  },
];

export async function seedDemandAnalysis(
  tx: TxCtx,
  opts: {
    keys: Pick<Config, 'secretKey' | 'dataDir'>;
    campaignId: string;
    today: string;
    departmentId: (name: string) => string | undefined;
  },
): Promise<DemandAnalysisSeedResult> {
  const rows = [];
  for (const [i, extra] of MORE_SUGGESTIONS.entries())
    rows.push(
      await receiveDemand(tx, opts.keys, {
        kind: 'suggestion',
        channel: i % 3 === 0 ? 'phone' : 'web',
        solicitationId: opts.campaignId,
        ...extra,
        phone: `1370000${String(2000 + i).slice(-4)}`,
      }),
    );
  // 并单: the office merged a suggestion into an earlier one like it — both submitters count
  const [, , , merged, canteen] = rows;
  await mergeDemand(tx, merged!.id, { intoId: rows[0]!.id, version: merged!.version });
  await acceptDemand(tx, canteen!.id, { urgent: true, version: canteen!.version });

  const analysis = await recomputeDemandAnalysis(tx, opts.campaignId, {});
  const departmentId = opts.departmentId('社会事务局');
  const taken = [];
  for (const e of EVALUATIONS) {
    const cluster = analysis.clusters.find((c) => c.status === 'open' && c.topWords.some((w) => w.word === e.word));
    if (!cluster || !departmentId) continue;
    const marked = await markCluster(tx, cluster.id, cluster.version);
    const evaluated = await evaluateCluster(tx, cluster.id, {
      estimatedCost: e.estimatedCost,
      feasibility: e.feasibility,
      feasibilityNote: e.note,
      responsibleDepartmentId: departmentId,
      version: marked.version,
    });
    taken.push(evaluated);
  }

  const year = Number(opts.today.slice(0, 4));
  const plan = (await listPlans(tx)).find((p) => p.year === year);
  const programme = plan && (await programmesOf(tx.db, plan.id)).find((p) => p.name === '服务创优工程');
  const measure = programme && (await measuresOf(tx.db, plan.id)).find((m) => m.programmeId === programme.id);
  let selected = 0;
  if (measure && taken[0]) {
    await selectCluster(tx, taken[0].id, {
      measureId: measure.id,
      title: '新城片区新建一所公办幼儿园',
      startDate: opts.today,
      dueDate: `${year}-12-31`,
      version: taken[0].version,
    });
    selected = 1;
  }
  return { submissions: rows.length, clusters: analysis.totals.clusters, evaluated: taken.length, selected };
}
