import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';
import { demandWordsRepo } from './demand-words.repo.ts';
import { keyWordsOf, WORDS_PER_ITEM } from './demand-words.ts';
import { keepAnswer, keptAnswer, keptSinceNow, postingCounts, toppedUp, type Scored } from './demand-similar-kept.ts';

/** 并单候选 — similar items: found through the postings of their segmented words, scored by Jaccard. */

/** Indexes a new item's words (title and body, at most 64; `words` when intake has cut them already) in the intake's transaction. */
export async function indexDemandWords(tx: TxCtx, row: DemandRow, words?: string[]): Promise<void> {
  await demandWordsRepo.insert(tx.db, row.id, keyWordsOf(`${row.title}\n${row.body}`, WORDS_PER_ITEM, words));
}

/**
 * A word held by more items than this tells none apart (小区, 反映 at a million items) and would
 * make the lookup read a long posting list: it is not used to find candidates (it still counts in
 * the score of the candidates found through rarer words).
 */
export const COMMON_WORD_POSTINGS = 5_000;
/** Postings read per lookup at most, rarest words first: bounds the lookup's cost whatever the table's size. */
const POSTINGS_BUDGET = 10_000;
/** Candidates (most shared words first) whose whole word sets are compared. */
const CANDIDATES = 50;
/** Below this share of words in common, two items are about different things. */
export const SIMILARITY_THRESHOLD = 0.35;

/** Jaccard index of two word sets: the words in common over the words in either. */
export function jaccard(a: ReadonlySet<string>, b: readonly string[]): number {
  const shared = b.filter((w) => a.has(w)).length;
  const either = a.size + b.length - shared;
  return either === 0 ? 0 : shared / either;
}

/** The words to look candidates up by: the rarer ones first, no common word, within the postings budget. */
export function lookupWords(words: string[], postings: ReadonlyMap<string, number>): string[] {
  const usable = words.filter((w) => (postings.get(w) ?? 0) > 0 && postings.get(w)! <= COMMON_WORD_POSTINGS);
  usable.sort((a, b) => postings.get(a)! - postings.get(b)!);
  const chosen: string[] = [];
  let budget = POSTINGS_BUDGET;
  for (const w of usable) {
    const n = postings.get(w)!;
    if (n > budget) break;
    chosen.push(w);
    budget -= n;
  }
  return chosen;
}

export type SimilarDemand = { row: DemandRow; score: number };
export type SimilarOptions = {
  /** the item itself, when its own text is the query: its answer is kept between lookups (demand-similar-kept.ts) */
  excludeId?: string;
  limit?: number;
  /** the caller's data scope: candidates it may not see are left out before the limit is applied */
  visible?: (row: DemandRow) => boolean;
};

/** The items alike enough to `words` among the candidates sharing the most of its rarer words, best first. */
async function scoredCandidates(db: Executor, words: string[], query: ReadonlySet<string>, excludeId: string | null): Promise<Scored[]> {
  const probes = lookupWords(words, await postingCounts(db, words, COMMON_WORD_POSTINGS));
  if (probes.length === 0) return [];
  const ids = (await demandWordsRepo.sharing(db, probes, excludeId, CANDIDATES)).map((s) => s.demandId);
  const sets = await demandWordsRepo.wordsOf(db, ids);
  return ids
    .map((id) => ({ id, score: jaccard(query, sets.get(id) ?? []) }))
    .filter((s) => s.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
}

/** The scored items like an item's own text: its kept answer topped up, or worked out and kept. */
async function scoredForItem(db: Executor, itemId: string, words: string[], query: ReadonlySet<string>): Promise<Scored[]> {
  const kept = keptAnswer(db, itemId);
  const since = keptSinceNow();
  const found =
    (kept && (await toppedUp(db, kept, (w) => jaccard(query, w), SIMILARITY_THRESHOLD, itemId))) ??
    (await scoredCandidates(db, words, query, itemId));
  keepAnswer(db, itemId, { since, found });
  return found;
}

/**
 * Items like `text`, best first, each with its score (0–1): candidates are the items sharing the
 * most of its rarer words; each is scored by Jaccard over the two word sets, and kept from 0.35 up.
 * Items merged into another, and rejected ones, are never offered.
 */
export async function similarDemands(db: Executor, text: string, opts: SimilarOptions = {}): Promise<SimilarDemand[]> {
  const words = keyWordsOf(text);
  const query = new Set(words);
  const scored = opts.excludeId ? await scoredForItem(db, opts.excludeId, words, query) : await scoredCandidates(db, words, query, null);
  const rows = new Map(
    (
      await demandsRepo.byIds(
        db,
        scored.map((s) => s.id),
      )
    ).map((r) => [r.id, r]),
  );
  return scored
    .flatMap(({ id, score }) => {
      const row = rows.get(id);
      return row && row.mergedIntoId === null && row.status !== 'rejected' && (opts.visible?.(row) ?? true) ? [{ row, score }] : [];
    })
    .slice(0, opts.limit ?? 5);
}
