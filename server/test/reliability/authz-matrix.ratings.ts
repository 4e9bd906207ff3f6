import type { InjectOptions } from 'fastify';
import { systemCtx } from '../../src/bootstrap.ts';
import { rateBadgeHolder, ratingPageCode } from '../../src/modules/ratings/index.ts';
import { appealRating } from '../../src/modules/ratings/ratings.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import { closedEnquiry, publicCaller } from './authz-matrix.enquiries.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 好差评 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Ratings are read with ratings.read (the office,
 * heads — not staff) within the data scope; a department appeals its bad reviews (ratings.appeal:
 * heads); the office reviews the appeals (ratings.review) — the route refuses everyone else (403)
 * before the record is looked up. The public rates a closed enquiry and reads a department's page.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const READS = E(401, 200, 200, 200, 403, 200);
const PUBLIC = E(200, 200, 200, 200, 200, 200);

let raters = 0;
/** a bad review (1 分: it opens a 整改 item) of a new person of the scope's department, from a badge */
export async function badRating(w: World, scope: Scope) {
  const person = await w.make.person(scope);
  const n = ++raters;
  return rateBadgeHolder(
    ctx(w),
    { personId: person.id, departmentId: person.departmentId },
    { score: 1, comment: '窗口人员态度生硬' },
    { deviceHash: `matrix-device-${n}`, addressHash: `matrix-address-${n}` },
  );
}

async function appealed(w: World, scope: Scope) {
  const r = await badRating(w, scope);
  return appealRating(ctx(w), r.id, { reason: '当事人系按规定答复，属误评', version: r.version });
}

export const RATING_ROWS: Record<string, Row> = {
  'GET /api/ratings': {
    request: async () => get('/api/ratings?pageSize=200'),
    in: READS,
    hidden: async (w) => (await badRating(w, 'out')).id,
  },
  'GET /api/ratings/stats': { request: async () => get('/api/ratings/stats'), in: READS },
  'GET /api/ratings/:id': {
    request: async (w, s) => get(`/api/ratings/${(await badRating(w, s)).id}`),
    in: READS,
    out: E(401, 200, 200, 404, 403, 404),
  },
  'POST /api/ratings/:id/appeal': {
    request: async (w, s) => {
      const r = await badRating(w, s);
      return { method: 'POST', url: `/api/ratings/${r.id}/appeal`, payload: { reason: '群众误解办理时限', version: r.version } };
    },
    in: E(401, 200, 403, 200, 403, 200),
    out: E(401, 200, 403, 404, 403, 404),
  },
  'POST /api/ratings/:id/appeal/decision': {
    request: async (w, s) => {
      const r = await appealed(w, s);
      return {
        method: 'POST',
        url: `/api/ratings/${r.id}/appeal/decision`,
        payload: { decision: 'rejected', note: '经回访，评价属实', version: r.version },
      };
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
  // the public: no account, whatever the caller sends; each request an address and device of its own
  'POST /api/public/enquiries/:code/ratings': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/public/enquiries/${(await closedEnquiry(w, s)).code}/ratings`,
      payload: { score: 5, comment: '答复及时，很满意' },
      ...publicCaller(),
    }),
    in: E(201, 201, 201, 201, 201, 201),
  },
  'GET /api/public/departments/:code/ratings': {
    request: async (w, s) => ({
      ...get(`/api/public/departments/${await ratingPageCode(ctx(w), w.deptOf(s).id)}/ratings`),
      ...publicCaller(),
    }),
    in: PUBLIC,
  },
};
