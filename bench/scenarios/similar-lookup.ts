import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { COMMON_WORD_POSTINGS, SIMILARITY_THRESHOLD } from '../../server/src/modules/demands/demand-similarity.ts';
import { defineScenario } from '../scenario.ts';
import { pgAll, placeholders } from './_sql.ts';

/**
 * 并单候选 (issue #14): the office opens an item and asks which stored items are like it, to merge
 * the same complaint from several people. The app segments the item's text (jieba), counts each
 * word's postings (capped), takes the items sharing the most of its rarer words, reads their rows
 * and word sets and keeps those alike by Jaccard. The baseline runs the same SQL as
 * demand-words.repo.ts with the driver, the item's words read from its postings instead of
 * segmented, and the choosing and scoring in plain code.
 */

/** demand-similarity.ts's private limits: postings read per lookup, candidates compared */
const POSTINGS_BUDGET = 10_000;
const CANDIDATES = 50;
const SHOWN = 5;
/** the default --connections: client c asks sample[c], sample[c + 50] … so a round of all clients asks 50 different items */
const CLIENTS = 50;

const SQL = {
  item: 'SELECT * FROM demands WHERE id = ?',
  words: 'SELECT word FROM demand_words WHERE demand_id = ?',
  postings: (n: number) =>
    Array.from(
      { length: n },
      () => 'SELECT CAST(? AS TEXT) AS word, count(*) AS n FROM (SELECT demand_id FROM demand_words WHERE word = ? LIMIT ?) p',
    ).join(' UNION ALL '),
  sharing: (n: number) =>
    `SELECT demand_id, count(*) AS shared FROM demand_words WHERE word IN (${placeholders(n)}) AND demand_id <> ? GROUP BY demand_id ORDER BY shared DESC, demand_id DESC LIMIT ${CANDIDATES}`,
  rows: (n: number) => `SELECT * FROM demands WHERE id IN (${placeholders(n)})`,
  sets: (n: number) => `SELECT demand_id, word FROM demand_words WHERE demand_id IN (${placeholders(n)})`,
};

type Row = Record<string, any>;
/** The four steps after the item's own words, one engine's way. */
type Steps = {
  postings(words: string[]): Promise<Row[]> | Row[];
  sharing(words: string[], id: string): Promise<Row[]> | Row[];
  rows(ids: string[]): Promise<Row[]> | Row[];
  sets(ids: string[]): Promise<Row[]> | Row[];
};

/** Rarest words first, none held by more than COMMON_WORD_POSTINGS items, within the postings budget. */
function probesOf(words: string[], counts: Row[]): string[] {
  const n = new Map(counts.map((c) => [c.word as string, Number(c.n)]));
  const usable = words.filter((w) => (n.get(w) ?? 0) > 0 && n.get(w)! <= COMMON_WORD_POSTINGS).sort((a, b) => n.get(a)! - n.get(b)!);
  const chosen: string[] = [];
  let budget = POSTINGS_BUDGET;
  for (const w of usable) {
    if (n.get(w)! > budget) break;
    chosen.push(w);
    budget -= n.get(w)!;
  }
  return chosen;
}

async function similar(id: string, item: Row | undefined, words: string[], steps: Steps) {
  if (!item) return { items: [] };
  const probes = probesOf(words, await steps.postings(words));
  if (!probes.length) return { items: [] };
  const ids = (await steps.sharing(probes, id)).map((r) => r.demand_id as string);
  if (!ids.length) return { items: [] };
  const rows = await steps.rows(ids);
  const sets = await steps.sets(ids);
  const wordsOf = new Map<string, string[]>();
  for (const r of sets) wordsOf.set(r.demand_id, [...(wordsOf.get(r.demand_id) ?? []), r.word]);
  const query = new Set(words);
  const scored = rows
    .filter((r) => r.merged_into_id === null && r.status !== 'rejected')
    .map((r) => {
      const other = wordsOf.get(r.id) ?? [];
      const shared = other.filter((w) => query.has(w)).length;
      return { r, score: shared / (query.size + other.length - shared) };
    })
    .filter((s) => s.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || (a.r.id < b.r.id ? 1 : -1))
    .slice(0, SHOWN);
  return {
    items: scored.map(({ r, score }) => ({ id: r.id, code: r.code, title: r.title, status: r.status, createdAt: r.created_at, score })),
  };
}

/** better-sqlite3 prepares anew on every call; the app keeps its statements, so the baseline does too. */
const prepared = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();
function statement(db: SqliteDatabase.Database, text: string) {
  let map = prepared.get(db);
  if (!map) prepared.set(db, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = db.prepare(text)));
  return s;
}

function sqliteSimilar(db: SqliteDatabase.Database, id: string) {
  const all = (text: string, params: unknown[]) => statement(db, text).all(...params) as Row[];
  const words = statement(db, SQL.words).pluck().all(id) as string[];
  return similar(id, statement(db, SQL.item).get(id) as Row | undefined, words, {
    postings: (ws) =>
      all(
        SQL.postings(ws.length),
        ws.flatMap((w) => [w, w, COMMON_WORD_POSTINGS + 1]),
      ),
    sharing: (ws, self) => all(SQL.sharing(ws.length), [...ws, self]),
    rows: (ids) => all(SQL.rows(ids.length), ids),
    sets: (ids) => all(SQL.sets(ids.length), ids),
  });
}

async function pgSimilar(pool: pg.Pool, id: string) {
  const [item] = await pgAll(pool, SQL.item, [id]);
  const words = (await pgAll(pool, SQL.words, [id])).map((r) => r.word as string);
  return similar(id, item, words, {
    postings: (ws) =>
      pgAll(
        pool,
        SQL.postings(ws.length),
        ws.flatMap((w) => [w, w, COMMON_WORD_POSTINGS + 1]),
      ),
    sharing: (ws, self) => pgAll(pool, SQL.sharing(ws.length), [...ws, self]),
    rows: (ids) => pgAll(pool, SQL.rows(ids.length), ids),
    sets: (ids) => pgAll(pool, SQL.sets(ids.length), ids),
  });
}

export const scenario = defineScenario({
  name: 'similar-lookup',
  title: '并单候选 similar-item lookup',
  measures:
    'GET /api/demands/:id/similar as the office: segment the item, capped posting counts, candidates sharing its rarer words, their rows and word sets, Jaccard ≥ 0.35, best 5',
  role: 'office',
  needsRoutes: ['GET /api/demands/:id/similar'],
  target: { p99Ms: 100, source: 'issue #14: similar-item lookup against 1,000,000 stored submissions under 100 ms at p99' },
  async plan({ manifest }) {
    const sample = manifest.demands?.sample;
    if (!sample?.length) return 'the dataset has no demands (demands migration absent when it was generated)';
    const idOf = (s: { client: number; sent: number }) => sample[(s.client + s.sent * CLIENTS) % sample.length]!;
    return {
      app: { request: (s) => ({ method: 'GET', path: `/api/demands/${idOf(s)}/similar` }) },
      baseline: { request: (s) => ({ method: 'GET', query: { id: idOf(s) } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite: (db, { query }) => sqliteSimilar(db, query.id ?? ''),
    postgres: (pool, { query }) => pgSimilar(pool, query.id ?? ''),
  },
});
