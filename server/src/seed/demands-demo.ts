/**
 * 群众诉求演示 — the public loop on top of the demo organisation (demo.ts): the office's keyword rules
 * (分类规则), this year's livelihood-project campaign open on its public page (征集活动, /p/s/<code>),
 * and the demo submissions (routing-accuracy.ts) coming in from the web form — the suggestions into
 * the campaign — a third dispatched to the department the rules suggest, some answered, a few
 * closed and rated. Reports how often the routing suggestion was the clerk's category.
 *
 * Through the module's front door only, as the system actor, in one transaction. Runs once: only on
 * the demo organisation and while there is no submission at all (bootstrap calls it on every start
 * with the demo asked for).
 */
import type { Database } from '../platform/db/database.ts';
import type { Config } from '../platform/config.ts';
import { inTransaction, systemActor, type Ctx } from '../platform/context.ts';
import { shanghaiDate } from '../platform/calendar/working-days.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { departmentsWithFullNames } from '../modules/org/index.ts';
import {
  closeDemand,
  createRoutingRule,
  createSolicitation,
  DEFAULT_ROUTING_RULES,
  dispatchDemand,
  receiveDemand,
  replyDemand,
  ROUTING_SAMPLES,
  routingAccuracy,
  suggestRouting,
  takeDemand,
} from '../modules/demands/index.ts';
import { DEMO_ROOT } from './demo-org.ts';
import { seedDemandAnalysis } from './demand-analysis-demo.ts';

export type DemandsSeedResult = { seeded: boolean; submissions: number; accuracy: { hits: number; total: number } | null };

const dayOffset = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemands(
  database: Database,
  opts: { keys: Pick<Config, 'secretKey' | 'dataDir'>; clock?: Clock },
): Promise<DemandsSeedResult> {
  const clock = opts.clock ?? systemClock;
  const ctx: Ctx = { actor: systemActor, db: database.db, ip: 'seed', lang: 'zh-CN', clock };
  const departments = (await departmentsWithFullNames(database.db)).filter((d) => !d.row.archivedAt).map((d) => d.row);
  if (departments.find((d) => d.parentId === null)?.name !== DEMO_ROOT.name) return { seeded: false, submissions: 0, accuracy: null };
  if (await database.db.selectFrom('demands').select('id').limit(1).executeTakeFirst())
    return { seeded: false, submissions: 0, accuracy: null };

  const unitId = new Map(departments.map((d) => [d.name, d.id]));
  const today = shanghaiDate(clock.now());
  const seeded = await inTransaction(ctx, async (tx) => {
    for (const r of DEFAULT_ROUTING_RULES)
      await createRoutingRule(tx, {
        keyword: r.keyword,
        category: r.category,
        weight: r.weight,
        departmentId: unitId.get(r.departmentName) ?? null,
      });
    const campaign = await createSolicitation(tx, {
      title: `${Number(today.slice(0, 4)) + 1}年民生实事项目征集`,
      description: '新区面向社会公开征集明年的民生实事项目建议：教育、养老、医疗、交通、环境……您最希望办的实事是什么？',
      categories: [...new Set(DEFAULT_ROUTING_RULES.map((r) => r.category))],
      opensOn: dayOffset(today, -7),
      closesOn: dayOffset(today, 21),
    });
    let n = 0;
    for (const sample of ROUTING_SAMPLES) {
      const row = await receiveDemand(tx, opts.keys, {
        kind: sample.kind,
        channel: 'web',
        solicitationId: sample.kind === 'suggestion' ? campaign.id : null,
        title: sample.title,
        body: sample.body,
        phone: `1390000${String(1000 + n).slice(-4)}`,
      });
      n++;
      if (sample.kind !== 'demand' || !row.suggestedDepartmentId || n % 3 !== 0) continue;
      let d = await dispatchDemand(tx, row.id, { departmentId: row.suggestedDepartmentId, version: row.version });
      if (n % 2 === 0) continue; // dispatched, waiting for the department to take it
      d = await takeDemand(tx, row.id, { version: d.version });
      d = await replyDemand(tx, row.id, {
        reply: '已收到您的反映，我们已安排专人现场核实并处理，处理结果将及时告知。',
        version: d.version,
      });
      if (n % 9 === 0) await closeDemand(tx, row.id, { version: d.version });
    }
    // 汇总、分析、论证: more suggestions from the towns, the clusters, two evaluated, one selected into a task
    const analysis = await seedDemandAnalysis(tx, {
      keys: opts.keys,
      campaignId: campaign.id,
      today,
      departmentId: (name) => unitId.get(name),
    });
    return n + analysis.submissions;
  });
  const accuracy = await routingAccuracy(async (text) => (await suggestRouting(database.db, text)).category);
  return { seeded: true, submissions: seeded, accuracy: { hits: accuracy.hits, total: accuracy.total } };
}
