import {
  DemandAnalysisRecomputeBody as RecomputeSchema,
  type DemandAnalysis,
  type DemandAnalysisRecomputeBody,
  type DemandClusterDetail,
  type DemandKind,
  type DemandStatus,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, forbidden, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics, departmentsWithFullNames } from '../org/index.ts';
import { taskRowById } from '../tasks/index.ts';
import { areaResolver } from './demand-areas.ts';
import { clusterUnits, wordCloud, type ClusterResult } from './demand-clustering.ts';
import { analysisFigures } from './demand-analysis-figures.ts';
import { readScope, type ScopeRead } from './demand-analysis-scope.ts';
import { analysisPolicy } from './demand-analysis.policy.ts';
import { presentAnalysis, presentClusterDetail } from './demand-analysis.presenter.ts';
import { demandAnalysisRepo as repo, type AnalysisRow, type ClusterRow } from './demand-analysis.repo.ts';
import { demandsRepo, type SolicitationRow } from './demands.repo.ts';

/*
 * 汇总分析: a campaign's clusters and charts are worked out by an explicit recompute (audited) and
 * kept as rows; the page reads the kept rows, never a GROUP BY over the items per request.
 */

/** The page lists the first clusters by rank (and every one taken up): the long tail of one-person clusters stays in the figures. */
export const SHOWN_CLUSTERS = 200;

async function campaignOf(db: Executor, id: string): Promise<SolicitationRow> {
  const row = await demandsRepo.solicitationById(db, id);
  if (!row) throw new DomainError('solicitation_not_found', 404);
  return row;
}

function assertReads(ctx: Ctx) {
  if (!analysisPolicy.allowed(ctx.actor!, 'read', {})) throw forbidden();
}

const departmentNames = (db: Executor, rows: ClusterRow[]) =>
  cachedDepartmentsBasics(
    db,
    rows.map((r) => r.responsibleDepartmentId),
  );

/** The campaign's kept analysis: totals, the ranked clusters, the word cloud and the charts (empty before the first recompute). */
export async function getDemandAnalysis(ctx: Ctx, solicitationId: string): Promise<DemandAnalysis> {
  assertReads(ctx);
  const campaign = await campaignOf(ctx.db, solicitationId);
  const analysis = await repo.analysisOf(ctx.db, solicitationId);
  const clusters = analysis ? await repo.clustersShown(ctx.db, analysis.id, SHOWN_CLUSTERS) : [];
  return presentAnalysis(ctx.actor!, {
    campaign,
    analysis,
    clusters,
    figures: analysis ? await repo.figures(ctx.db, analysis.id) : [],
    names: await departmentNames(ctx.db, clusters),
    newSince: analysis ? await repo.campaignItemAfter(ctx.db, solicitationId, analysis.lastDemandId) : false,
  });
}

const json = (v: unknown) => JSON.stringify(v);

/** What a recompute writes of a cluster it found (a kept one that lost all its items keeps its words). */
const computed = (r: ClusterResult, rank: number): Partial<ClusterRow> => ({
  rank,
  people: r.people,
  items: r.items,
  urgent: r.urgent,
  ...(r.items > 0 ? { label: r.label, headline: r.headline, topWords: json(r.topWords), categories: json(r.categories) } : {}),
});

/**
 * The open cluster of the last recompute that a new one continues: the one sharing the most of its
 * items, at least half of the larger of the two — so a page someone has open on it still answers
 * after a recompute that found the same topic.
 */
function continuedCluster(unitIds: readonly string[], previous: Map<string, ReadonlySet<string>>): string | null {
  let best: string | null = null;
  let bestShared = 0;
  for (const [id, members] of previous) {
    const shared = unitIds.filter((u) => members.has(u)).length;
    if (shared > bestShared && shared * 2 >= Math.max(unitIds.length, members.size)) [best, bestShared] = [id, shared];
  }
  return best;
}

async function writeClusters(tx: TxCtx, analysisId: string, results: ClusterResult[]) {
  const now = iso(tx.clock.now());
  const openBefore = await repo.openClusterIds(tx.db, analysisId);
  const members = await repo.membersOf(tx.db, openBefore);
  const previous = new Map(openBefore.map((id) => [id, new Set(members.get(id))]));
  const fresh: { row: ClusterRow; unitIds: string[] }[] = [];
  for (const [i, r] of results.entries()) {
    const keptId = r.keptId ?? continuedCluster(r.unitIds, previous);
    if (keptId) {
      previous.delete(keptId);
      const labels = r.keptId ? {} : { label: r.label, headline: r.headline };
      await repo.refreshCluster(tx.db, keptId, { ...computed(r, i + 1), ...labels, updatedAt: now });
      await repo.replaceMembers(tx.db, keptId, r.unitIds);
      continue;
    }
    fresh.push({
      unitIds: r.unitIds,
      row: {
        id: newId(),
        analysisId,
        rank: i + 1,
        label: r.label,
        headline: r.headline,
        status: 'open',
        people: r.people,
        items: r.items,
        urgent: r.urgent,
        topWords: json(r.topWords),
        categories: json(r.categories),
        estimatedCost: null,
        feasibility: null,
        feasibilityNote: null,
        responsibleDepartmentId: null,
        markedAt: null,
        markedByName: null,
        evaluatedAt: null,
        evaluatedByName: null,
        projectTitle: null,
        projectYear: null,
        taskId: null,
        selectedAt: null,
        selectedByName: null,
        withdrawnReason: null,
        withdrawnAt: null,
        withdrawnByName: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
    });
  }
  await repo.deleteClusters(tx.db, [...previous.keys()]); // the topics this recompute found no more
  await repo.insertClusters(
    tx.db,
    fresh.map((f) => f.row),
  );
  for (const f of fresh) await repo.replaceMembers(tx.db, f.row.id, f.unitIds);
}

/** The kept clusters of the last recompute, each with the items it holds now (an item merged since follows the item it joined). */
async function keptClusters(tx: TxCtx, analysis: AnalysisRow | undefined, read: ScopeRead) {
  if (!analysis) return [];
  const rows = (await repo.clustersOf(tx.db, analysis.id)).filter((c) => c.status !== 'open');
  const members = await repo.membersOf(
    tx.db,
    rows.map((r) => r.id),
  );
  const rootOf = (id: string) => read.items.get(id)?.mergedIntoId ?? id;
  return rows.map((r) => ({ id: r.id, unitIds: [...new Set((members.get(r.id) ?? []).map(rootOf))] }));
}

/**
 * 重新计算: groups the campaign's items (narrowed to a period, with the period's demands when asked)
 * into clusters and works out the charts, replacing the clusters nobody has taken up; the clusters
 * under evaluation, selected or withdrawn keep their ids, evaluation and items, and gain new items
 * like them. One transaction, audited with the scope and the totals.
 */
export async function recomputeDemandAnalysis(
  ctx: Ctx,
  solicitationId: string,
  input: DemandAnalysisRecomputeBody,
): Promise<DemandAnalysis> {
  const body = RecomputeSchema.parse(input);
  if (!analysisPolicy.allowed(ctx.actor!, 'evaluate', {})) throw forbidden();
  if (body.from && body.to && body.to < body.from)
    throw new DomainError('demand_analysis_period_order', 400, { from: body.from, to: body.to }, [
      { path: 'body.to', message: 'demand_analysis_period_order' },
    ]);
  await inTransaction(ctx, async (tx) => {
    const campaign = await campaignOf(tx.db, solicitationId);
    const scope = { from: body.from ?? null, to: body.to ?? null, includeDemands: body.includeDemands };
    const read = await readScope(tx.db, campaign, scope);
    const before = await repo.analysisOf(tx.db, solicitationId);
    const results = clusterUnits(read.units, await keptClusters(tx, before, read));
    const now = iso(tx.clock.now());
    const totals = {
      items: read.units.length,
      // distinct submitters across the units, as each cluster counts them
      people: new Set(read.units.flatMap((u) => u.submitters)).size,
      urgent: new Set(read.units.flatMap((u) => (u.urgent ? u.submitters : []))).size,
      clusters: results.length,
    };
    const fields = {
      periodFrom: scope.from,
      periodTo: scope.to,
      includeDemands: scope.includeDemands ? 1 : 0,
      ...totals,
      lastDemandId: read.newestCampaignItemId,
      computedAt: now,
      computedByName: tx.actor!.name,
      updatedAt: now,
    };
    const analysisId = before?.id ?? newId();
    if (!before) await repo.insertAnalysis(tx.db, { id: analysisId, solicitationId, ...fields, createdAt: now, version: 1 });
    else if (!(await repo.updateAnalysis(tx.db, before.id, before.version, fields))) throw versionConflict();
    await writeClusters(tx, analysisId, results);
    const counted = read.units.map((u) => ({
      people: u.people,
      urgent: u.urgent,
      category: u.category,
      areaId: u.area?.id ?? null,
      areaName: u.area?.name ?? null,
    }));
    const submissions = read.units.flatMap((u) => [
      { createdAt: u.item.createdAt, urgent: u.urgent, isUnit: true },
      ...u.merged.map((m) => ({ createdAt: m.createdAt, urgent: u.urgent, isUnit: false })),
    ]);
    await repo.replaceFigures(tx.db, analysisId, analysisFigures(analysisId, counted, submissions, wordCloud(read.units)));
    await recordAudit(tx, {
      action: 'demand_analysis.recompute',
      entityType: 'demand_analysis',
      entityId: analysisId,
      before: before ? { items: before.items, people: before.people, urgent: before.urgent, clusters: before.clusters } : null,
      after: { solicitationId, ...scope, ...totals, kept: results.filter((r) => r.keptId).length },
    });
  });
  return getDemandAnalysis(ctx, solicitationId);
}

/** A cluster as the drawer shows it: its items (what they ask, never who), its evaluation and its project. */
export async function getDemandCluster(ctx: Ctx, id: string): Promise<DemandClusterDetail> {
  assertReads(ctx);
  const row = await repo.clusterById(ctx.db, id);
  if (!row) throw new DomainError('demand_cluster_not_found', 404);
  const analysis = (await repo.analysisById(ctx.db, row.analysisId))!;
  const memberIds = (await repo.membersOf(ctx.db, [id])).get(id) ?? [];
  const items = await repo.itemsByIds(ctx.db, memberIds);
  const merged = new Map<string, number>();
  for (const m of await repo.mergedInto(ctx.db, memberIds))
    if (m.hiddenAt === null) merged.set(m.mergedIntoId!, (merged.get(m.mergedIntoId!) ?? 0) + 1);
  const areaOf = areaResolver((await departmentsWithFullNames(ctx.db)).map((d) => d.row));
  const people = (itemId: string) => 1 + (merged.get(itemId) ?? 0);
  const members = items
    .sort((a, b) => people(b.id) - people(a.id) || (a.id < b.id ? -1 : 1))
    .map((i) => ({
      id: i.id,
      code: formatTrackingCode(i.code),
      kind: i.kind as DemandKind,
      title: i.title,
      status: i.status as DemandStatus,
      category: i.category ?? i.suggestedCategory,
      area: areaOf(i)?.name ?? null,
      urgent: i.urgent === 1,
      people: people(i.id),
      createdAt: i.createdAt,
    }));
  const task = row.taskId ? await taskRowById(ctx.db, row.taskId) : undefined;
  return presentClusterDetail(ctx.actor!, {
    row,
    solicitationId: analysis.solicitationId,
    names: await departmentNames(ctx.db, [row]),
    members,
    taskCode: task?.code ?? null,
  });
}
