import type { InjectOptions } from 'fastify';
import { systemCtx } from '../../src/bootstrap.ts';
import { setPersonPhoto } from '../../src/modules/org/people.service.ts';
import { registerAbsence } from '../../src/modules/whereabouts/planned-absences.service.ts';
import { doorBoardFor } from '../../src/modules/whereabouts/whereabouts-board.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 工作人员去向牌 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Built-in roles: everyone reads whereabouts
 * (whereabouts.read); the office (all) and the department head (A and below) manage them; the staff
 * member sets only their own. The admin account is bound to no person: it has no "me" (409).
 * The live streams (…/live) are checked through their HEAD routes: a GET stream stays open.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const SEES = E(401, 200, 200, 200, 200, 200);
const OUT = E(401, 200, 200, 404, 404, 404);
const PUBLIC = E(200, 200, 200, 200, 200, 200);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5a1d30000000049454e44ae426082',
  'hex',
);

let slot = 0;
/** a fresh day far ahead for each planned absence, so that none overlaps another of the same person */
const nextSlot = (w: World) => {
  const start = w.t.clock.now().getTime() + (100 + 2 * ++slot) * 86_400_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 86_400_000).toISOString() };
};
/** "in": the staff member's own trip (everyone in scope may see it); "out": a trip of someone in department B */
async function absence(w: World, scope: Scope) {
  const personId = scope === 'in' ? w.staffPerson.id : (await w.make.person('out')).id;
  return registerAbsence(ctx(w), { personId, kind: 'trip', ...nextSlot(w) });
}
const boardCode = async (w: World, scope: Scope) => (await doorBoardFor(ctx(w), w.deptOf(scope).id)).code;

export const WHEREABOUTS_ROWS: Record<string, Row> = {
  'GET /api/whereabouts/me': { request: async () => get('/api/whereabouts/me'), in: E(401, 409, 200, 200, 200, 200) },
  'GET /api/whereabouts/people/:personId': {
    request: async (w, s) => get(`/api/whereabouts/people/${(await w.make.person(s)).id}`),
    in: SEES,
    out: OUT,
  },
  'PUT /api/whereabouts/people/:personId': {
    // someone else: the head and the office manage; the staff member sets only their own
    request: async (w, s) => ({
      method: 'PUT',
      url: `/api/whereabouts/people/${(await w.make.person(s)).id}`,
      payload: { state: 'meeting' },
    }),
    in: E(401, 200, 200, 200, 403, 200),
    out: OUT,
  },
  'GET /api/whereabouts/people/:personId/history': {
    request: async (w, s) => get(`/api/whereabouts/people/${(await w.make.person(s)).id}/history`),
    in: E(401, 200, 200, 200, 403, 200),
    out: OUT,
  },
  'GET /api/whereabouts/departments/:id': {
    request: async (w, s) => get(`/api/whereabouts/departments/${w.deptOf(s).id}`),
    in: SEES,
    out: OUT,
  },
  'GET /api/whereabouts/departments/:id/door-board': {
    request: async (w, s) => get(`/api/whereabouts/departments/${w.deptOf(s).id}/door-board`),
    in: SEES,
    out: OUT,
  },
  'GET /api/whereabouts/departments/:id/live': {
    request: async (w, s) => get(`/api/whereabouts/departments/${w.deptOf(s).id}/live`),
    in: SEES,
    out: OUT,
  },
  'POST /api/whereabouts/planned-absences': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/whereabouts/planned-absences',
      payload: { personId: (await w.make.person(s)).id, kind: 'leave', ...nextSlot(w) },
    }),
    in: E(401, 201, 201, 201, 403, 201),
    out: E(401, 201, 201, 404, 404, 404),
  },
  'GET /api/whereabouts/planned-absences': {
    request: async () => get('/api/whereabouts/planned-absences?pageSize=200'),
    in: SEES,
    hidden: async (w) => (await absence(w, 'out')).id,
  },
  'GET /api/whereabouts/planned-absences/:id': {
    request: async (w, s) => get(`/api/whereabouts/planned-absences/${(await absence(w, s)).id}`),
    in: SEES,
    out: OUT,
  },
  'DELETE /api/whereabouts/planned-absences/:id': {
    request: async (w, s) => ({ method: 'DELETE', url: `/api/whereabouts/planned-absences/${(await absence(w, s)).id}` }),
    in: SEES,
    out: OUT,
  },
  // the public door board: no account, whatever the caller sends
  'GET /api/public/door-boards/:code': { request: async (w, s) => get(`/api/public/door-boards/${await boardCode(w, s)}`), in: PUBLIC },
  'GET /api/public/door-boards/:code/photos/:personId': {
    request: async (w, s) => {
      const p = await w.make.person(s);
      await setPersonPhoto(ctx(w), p.id, { bytes: PNG, dataDir: w.t.config.dataDir });
      return get(`/api/public/door-boards/${await boardCode(w, s)}/photos/${p.id}`);
    },
    in: PUBLIC,
  },
  'GET /api/public/door-boards/:code/live': {
    request: async (w, s) => get(`/api/public/door-boards/${await boardCode(w, s)}/live`),
    in: PUBLIC,
  },
};
