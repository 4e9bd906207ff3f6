import { defineScenario } from '../scenario.ts';
import { TASK_PAGE_COLUMNS, TASK_PAGE_JOINS, pgAll, sqliteAll } from './_sql.ts';

/**
 * 本部门预警任务: a department head lists their unit's open tasks of one warning colour, soonest
 * due first, a page of 20 with the total (issue 3: under 50 ms at p99 with 1,000,000 tasks).
 * The baseline runs the same filter on the same index with the names joined, and the total.
 */
const COLOURS = ['yellow', 'red', 'blue'] as const;
const WHERE = 'WHERE t.lead_department_id = ? AND t.is_open = 1 AND t.warning = ?';
const PAGE = `SELECT ${TASK_PAGE_COLUMNS} FROM tasks t ${TASK_PAGE_JOINS} ${WHERE} ORDER BY t.due_date, t.id LIMIT 20`;
const COUNT = `SELECT count(*) AS n FROM tasks t ${WHERE}`;

export const scenario = defineScenario({
  name: 'tasks-by-colour',
  title: '本部门预警任务 open tasks by colour',
  measures: 'GET /api/tasks?departmentId=<unit>&open=true&warning=<colour> as the unit head: page of 20, soonest due, with total',
  role: 'head',
  needsTasks: true,
  needsRoutes: ['GET /api/tasks'],
  async plan({ manifest }) {
    const dept = manifest.tasks!.busyDepartmentId;
    const colour = (s: { client: number; sent: number }) => COLOURS[(s.client + s.sent) % COLOURS.length]!;
    return {
      app: {
        request: (s) => ({ method: 'GET', path: `/api/tasks?departmentId=${dept}&open=true&warning=${colour(s)}&pageSize=20&sort=due` }),
      },
      baseline: { request: (s) => ({ method: 'GET', query: { dept, colour: colour(s) } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite: (db, { query }) => ({
      items: sqliteAll(db, PAGE, [query.dept, query.colour]),
      total: sqliteAll(db, COUNT, [query.dept, query.colour])[0].n,
    }),
    async postgres(pool, { query }) {
      const [items, total] = await Promise.all([
        pgAll(pool, PAGE, [query.dept, query.colour]),
        pgAll(pool, COUNT, [query.dept, query.colour]),
      ]);
      return { items, total: Number(total[0].n) };
    },
  },
});
