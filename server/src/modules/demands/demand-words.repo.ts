import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { engineOf } from '../../platform/db/engine.ts';

function wordsByItem(rows: { demandId: string; word: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const words = out.get(r.demandId);
    if (words) words.push(r.word);
    else out.set(r.demandId, [r.word]);
  }
  return out;
}

/** The postings of the similar-item lookup (并单候选): the only SQL on demand_words. */
export const demandWordsRepo = {
  /**
   * One statement whatever the number of words (a JSON array unpacked by the database): its text
   * never changes, so it stays prepared, and a flood of submissions does not build a 64-row insert
   * each.
   */
  async insert(db: Executor, demandId: string, words: string[]): Promise<void> {
    if (words.length === 0) return;
    const list = JSON.stringify(words);
    const rows =
      engineOf(db) === 'sqlite'
        ? sql`select ${demandId}, value from json_each(${list})`
        : sql`select ${demandId}, jsonb_array_elements_text(${list}::jsonb)`;
    await sql`insert into demand_words (demand_id, word) ${rows}`.execute(db);
  },

  /**
   * How many items hold each word, counted no further than `cap + 1`: one statement, each count an
   * index range that stops early, so a word held by half a million items costs no more than one
   * held by `cap`.
   */
  async postingCounts(db: Executor, words: string[], cap: number): Promise<Map<string, number>> {
    if (words.length === 0) return new Map();
    const probe = (word: string) =>
      db
        .selectFrom((eb) =>
          eb
            .selectFrom('demandWords')
            .select('demandId')
            .where('word', '=', word)
            .limit(cap + 1)
            .as('p'),
        )
        .select((eb) => [sql<string>`cast(${word} as text)`.as('word'), eb.fn.countAll<number>().as('n')]);
    const [first, ...rest] = words;
    const rows = await rest.reduce((q, w) => q.unionAll(probe(w)), probe(first!)).execute();
    return new Map(rows.map((r) => [r.word, Number(r.n)]));
  },

  /** The items holding the most of `words` (the lookup's candidates), most shared first. */
  sharing(db: Executor, words: string[], excludeId: string | null, limit: number) {
    let q = db
      .selectFrom('demandWords')
      .select((eb) => ['demandId', eb.fn.countAll<number>().as('shared')])
      .where('word', 'in', words);
    if (excludeId) q = q.where('demandId', '<>', excludeId);
    return q.groupBy('demandId').orderBy('shared', 'desc').orderBy('demandId', 'desc').limit(limit).execute();
  },

  /**
   * The words of the items received after `afterId` (ids sort by time), item by item; null when
   * there are more than `maxItems` of them.
   */
  async wordsSince(db: Executor, afterId: string, maxItems: number): Promise<Map<string, string[]> | null> {
    const items = await db
      .selectFrom('demandWords')
      .select('demandId')
      .where('demandId', '>', afterId)
      .groupBy('demandId')
      .limit(maxItems + 1)
      .execute();
    if (items.length > maxItems) return null;
    if (items.length === 0) return new Map();
    const rows = await db.selectFrom('demandWords').select(['demandId', 'word']).where('demandId', '>', afterId).execute();
    return wordsByItem(rows);
  },

  /** The indexed words of each of these items. */
  async wordsOf(db: Executor, demandIds: string[]): Promise<Map<string, string[]>> {
    if (demandIds.length === 0) return new Map();
    return wordsByItem(await db.selectFrom('demandWords').select(['demandId', 'word']).where('demandId', 'in', demandIds).execute());
  },
};
