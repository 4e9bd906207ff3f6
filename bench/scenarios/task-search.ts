import { defineScenario } from '../scenario.ts';
import { TASK_PAGE_COLUMNS, TASK_PAGE_JOINS, pgAll, sqliteAll } from './_sql.ts';

/**
 * 任务检索: the office searches all tasks for a campaign phrase (营商环境, 首问负责 …), a page of 20
 * soonest due with the total. The baseline runs the app's own matching (lower(title|code) LIKE
 * '%…%') — the same query, so the ratio shows our overhead, not a better index.
 */
const WHERE = "WHERE (lower(t.title) LIKE ? ESCAPE '\\' OR lower(t.code) LIKE ? ESCAPE '\\')";
const PAGE = `SELECT ${TASK_PAGE_COLUMNS} FROM tasks t ${TASK_PAGE_JOINS} ${WHERE} ORDER BY t.due_date, t.id LIMIT 20`;
const COUNT = `SELECT count(*) AS n FROM tasks t ${WHERE}`;

export const scenario = defineScenario({
  name: 'task-search',
  title: '任务检索 full-text search',
  measures: 'GET /api/tasks?q=<phrase> as the office: substring match over titles and codes of every task, page of 20 with total',
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
      const p = `%${query.q!.toLowerCase()}%`;
      return { items: sqliteAll(db, PAGE, [p, p]), total: sqliteAll(db, COUNT, [p, p])[0].n };
    },
    async postgres(pool, { query }) {
      const p = `%${query.q!.toLowerCase()}%`;
      const [items, total] = await Promise.all([pgAll(pool, PAGE, [p, p]), pgAll(pool, COUNT, [p, p])]);
      return { items, total: Number(total[0].n) };
    },
  },
});
