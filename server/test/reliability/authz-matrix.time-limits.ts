import type { InjectOptions } from 'fastify';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName } from './world.ts';

/**
 * The matrix rows of 限时办结 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Everyone signed in reads the limits; only the
 * office (time_limits.manage) changes them; the on-time statistics (time_limits.stats) are the
 * office's, leaders' and department heads' — not staff's — within their data scope (a department
 * out of scope is not found).
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const get = (url: string): InjectOptions => ({ method: 'GET', url });

export const TIME_LIMIT_ROWS: Record<string, Row> = {
  'GET /api/time-limits': { request: async () => get('/api/time-limits'), in: E(401, 200, 200, 200, 200, 200) },
  'PUT /api/time-limits/:kind': {
    // public_demand: a kind no other row times, so changing its limit moves no other row's deadline
    request: async () => ({ method: 'PUT', url: '/api/time-limits/public_demand', payload: { workingDays: 15 } }),
    in: E(401, 200, 200, 403, 403, 403),
  },
  'GET /api/time-limits/stats': {
    request: async (w, s) => get(`/api/time-limits/stats?departmentId=${w.deptOf(s).id}`),
    in: E(401, 200, 200, 200, 403, 200),
    out: E(401, 200, 200, 404, 403, 404),
  },
};
