import type { Executor } from '../../platform/db/database.ts';
import { demandWordsRepo } from './demand-words.repo.ts';

/**
 * What the similar-item lookup keeps between requests, per database handle (transactions share
 * their root handle's adapter). Both are safe to keep because an item's words never change once
 * it is received (its text is not editable) and items are never deleted:
 *
 * - posting counts: a word past the cap stays past it for good; a rarer word's count is kept a
 *   minute — a count a few items short only reorders which rare words find candidates;
 * - an item's kept answer: the items like it (score from the cap up, best first) as of a moment,
 *   topped up on the next lookup with the items received since, so a lookup costs two small reads
 *   instead of scanning thousands of postings. The rows themselves are read fresh each time, so a
 *   merge, a rejection or a department change shows at once.
 */

const COUNT_TTL_MS = 60_000;
const COUNTS_KEPT = 200_000;
const ANSWERS_KEPT = 20_000;
/**
 * Ids are UUIDv7, ordered by the time they were made, which is a little before their transaction
 * commits: the top-up re-reads this much before the moment an answer was kept, so an item made
 * just before and committed just after is not missed.
 */
const COMMIT_SLACK_MS = 10_000;
/** More items than this since an answer was kept (a flood): it is worked out afresh instead. */
export const TOP_UP_ITEMS = 1_000;

export type Scored = { id: string; score: number };
type KeptAnswer = { since: string; found: Scored[] };
type PerHandle = { common: Set<string>; counts: Map<string, { n: number; at: number }>; answers: Map<string, KeptAnswer> };

const handles = new WeakMap<object, PerHandle>();
function perHandle(db: Executor): PerHandle {
  const key = db.getExecutor().adapter;
  let state = handles.get(key);
  if (!state) handles.set(key, (state = { common: new Set(), counts: new Map(), answers: new Map() }));
  return state;
}

/** Map order is recency order: the entry used longest ago goes first. */
function keep<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

/** How many items hold each word, counted no further than `cap + 1`, from what is kept where it can be. */
export async function postingCounts(db: Executor, words: string[], cap: number): Promise<Map<string, number>> {
  const { common, counts } = perHandle(db);
  const now = Date.now();
  const out = new Map<string, number>();
  const unknown: string[] = [];
  for (const w of words) {
    const kept = counts.get(w);
    if (common.has(w)) out.set(w, cap + 1);
    else if (kept && now - kept.at < COUNT_TTL_MS) out.set(w, kept.n);
    else unknown.push(w);
  }
  const read = await demandWordsRepo.postingCounts(db, unknown, cap);
  for (const w of unknown) {
    const n = read.get(w) ?? 0;
    out.set(w, n);
    if (n > cap) {
      counts.delete(w);
      if (common.size < COUNTS_KEPT) common.add(w);
    } else keep(counts, w, { n, at: now }, COUNTS_KEPT);
  }
  return out;
}

/** The smallest UUIDv7 made at `ms`: every id made from then on sorts after it. */
export function idFloorAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/** The moment from which a kept answer must be topped up, if it were kept now. */
export const keptSinceNow = () => idFloorAt(Date.now() - COMMIT_SLACK_MS);

export const keptAnswer = (db: Executor, itemId: string) => perHandle(db).answers.get(itemId);

export function keepAnswer(db: Executor, itemId: string, answer: KeptAnswer) {
  keep(perHandle(db).answers, itemId, answer, ANSWERS_KEPT);
}

/** A kept answer and the items that scored since it was kept, best first; null after a flood (work it out afresh). */
export async function toppedUp(
  db: Executor,
  kept: KeptAnswer,
  score: (words: string[]) => number,
  threshold: number,
  excludeId: string,
): Promise<Scored[] | null> {
  const since = await demandWordsRepo.wordsSince(db, kept.since, TOP_UP_ITEMS);
  if (since === null) return null;
  const found = new Map(kept.found.map((s) => [s.id, s.score]));
  for (const [id, words] of since) {
    const s = score(words);
    if (id !== excludeId && s >= threshold) found.set(id, s);
  }
  return [...found].map(([id, s]) => ({ id, score: s })).sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
}
