import type { InjectOptions } from 'fastify';
import { buildDispatchSheet, buildMeasure, buildProgramme } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { shanghaiDate } from '../../src/platform/calendar/working-days.ts';
import { recordMeeting } from '../../src/modules/dispatch/dispatch-meeting.service.ts';
import { addDecision } from '../../src/modules/dispatch/dispatch-decisions.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 一周一调度 (weekly dispatch), spread into MATRIX (authz-matrix.ts). Columns as
 * there: anonymous, admin, office, deptHead, staff, token. A sheet is organised by A1 ("in") or B
 * ("out"). The office (dispatch.manage, scope all) keeps every sheet and makes decisions tasks
 * (plan.manage); the department head reads the sheets of A and its units (dispatch.read) and changes
 * none; staff hold no dispatch right (403 before any record is read); the token answers as the head.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const READS = E(401, 200, 200, 200, 403, 200);
const READS_OUT = E(401, 200, 200, 404, 403, 404);
const MANAGES = E(401, 200, 200, 403, 403, 403);
const CREATES = E(401, 201, 201, 403, 403, 403);

/** a drafted sheet of the scope's department, in a plan of its own (so that every call drafts a week anew) */
const sheet = (w: World, scope: Scope) => buildDispatchSheet(w.t, { departmentId: w.deptOf(scope).id });

/** a meeting held today (Asia/Shanghai), chaired by the office's person, the head absent with a reason */
const meeting = (w: World, version: number) => ({
  version,
  date: shanghaiDate(w.t.clock.now()),
  time: '09:00',
  place: '三楼会议室',
  chairPersonId: w.officePerson.id,
  attendees: [
    { personId: w.officePerson.id, present: true },
    { personId: w.headPerson.id, present: false, absenceReason: '出差' },
  ],
});

/** a sheet whose meeting is recorded */
async function heldSheet(w: World, scope: Scope) {
  const drafted = await sheet(w, scope);
  return recordMeeting(ctx(w), drafted.id, meeting(w, drafted.version));
}

/** a held sheet with one decision (under a measure of the sheet's plan), not yet a task */
async function decided(w: World, scope: Scope) {
  const held = await heldSheet(w, scope);
  const measure = await buildMeasure(w.t, { programmeId: (await buildProgramme(w.t, { planId: held.planId })).id });
  const after = await addDecision(ctx(w), held.id, {
    version: held.version,
    text: '限期完成整改',
    ownerDepartmentId: w.deptOf(scope).id,
    dueDate: '2026-12-31',
    measureId: measure.id,
  });
  const [decision] = await w.t.db.db.selectFrom('dispatchDecisions').select('id').where('sheetId', '=', held.id).execute();
  return { id: held.id, version: after.version, decisionId: decision!.id };
}

export const DISPATCH_ROWS: Record<string, Row> = {
  'GET /api/dispatch/sheets': {
    request: async () => get('/api/dispatch/sheets?pageSize=200'),
    in: READS,
    hidden: async (w) => (await sheet(w, 'out')).id,
  },
  'POST /api/dispatch/sheets': {
    request: async (w, s) => {
      const drafted = await sheet(w, s); // a plan of its own; its next week is still free
      return {
        method: 'POST',
        url: '/api/dispatch/sheets',
        payload: { planId: drafted.planId, week: '2026-W20', departmentId: w.deptOf(s).id },
      };
    },
    in: CREATES,
    out: CREATES,
  },
  'GET /api/dispatch/sheets/:id': {
    request: async (w, s) => get(`/api/dispatch/sheets/${(await sheet(w, s)).id}`),
    in: READS,
    out: READS_OUT,
  },
  'PUT /api/dispatch/sheets/:id': {
    request: async (w, s) => {
      const drafted = await sheet(w, s);
      return {
        method: 'PUT',
        url: `/api/dispatch/sheets/${drafted.id}`,
        payload: { version: drafted.version, title: '调度单', items: [] },
      };
    },
    in: MANAGES,
    out: MANAGES,
  },
  'PUT /api/dispatch/sheets/:id/meeting': {
    request: async (w, s) => {
      const drafted = await sheet(w, s);
      return {
        method: 'PUT',
        url: `/api/dispatch/sheets/${drafted.id}/meeting`,
        payload: meeting(w, drafted.version),
      };
    },
    in: MANAGES,
    out: MANAGES,
  },
  'POST /api/dispatch/sheets/:id/decisions': {
    request: async (w, s) => {
      const held = await heldSheet(w, s);
      return {
        method: 'POST',
        url: `/api/dispatch/sheets/${held.id}/decisions`,
        payload: { version: held.version, text: '限期整改', ownerDepartmentId: w.deptOf(s).id, dueDate: '2026-12-31' },
      };
    },
    in: CREATES,
    out: CREATES,
  },
  'DELETE /api/dispatch/sheets/:id/decisions/:decisionId': {
    request: async (w, s) => {
      const d = await decided(w, s);
      return { method: 'DELETE', url: `/api/dispatch/sheets/${d.id}/decisions/${d.decisionId}?version=${d.version}` };
    },
    in: MANAGES,
    out: MANAGES,
  },
  'POST /api/dispatch/sheets/:id/decisions/:decisionId/task': {
    request: async (w, s) => {
      const d = await decided(w, s);
      return { method: 'POST', url: `/api/dispatch/sheets/${d.id}/decisions/${d.decisionId}/task`, payload: { version: d.version } };
    },
    in: CREATES,
    out: CREATES,
  },
  'GET /api/dispatch/sheets/:id/document.docx': {
    request: async (w, s) => get(`/api/dispatch/sheets/${(await sheet(w, s)).id}/document.docx`),
    in: READS,
    out: READS_OUT,
  },
  'GET /api/dispatch/sheets/:id/document.xlsx': {
    request: async (w, s) => get(`/api/dispatch/sheets/${(await sheet(w, s)).id}/document.xlsx`),
    in: READS,
    out: READS_OUT,
  },
  'POST /api/dispatch/sheets/:id/close': {
    request: async (w, s) => {
      const held = await heldSheet(w, s);
      return { method: 'POST', url: `/api/dispatch/sheets/${held.id}/close`, payload: { version: held.version } };
    },
    in: MANAGES,
    out: MANAGES,
  },
};

/**
 * Records of 一周一调度 for the fuzzer to hit by id (fuzz.test.ts): a draft sheet, and a held one with a
 * decision, in A1 and in B — so that random edits, meetings, decisions and clicks reach real sheets.
 */
export async function dispatchVictims(w: World): Promise<string[]> {
  const ids: string[] = [];
  for (const scope of ['in', 'out'] as const) {
    ids.push((await sheet(w, scope)).id);
    const d = await decided(w, scope);
    ids.push(d.id, d.decisionId);
  }
  return ids;
}
