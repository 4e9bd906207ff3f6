import { defineScenario, q } from '../scenario.ts';

/**
 * 人员列表: a department head (数据权限 dept_and_below) lists the people of their unit and everything
 * under it, a page of 20, paging through the first pages. The baseline answers the same page in
 * SQL: the people of the departments under the path prefix with department name, account and AB
 * posts, and the total.
 */
const PAGE = 20;
// the subtree's department ids first, then people by their department index (a join filtered on
// d.path LIKE would scan every person: 90 ms instead of 4 ms at 50,000 people)
const SUBTREE = 'SELECT id FROM departments WHERE path LIKE ?';
const LIST = `SELECT p.id, p.name, p.phone, p.department_id, p.title, p.status, p.version, p.created_at, d.name AS department_name, u.id AS user_id, u.username
  FROM people p JOIN departments d ON d.id = p.department_id LEFT JOIN users u ON u.person_id = p.id
  WHERE p.department_id IN (${SUBTREE}) ORDER BY d.path, p.name, p.id LIMIT ${PAGE} OFFSET ?`;
const COUNT = `SELECT count(*) AS n FROM people WHERE department_id IN (${SUBTREE})`;
const POSTS = (n: number, pg: boolean) =>
  `SELECT id, name, a_person_id, b_person_id FROM posts WHERE archived_at IS NULL AND (a_person_id IN (${ph(n, pg, 0)}) OR b_person_id IN (${ph(n, pg, n)}))`;
const ph = (n: number, pg: boolean, from: number) => Array.from({ length: n }, (_, i) => (pg ? `$${from + i + 1}` : '?')).join(', ');

const page = (items: any[], posts: any[], total: number) => ({
  items: items.map((p) => ({
    ...p,
    posts: posts
      .filter((x) => x.a_person_id === p.id || x.b_person_id === p.id)
      .map((x) => ({ id: x.id, name: x.name, role: x.a_person_id === p.id ? 'A' : 'B' })),
  })),
  total,
});

export const scenario = defineScenario({
  name: 'people-subtree',
  title: '人员列表（本部门及以下）people of a subtree',
  measures: 'GET /api/people?departmentId=<unit>&subtree=true as a dept_and_below head: scope + path prefix, page of 20 with total',
  role: 'head',
  async plan({ manifest }) {
    const pages = Math.max(1, Math.min(5, Math.ceil(manifest.head.subtreePeople / PAGE)));
    const pageOf = (s: { sent: number; client: number }) => 1 + ((s.client + s.sent) % pages);
    return {
      app: {
        request: (s) => ({
          method: 'GET',
          path: `/api/people?${new URLSearchParams(q({ departmentId: manifest.head.departmentId, subtree: 'true', page: pageOf(s), pageSize: PAGE }))}`,
        }),
      },
      baseline: { request: (s) => ({ method: 'GET', query: q({ path: manifest.head.path, page: pageOf(s) }) }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite(db, { query }) {
      const prefix = `${query.path}%`;
      const items = db.prepare(LIST).all(prefix, (Number(query.page) - 1) * PAGE) as any[];
      const ids = items.map((p) => p.id);
      const posts = ids.length ? db.prepare(POSTS(ids.length, false)).all(...ids, ...ids) : [];
      return page(items, posts, (db.prepare(COUNT).get(prefix) as { n: number }).n);
    },
    async postgres(pool, { query }) {
      const prefix = `${query.path}%`;
      const toPg = (s: string) => {
        let n = 0;
        return s.replace(/\?/g, () => `$${++n}`);
      };
      const [items, total] = await Promise.all([
        pool.query(toPg(LIST), [prefix, (Number(query.page) - 1) * PAGE]).then((r) => r.rows),
        pool.query(toPg(COUNT), [prefix]).then((r) => Number(r.rows[0].n)),
      ]);
      const ids = items.map((p: any) => p.id);
      const posts = ids.length ? (await pool.query(POSTS(ids.length, true), [...ids, ...ids])).rows : [];
      return page(items, posts, total);
    },
  },
});
