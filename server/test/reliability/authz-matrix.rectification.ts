import type { InjectOptions } from 'fastify';
import { buildRectification } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { shanghaiDate } from '../../src/platform/calendar/working-days.ts';
import { submitRectification } from '../../src/modules/rectification/rectification-steps.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 整改 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Items live in A1 ("in") or B ("out"). No
 * department of this world has a head, so an item has no owner and any handler of its department
 * (rectification.handle: the head and staff, not the office) may assign and submit; the office
 * (rectification.verify) opens items by hand, verifies, returns and revisits them — the route
 * refuses everyone else (403) before the record is looked up.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const SEES = E(401, 200, 200, 200, 200, 200);
const OUT = E(401, 200, 200, 404, 404, 404);
const HANDLES = E(401, 200, 403, 200, 200, 200);
const HANDLES_OUT = E(401, 200, 403, 404, 404, 404);
const VERIFIES = E(401, 200, 200, 403, 403, 403);

/** an open item (an inspection finding) of the scope's department */
const item = (w: World, scope: Scope) => buildRectification(w.t, { departmentId: w.deptOf(scope).id });

/** an item the department has answered (待核实), for the office's steps */
async function submitted(w: World, scope: Scope) {
  const { id } = await item(w, scope);
  const row = await submitRectification(ctx(w), id, { resolution: 'fixed', note: '已补齐台账记录', version: 1 });
  return { id, version: row.version };
}

const step = async (w: World, s: Scope, name: string, payload: (version: number) => object): Promise<InjectOptions> => {
  const { id, version } = await submitted(w, s);
  return { method: 'POST', url: `/api/rectifications/${id}/${name}`, payload: payload(version) };
};

export const RECTIFICATION_ROWS: Record<string, Row> = {
  'GET /api/rectifications': {
    request: async () => get('/api/rectifications?pageSize=200'),
    in: SEES,
    hidden: async (w) => (await item(w, 'out')).id,
  },
  'POST /api/rectifications': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/rectifications',
      payload: { departmentId: w.deptOf(s).id, title: '窗口服务态度问题', detail: '群众反映窗口人员答复不耐烦' },
    }),
    in: E(401, 201, 201, 403, 403, 403),
    out: E(401, 201, 201, 403, 403, 403),
  },
  'GET /api/rectifications/:id': { request: async (w, s) => get(`/api/rectifications/${(await item(w, s)).id}`), in: SEES, out: OUT },
  'POST /api/rectifications/:id/assign': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/rectifications/${(await item(w, s)).id}/assign`,
      payload: { ownerPersonId: (await w.make.person(s)).id, version: 1 },
    }),
    in: HANDLES,
    out: HANDLES_OUT,
  },
  'POST /api/rectifications/:id/submit': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/rectifications/${(await item(w, s)).id}/submit`,
      payload: { resolution: 'explained', note: '经核实系误解，已向群众说明', version: 1 },
    }),
    in: HANDLES,
    out: HANDLES_OUT,
  },
  'POST /api/rectifications/:id/verify': {
    request: (w, s) => step(w, s, 'verify', (version) => ({ note: '整改到位', version })),
    in: VERIFIES,
    out: VERIFIES,
  },
  'POST /api/rectifications/:id/return': {
    request: (w, s) => step(w, s, 'return', (version) => ({ reason: '佐证不足，请补充', version })),
    in: VERIFIES,
    out: VERIFIES,
  },
  'POST /api/rectifications/:id/revisit': {
    request: (w, s) =>
      step(w, s, 'revisit', (version) => ({ revisitedOn: shanghaiDate(w.t.clock.now()), way: 'phone', outcome: 'satisfied', version })),
    in: VERIFIES,
    out: VERIFIES,
  },
};
