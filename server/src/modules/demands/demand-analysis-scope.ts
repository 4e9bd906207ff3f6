import type { Executor } from '../../platform/db/database.ts';
import { departmentsWithFullNames } from '../org/index.ts';
import { areaResolver, type Area } from './demand-areas.ts';
import type { ClusterUnit } from './demand-clustering.ts';
import { demandAnalysisRepo as repo, type ScopeItem } from './demand-analysis.repo.ts';
import type { SolicitationRow } from './demands.repo.ts';

/**
 * What a recompute counts: the campaign's items (received within the period, when one is given) and,
 * when asked, the public's demands of the period (the campaign's own period by default). An item
 * merged into another counts with it (并单: the item it joined is the unit, wherever it came in),
 * and every distinct submitter of a unit counts (the same phone, e-mail or device is one person; an item
 * naming none is its own). Rejected and hidden items are about nothing the group
 * should weigh: left out.
 */
export type AnalysisScope = { from: string | null; to: string | null; includeDemands: boolean };

/** A unit of the analysis: the item, its area, and the submissions merged into it. */
export type ScopedUnit = ClusterUnit & { submitters: readonly string[]; item: ScopeItem; area: Area | null; merged: ScopeItem[] };

export type ScopeRead = {
  units: ScopedUnit[];
  /** every item read, by id: where a kept cluster's items are now (merged since, or gone) */
  items: Map<string, ScopeItem>;
  /** the campaign's newest item at the time: later ones make the figures out of date */
  newestCampaignItemId: string | null;
};

const DAY = 86_400_000;
/** The first instant of a day in Asia/Shanghai, as stored (ISO UTC). */
const startOfShanghaiDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 8 * 3_600_000).toISOString();
const afterShanghaiDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY - 8 * 3_600_000).toISOString();

/** Who sent an item: its keyed digest, or the item itself when it names no one. */
export const submitterOf = (i: Pick<ScopeItem, 'id' | 'submitterKey'>) => i.submitterKey ?? `item:${i.id}`;

export async function readScope(db: Executor, campaign: SolicitationRow, scope: AnalysisScope): Promise<ScopeRead> {
  const period = (from: string | null, to: string | null) => ({
    from: from ? startOfShanghaiDay(from) : null,
    to: to ? afterShanghaiDay(to) : null,
  });
  const read = await repo.campaignItems(db, campaign.id, period(scope.from, scope.to));
  if (scope.includeDemands)
    read.push(...(await repo.periodDemands(db, period(scope.from ?? campaign.opensOn, scope.to ?? campaign.closesOn))));
  const items = new Map(read.map((i) => [i.id, i]));

  const rootIds = [...new Set(read.map((i) => i.mergedIntoId ?? i.id))];
  for (const root of await repo.itemsByIds(
    db,
    rootIds.filter((id) => !items.has(id)),
  ))
    items.set(root.id, root);
  const roots = rootIds
    .map((id) => items.get(id))
    .filter((i): i is ScopeItem => !!i && i.mergedIntoId === null && i.status !== 'rejected' && i.hiddenAt === null);

  const unitIds = roots.map((r) => r.id);
  const merged = new Map<string, ScopeItem[]>();
  for (const m of await repo.mergedInto(db, unitIds)) {
    items.set(m.id, m);
    if (m.hiddenAt !== null) continue;
    merged.set(m.mergedIntoId!, [...(merged.get(m.mergedIntoId!) ?? []), m]);
  }
  const words = await repo.wordsOf(db, unitIds);
  const areaOf = areaResolver((await departmentsWithFullNames(db)).map((d) => d.row));

  const units = roots.map((item): ScopedUnit => {
    const submitters = [...new Set([item, ...(merged.get(item.id) ?? [])].map(submitterOf))];
    return {
      id: item.id,
      title: item.title,
      words: words.get(item.id) ?? [],
      people: submitters.length,
      submitters,
      urgent: item.urgent === 1,
      category: item.category ?? item.suggestedCategory,
      item,
      area: areaOf(item),
      merged: merged.get(item.id) ?? [],
    };
  });
  return { units, items, newestCampaignItemId: await repo.newestCampaignItemId(db, campaign.id) };
}
