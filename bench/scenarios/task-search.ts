import { bigrams, fts5Phrase, tsqueryPhrase } from '../../server/src/platform/search/bigrams.ts';
import { TASK_SEARCH_CAP as SEARCH_CAP } from '@qinlian/contracts';
import { defineScenario } from '../scenario.ts';
import { TASK_PAGE_COLUMNS, TASK_PAGE_JOINS, pgAll, sqliteAll } from './_sql.ts';

/**
 * 任务检索: the office searches all tasks for a campaign phrase (营商环境, 首问负责 …), a page of 20
 * soonest due with the total. The baseline runs the app's matching by hand on the same index —
 * the query's character pairs as a phrase (FTS5 on SQLite, a tsvector with GIN on PostgreSQL), the
 * first TASK_SEARCH_CAP + 1 matches counted and sorted — so the ratio shows our overhead, not a better index.
 */
const HITS = {
  sqlite: `SELECT d.task_id AS id FROM task_search JOIN task_search_docs d ON d.doc_id = task_search.rowid WHERE task_search MATCH ? LIMIT ${SEARCH_CAP + 1}`,
  postgres: `SELECT s.task_id AS id FROM task_search s WHERE s.grams @@ ?::tsquery LIMIT ${SEARCH_CAP + 1}`,
};
const page = (hits: string) =>
  `SELECT ${TASK_PAGE_COLUMNS} FROM tasks t ${TASK_PAGE_JOINS} WHERE t.id IN (${hits}) ORDER BY t.due_date, t.id LIMIT 20`;
const count = (hits: string) => `SELECT count(*) AS n FROM (${hits}) h`;
/** what the app answers with (capped) */
const totalOf = (n: number) => ({ total: Math.min(n, SEARCH_CAP), totalCapped: n > SEARCH_CAP });

export const scenario = defineScenario({
  name: 'task-search',
  title: '任务检索 full-text search',
  measures:
    'GET /api/tasks?q=<phrase> as the office: indexed substring match over titles and codes of every task, page of 20 with total (capped)',
  role: 'office',
  needsTasks: true,
  needsRoutes: ['GET /api/tasks'],
  async plan({ manifest }) {
    const terms = manifest.tasks!.searchTerms;
    const term = (s: { client: number; sent: number }) => terms[(s.client + s.sent) % terms.length]!;
    return {
      app: { request: (s) => ({ method: 'GET', path: `/api/tasks?q=${encodeURIComponent(term(s))}&pageSize=20&sort=due` }) },
      baseline: { request: (s) => ({ method: 'GET', query: { q: term(s) } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite(db, { query }) {
      const phrase = fts5Phrase(bigrams(query.q!));
      return { items: sqliteAll(db, page(HITS.sqlite), [phrase]), ...totalOf(sqliteAll(db, count(HITS.sqlite), [phrase])[0].n) };
    },
    async postgres(pool, { query }) {
      const phrase = tsqueryPhrase(bigrams(query.q!));
      const [items, total] = await Promise.all([pgAll(pool, page(HITS.postgres), [phrase]), pgAll(pool, count(HITS.postgres), [phrase])]);
      return { items, ...totalOf(Number(total[0].n)) };
    },
  },
});
