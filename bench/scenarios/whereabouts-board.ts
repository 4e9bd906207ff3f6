import { defineScenario } from '../scenario.ts';
import { DEPARTMENT, pgBoard, sqliteBoard } from './_whereabouts.ts';

/**
 * 部门去向一览: a department head reads the board of the largest department under their unit —
 * everyone who has not left, their state, posts held and who acts for those away (AB岗), the posts
 * nobody covers (issue #13: under 20 ms at p99 with 50 concurrent clients). The baseline reads the
 * same people, posts and board rows and puts the board together in plain code.
 */
export const scenario = defineScenario({
  name: 'whereabouts-board',
  title: '部门去向一览 a department’s whereabouts board',
  measures:
    'GET /api/whereabouts/departments/:id as the unit head: the largest department under the unit, every person with state, posts and acting backup',
  role: 'head',
  needsRoutes: ['GET /api/whereabouts/departments/:id'],
  target: { p99Ms: 20, source: 'issue #13: a department’s board under 20 ms at p99 with 50 concurrent clients' },
  async plan({ manifest }) {
    const board = manifest.whereabouts;
    if (!board) return 'the dataset has no whereabouts (whereabouts migration absent when it was generated)';
    return {
      app: { request: () => ({ method: 'GET', path: `/api/whereabouts/departments/${board.departmentId}` }) },
      baseline: { request: () => ({ method: 'GET', query: { id: board.departmentId } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite: (db, { query }) => sqliteBoard(db, DEPARTMENT, query.id ?? ''),
    postgres: (pool, { query }) => pgBoard(pool, DEPARTMENT, query.id ?? ''),
  },
});
