import type { InjectOptions } from 'fastify';
import { buildBulletin, buildPlan } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { addComment } from '../../src/modules/bulletins/bulletin-comments.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, World } from './world.ts';

/**
 * The matrix rows of 一季一通报 (quarterly bulletins), spread into MATRIX (authz-matrix.ts). Columns as
 * there: anonymous, admin, office, deptHead, staff, token. Bulletins rank the whole area, so no data
 * scope applies and there is no "out" record; what a role sees depends on the bulletin's status
 * instead. The office (bulletins.manage) drafts, edits, recomputes, submits and publishes but holds no
 * bulletins.comment (the leaders' 点评); the department head reads published bulletins only
 * (bulletins.read: a draft or one in review answers 404); staff hold no bulletin right (403 before
 * any record is read); the token answers as the head.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const READS = E(401, 200, 200, 200, 403, 200);
const READS_UNPUBLISHED = E(401, 200, 200, 404, 403, 404);
const MANAGES = E(401, 200, 200, 403, 403, 403);
const CREATES = E(401, 201, 201, 403, 403, 403);

const published = (w: World) => buildBulletin(w.t, { status: 'published' });
/** a bulletin in review with a comment (the system's) to take back */
async function commented(w: World) {
  const b = await buildBulletin(w.t, { status: 'review' });
  await addComment(systemCtx(w.t.db, w.t.clock), b.id, { text: '请各部门对照排名查找差距' });
  const [comment] = await w.t.db.db.selectFrom('bulletinComments').select('id').where('bulletinId', '=', b.id).execute();
  return { id: b.id, commentId: comment!.id };
}
const step = (path: string, status: 'draft' | 'review') => async (w: World) => {
  const b = await buildBulletin(w.t, { status });
  return { method: 'POST', url: `/api/bulletins/${b.id}/${path}`, payload: { version: b.version } } satisfies InjectOptions;
};

const SETTINGS = {
  version: 0,
  documentPrefix: '赣新勤廉',
  organ: '勤廉新区建设领导小组办公室',
  recipients: ['各部门'],
  indicators: [
    { key: 'on_time_rate', weight: 60, direction: 'higher' },
    { key: 'red_count', weight: 40, direction: 'lower' },
  ],
};

export const BULLETIN_ROWS: Record<string, Row> = {
  'GET /api/bulletins': {
    request: async () => get('/api/bulletins?pageSize=200'),
    in: READS,
  },
  'POST /api/bulletins': {
    request: async (w) => ({
      method: 'POST',
      url: '/api/bulletins',
      payload: {
        planId: (await buildPlan(w.t, { year: 2025, startDate: '2025-01-01', endDate: '2025-12-31' })).id,
        year: 2025,
        quarter: 4,
      },
    }),
    in: CREATES,
  },
  'GET /api/bulletin-settings/:planId': {
    request: async (w) => get(`/api/bulletin-settings/${(await buildPlan(w.t)).id}`),
    in: MANAGES,
  },
  'PUT /api/bulletin-settings/:planId': {
    request: async (w) => ({ method: 'PUT', url: `/api/bulletin-settings/${(await buildPlan(w.t)).id}`, payload: SETTINGS }),
    in: MANAGES,
  },
  'GET /api/bulletins/:id': {
    request: async (w) => get(`/api/bulletins/${(await buildBulletin(w.t)).id}`),
    in: READS_UNPUBLISHED,
  },
  'PUT /api/bulletins/:id': {
    request: async (w) => {
      const b = await buildBulletin(w.t);
      return { method: 'PUT', url: `/api/bulletins/${b.id}`, payload: { version: b.version, title: b.title, summary: '总体推进有力' } };
    },
    in: MANAGES,
  },
  'POST /api/bulletins/:id/recompute': { request: step('recompute', 'draft'), in: MANAGES },
  'POST /api/bulletins/:id/submit': { request: step('submit', 'draft'), in: MANAGES },
  'POST /api/bulletins/:id/return': { request: step('return', 'review'), in: MANAGES },
  'POST /api/bulletins/:id/publish': { request: step('publish', 'review'), in: MANAGES },
  'POST /api/bulletins/:id/comments': {
    request: async (w) => {
      const b = await buildBulletin(w.t, { status: 'review' });
      return { method: 'POST', url: `/api/bulletins/${b.id}/comments`, payload: { text: '要对照排名查找差距' } };
    },
    // only leaders comment (bulletins.comment): the office keeps the bulletin but does not comment on it
    in: E(401, 201, 403, 403, 403, 403),
  },
  'DELETE /api/bulletins/:id/comments/:commentId': {
    request: async (w) => {
      const c = await commented(w);
      return { method: 'DELETE', url: `/api/bulletins/${c.id}/comments/${c.commentId}` };
    },
    in: READS_UNPUBLISHED,
  },
  'GET /api/bulletins/:id/preview': { request: async (w) => get(`/api/bulletins/${(await published(w)).id}/preview`), in: READS },
  'GET /api/bulletins/:id/document.docx': {
    request: async (w) => get(`/api/bulletins/${(await published(w)).id}/document.docx`),
    in: READS,
  },
  'GET /api/bulletins/:id/tables.xlsx': { request: async (w) => get(`/api/bulletins/${(await published(w)).id}/tables.xlsx`), in: READS },
};

/**
 * Bulletins for the fuzzer to hit by id (fuzz.test.ts): a draft, one in review with a comment, a
 * published one, and a plan — so that random edits, steps and comments reach real records.
 */
export async function bulletinVictims(w: World): Promise<string[]> {
  const draft = await buildBulletin(w.t);
  const c = await commented(w);
  return [draft.id, draft.planId, c.id, c.commentId, (await published(w)).id];
}
