import type { WordWeight } from '@qinlian/contracts';

/**
 * 议题聚类 — grouping a campaign's items by what they ask for, from their segmented words (the same
 * words the similar-item lookup indexes). Pure: the analysis service reads the items and keeps the
 * result. Each word weighs by how rare it is among the items (inverse document frequency), so two
 * items sharing 幼儿园 and 学位 are close while two sharing 建议 and 小区 are not.
 *
 * A cluster's profile is the share of its items holding each word (its core: the words enough of
 * them hold); an item joins the closest cluster whose weighted (generalised) Jaccard similarity
 * reaches CLUSTER_THRESHOLD, else starts one. One
 * pass depends on the order items come in, so clusters that ended up alike are merged afterwards.
 * Clusters the leadership group has taken up (kept) keep their items, may gain new ones, and never
 * merge with each other.
 */

/** An item the analysis counts: the item merged ones follow, carrying all their submitters. */
export type ClusterUnit = {
  id: string;
  title: string;
  /** its indexed words (title and body) */
  words: readonly string[];
  /** its distinct submitters: the item's and the items merged into it */
  people: number;
  /**
   * who they are (keyed digests, or an item's id when it names no one): a cluster counts the distinct
   * ones across its units. Left out, the unit's `people` count as people of their own.
   */
  submitters?: readonly string[];
  urgent: boolean;
  category: string | null;
};

/** A cluster under evaluation, selected or withdrawn: it keeps its id (and evaluation) across recomputes. */
export type KeptCluster = { id: string; unitIds: readonly string[] };

export type ClusterResult = {
  /** the kept cluster this is, or null for a new one */
  keptId: string | null;
  /** most people first */
  unitIds: string[];
  people: number;
  /** units: items, merged ones with the item they joined */
  items: number;
  urgent: number;
  label: string;
  /** the title of its item with the most people: what the cluster is about, in a submitter's words */
  headline: string;
  topWords: WordWeight[];
  categories: { name: string; people: number }[];
};

/** Below this similarity an item is about something else (tuned on the demo's suggestions and demands). */
export const CLUSTER_THRESHOLD = 0.15;
const TOP_WORDS = 12;
const LABEL_WORDS = 3;
/** the rarest words of an item or cluster that find its candidate clusters */
const PROBE_WORDS = 8;
const MERGE_ROUNDS = 4;

/** Words every suggestion is made of (“我建议……”): they tell no two suggestions apart, and would top every cloud. */
const SAY_NOTHING = new Set(['建议', '意见', '反映', '提出', '提议', '呼吁']);

/** A word worth grouping by: two characters or more, not a bare number (楼层、路号 say nothing shared), not a way of asking. */
const featureWord = (w: string) => w.length > 1 && !/^\d+$/.test(w) && !SAY_NOTHING.has(w);

type Profile = { counts: Map<string, number>; n: number };
/** What a profile is about: the words held by enough of its items, with their shares and total weight. */
type Core = { shares: Map<string, number>; weight: number };
type Working = Profile & { keptId: string | null; units: ClusterUnit[]; alive: boolean; core?: Core };

/**
 * A word held by no more than this share of a cluster's items is one submitter's detail (a street, a
 * number of years), not what the cluster is about: left out, so that such details do not push a new
 * item about the same thing away. A cluster is about what most of its items say.
 */
const DETAIL_SHARE = 0.5;

/** A unit's submitters: its keys, or `people` of its own when it carries none. */
const submittersOf = (u: ClusterUnit): readonly string[] => u.submitters ?? Array.from({ length: u.people }, (_, i) => `unit:${u.id}#${i}`);

/** Adds a unit's submitters to a set kept per key (word, category): distinct people per key. */
function addPeople(into: Map<string, Set<string>>, key: string, u: ClusterUnit) {
  const set = into.get(key) ?? new Set<string>();
  for (const s of submittersOf(u)) set.add(s);
  into.set(key, set);
}

export const byPeople = (a: ClusterUnit, b: ClusterUnit) =>
  b.people - a.people || Number(b.urgent) - Number(a.urgent) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How rare each word is among the units: ln(1 + N / units holding it). */
function rarity(units: readonly ClusterUnit[]): (w: string) => number {
  const df = new Map<string, number>();
  for (const u of units) for (const w of new Set(u.words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = units.length;
  return (w) => Math.log(1 + n / (df.get(w) ?? 1));
}

function coreOf(p: Profile & { core?: Core }, idf: (w: string) => number): Core {
  if (p.core) return p.core;
  const shares = new Map<string, number>();
  let weight = 0;
  for (const [w, c] of p.counts) {
    const share = c / p.n;
    if (p.n > 1 && share <= DETAIL_SHARE) continue;
    shares.set(w, share);
    weight += idf(w) * share;
  }
  return (p.core = { shares, weight });
}

/** Weighted Jaccard of two cores: Σ idf·min(shareA, shareB) / Σ idf·max(shareA, shareB). */
function similarity(a: Profile, b: Profile, idf: (w: string) => number): number {
  const [ca, cb] = [coreOf(a, idf), coreOf(b, idf)];
  const [small, large] = ca.shares.size <= cb.shares.size ? [ca, cb] : [cb, ca];
  let shared = 0;
  for (const [w, sa] of small.shares) {
    const sb = large.shares.get(w);
    if (sb) shared += idf(w) * Math.min(sa, sb);
  }
  const either = ca.weight + cb.weight - shared;
  return either > 0 ? shared / either : 0;
}

function profileOf(unit: ClusterUnit): Profile {
  const counts = new Map<string, number>();
  for (const w of unit.words) if (featureWord(w)) counts.set(w, 1);
  return { counts, n: 1 };
}

function absorb(into: Working, from: Profile, units: ClusterUnit[]) {
  for (const [w, c] of from.counts) into.counts.set(w, (into.counts.get(w) ?? 0) + c);
  into.n += from.n;
  into.units.push(...units);
  into.core = undefined;
}

/** A profile's rarest words (by idf, then by how many of its items hold them): where its candidates are found. */
const probesOf = (p: Profile, idf: (w: string) => number) =>
  [...p.counts.entries()]
    .sort(([wa, ca], [wb, cb]) => idf(wb) * cb - idf(wa) * ca || (wa < wb ? -1 : 1))
    .slice(0, PROBE_WORDS)
    .map(([w]) => w);

/** Which clusters hold each word: candidates are the clusters sharing a probe word. */
class ClusterIndex {
  private readonly byWord = new Map<string, Set<number>>();
  add(i: number, words: Iterable<string>) {
    for (const w of words) {
      const set = this.byWord.get(w);
      if (set) set.add(i);
      else this.byWord.set(w, new Set([i]));
    }
  }
  candidates(words: readonly string[]): Set<number> {
    const out = new Set<number>();
    for (const w of words) for (const i of this.byWord.get(w) ?? []) out.add(i);
    return out;
  }
}

/** Groups `units` into clusters, `kept` ones first with their items; ranked by people, then urgency. */
export function clusterUnits(units: readonly ClusterUnit[], kept: readonly KeptCluster[] = []): ClusterResult[] {
  const idf = rarity(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const clusters: Working[] = [];
  const index = new ClusterIndex();
  const placed = new Set<string>();

  for (const k of kept) {
    const c: Working = { counts: new Map(), n: 0, keptId: k.id, units: [], alive: true };
    for (const id of k.unitIds) {
      const u = byId.get(id);
      if (!u || placed.has(id)) continue;
      placed.add(id);
      absorb(c, profileOf(u), [u]);
    }
    index.add(clusters.length, c.counts.keys());
    clusters.push(c);
  }

  for (const u of [...units].sort(byPeople)) {
    if (placed.has(u.id)) continue;
    const p = profileOf(u);
    let best = -1;
    let bestScore = 0;
    for (const i of index.candidates(probesOf(p, idf))) {
      const score = similarity(p, clusters[i]!, idf);
      if (score > bestScore || (score === bestScore && i < best)) [best, bestScore] = [i, score];
    }
    if (best >= 0 && bestScore >= CLUSTER_THRESHOLD) {
      absorb(clusters[best]!, p, [u]);
      index.add(best, p.counts.keys());
    } else {
      index.add(clusters.length, p.counts.keys());
      clusters.push({ ...p, keptId: null, units: [u], alive: true });
    }
  }

  mergeAlike(clusters, index, idf);
  return rank(clusters.filter((c) => c.alive && (c.keptId !== null || c.units.length > 0)).map((c) => resultOf(c, idf)));
}

/** Clusters that one pass left apart but are about the same thing become one; a kept cluster absorbs an open one. */
function mergeAlike(clusters: Working[], index: ClusterIndex, idf: (w: string) => number) {
  for (let round = 0; round < MERGE_ROUNDS; round++) {
    let merged = false;
    for (let i = 0; i < clusters.length; i++) {
      const a = clusters[i]!;
      if (!a.alive || a.n === 0) continue;
      let best = -1;
      let bestScore = 0;
      for (const j of index.candidates(probesOf(a, idf))) {
        const b = clusters[j]!;
        if (j === i || !b.alive || b.n === 0 || (a.keptId && b.keptId)) continue;
        const score = similarity(a, b, idf);
        if (score > bestScore || (score === bestScore && j < best)) [best, bestScore] = [j, score];
      }
      if (best < 0 || bestScore < CLUSTER_THRESHOLD) continue;
      const b = clusters[best]!;
      const [into, from, at] = b.keptId ? [b, a, best] : [a, b, i];
      absorb(into, from, from.units);
      index.add(at, from.counts.keys());
      from.alive = false;
      merged = true;
    }
    if (!merged) return;
  }
}

function resultOf(c: Working, idf: (w: string) => number): ClusterResult {
  const units = [...c.units].sort(byPeople);
  // every count is of distinct submitters: one person sending the same thing again is one person
  const holding = new Map<string, Set<string>>();
  const inTitle = new Map<string, Set<string>>();
  const categories = new Map<string, Set<string>>();
  const people = new Set<string>();
  const urgent = new Set<string>();
  for (const u of units) {
    for (const s of submittersOf(u)) {
      people.add(s);
      if (u.urgent) urgent.add(s);
    }
    for (const w of new Set(u.words)) {
      if (!featureWord(w)) continue;
      addPeople(holding, w, u);
      if (u.title.toLowerCase().includes(w)) addPeople(inTitle, w, u);
    }
    if (u.category) addPeople(categories, u.category, u);
  }
  // a word in the titles says what the items are about; the body adds the detail
  const score = (w: string) => ((holding.get(w)?.size ?? 0) + (inTitle.get(w)?.size ?? 0)) * idf(w);
  const words = [...holding.keys()].sort((wa, wb) => score(wb) - score(wa) || (wa < wb ? -1 : 1));
  return {
    keptId: c.keptId,
    unitIds: units.map((u) => u.id),
    people: people.size,
    items: units.length,
    urgent: urgent.size,
    label: words.slice(0, LABEL_WORDS).join('、'),
    headline: units[0]?.title ?? '',
    topWords: words.slice(0, TOP_WORDS).map((word) => ({ word, weight: holding.get(word)!.size })),
    categories: [...categories.entries()]
      .map(([name, set]) => ({ name, people: set.size }))
      .sort((a, b) => b.people - a.people || (a.name < b.name ? -1 : 1)),
  };
}

/** 排序: most people first, then the larger share of urgent people, then more urgent people, then more items. */
export function rank(results: ClusterResult[]): ClusterResult[] {
  const share = (r: ClusterResult) => (r.people ? r.urgent / r.people : 0);
  return results.sort(
    (a, b) =>
      b.people - a.people ||
      share(b) - share(a) ||
      b.urgent - a.urgent ||
      b.items - a.items ||
      (a.unitIds[0] ?? a.keptId ?? '').localeCompare(b.unitIds[0] ?? b.keptId ?? ''),
  );
}

/** The campaign's word cloud: the words most telling across all items, each weighed by the distinct people who used it. */
export function wordCloud(units: readonly ClusterUnit[], limit = 80): WordWeight[] {
  const idf = rarity(units);
  const people = new Map<string, Set<string>>();
  for (const u of units) for (const w of new Set(u.words)) if (featureWord(w)) addPeople(people, w, u);
  return [...people.entries()]
    .map(([word, set]) => ({ word, weight: set.size }))
    .sort((a, b) => b.weight * idf(b.word) - a.weight * idf(a.word) || (a.word < b.word ? -1 : 1))
    .slice(0, limit);
}
