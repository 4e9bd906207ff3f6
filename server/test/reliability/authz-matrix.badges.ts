import type { InjectOptions } from 'fastify';
import { buildBadge } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { setPersonPhoto } from '../../src/modules/org/people.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import { publicCaller } from './authz-matrix.enquiries.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 亮牌上岗 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Everyone reads and prints the badges of their
 * data scope (people.read); a person edits their own duties and reissues their own badge, and
 * badges.manage (the office, heads) does both for anyone in scope and alone revokes. Each row acts
 * on a new person of A1 ("in") or B ("out"), never the caller, so the staff member is refused.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const SEES = E(401, 200, 200, 200, 200, 200);
const OUT = E(401, 200, 200, 404, 404, 404);
const MANAGES = E(401, 200, 200, 200, 403, 200);
const PUBLIC = E(200, 200, 200, 200, 200, 200);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5a1d30000000049454e44ae426082',
  'hex',
);

const someone = async (w: World, s: Scope) => (await w.make.person(s)).id;

/** the live badge of a new person of the scope's department, with a photo when asked */
async function badgeCode(w: World, s: Scope, photo = false) {
  const personId = await someone(w, s);
  if (photo) await setPersonPhoto(ctx(w), personId, { bytes: PNG, dataDir: w.t.config.dataDir });
  return (await buildBadge(w.t, personId)).code;
}

export const BADGE_ROWS: Record<string, Row> = {
  'GET /api/badges/departments/:id': { request: async (w, s) => get(`/api/badges/departments/${w.deptOf(s).id}`), in: SEES, out: OUT },
  'GET /api/badges/people/:personId': { request: async (w, s) => get(`/api/badges/people/${await someone(w, s)}`), in: SEES, out: OUT },
  'PUT /api/badges/people/:personId': {
    request: async (w, s) => ({
      method: 'PUT',
      url: `/api/badges/people/${await someone(w, s)}`,
      payload: { duties: '负责企业开办咨询与帮办代办' },
    }),
    in: MANAGES,
    out: OUT,
  },
  'POST /api/badges/people/:personId/reissue': {
    request: async (w, s) => ({ method: 'POST', url: `/api/badges/people/${await someone(w, s)}/reissue` }),
    in: MANAGES,
    out: OUT,
  },
  'POST /api/badges/people/:personId/revoke': {
    request: async (w, s) => ({ method: 'POST', url: `/api/badges/people/${await someone(w, s)}/revoke` }),
    in: MANAGES,
    out: E(401, 200, 200, 404, 403, 404),
  },
  'GET /api/badges/people/:personId/print': {
    // the QR code alone: the PDF needs a Chinese font, which a test machine may lack (503 print_font_missing)
    request: async (w, s) => get(`/api/badges/people/${await someone(w, s)}/print?format=png`),
    in: SEES,
    out: OUT,
  },
  // the public badge page: no account, whatever the caller sends; each request an address and device of its own
  'GET /api/public/badges/:code': {
    request: async (w, s) => ({ ...get(`/api/public/badges/${await badgeCode(w, s)}`), ...publicCaller() }),
    in: PUBLIC,
  },
  'GET /api/public/badges/:code/photo': {
    request: async (w, s) => ({ ...get(`/api/public/badges/${await badgeCode(w, s, true)}/photo`), ...publicCaller() }),
    in: PUBLIC,
  },
  'POST /api/public/badges/:code/ratings': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/public/badges/${await badgeCode(w, s)}/ratings`,
      payload: { score: 4, comment: '办事效率高' },
      ...publicCaller(),
    }),
    in: E(201, 201, 201, 201, 201, 201),
  },
};
