import { defineScenario } from '../scenario.ts';
import { pgAll, sqliteAll } from './_sql.ts';

/**
 * 挂牌作战看板: the office's wall of the plan's 200 most urgent tagged tasks (the app's default), with
 * counts by status and colour of all of them. The baseline reads the same rows (names joined) and the
 * counts from task_counters.
 */
const ITEMS = `SELECT t.id, t.code, t.title, t.status, t.warning, t.progress, t.due_date, d.name AS lead_department_name, ha.name AS handler_name, l.name AS leader_name
  FROM tasks t JOIN departments d ON d.id = t.lead_department_id LEFT JOIN posts po ON po.id = t.responsible_post_id LEFT JOIN people ha ON ha.id = po.a_person_id
  LEFT JOIN people l ON l.id = t.leader_person_id
  WHERE t.plan_id = ? AND t.tagged = 1
  ORDER BY CASE t.warning WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'blue' THEN 2 ELSE 3 END, t.due_date, t.id LIMIT 200`;
const COUNTS = 'SELECT status, warning, sum(task_count) AS n FROM task_counters WHERE plan_id = ? AND tagged = 1 GROUP BY status, warning';

export const scenario = defineScenario({
  name: 'tag-board',
  title: '挂牌作战看板 tag-and-fight board',
  measures: 'GET /api/tasks/board?planId=<plan> as the office: the 200 most urgent tagged tasks, counts by status and colour of all',
  role: 'office',
  needsTasks: true,
  needsRoutes: ['GET /api/tasks/board'],
  async plan({ manifest }) {
    const planId = manifest.tasks!.planId;
    return {
      app: { request: () => ({ method: 'GET', path: `/api/tasks/board?planId=${planId}` }) },
      baseline: { request: () => ({ method: 'GET', query: { planId } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite: (db, { query }) => ({ items: sqliteAll(db, ITEMS, [query.planId]), counts: sqliteAll(db, COUNTS, [query.planId]) }),
    async postgres(pool, { query }) {
      const [items, counts] = await Promise.all([pgAll(pool, ITEMS, [query.planId]), pgAll(pool, COUNTS, [query.planId])]);
      return { items, counts };
    },
  },
});
