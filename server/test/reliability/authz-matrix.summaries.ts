import type { InjectOptions } from 'fastify';
import { buildExperience, buildMonthlySummary } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { draftSummaryDocument, publishSummaryDocument } from '../../src/modules/summaries/summary-documents.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 一月一小结 and 半年一总结 (monthly summaries, typical experiences, compiled
 * documents), spread into MATRIX (authz-matrix.ts). Columns as there: anonymous, admin, office,
 * deptHead, staff, token. A summary or experience belongs to A1 ("in") or B ("out"). The office
 * (summaries.review, scope all) reviews, selects and compiles but submits nothing; the department head
 * (summaries.submit, A and below) submits for A1 and is refused B's by name (403); staff only read
 * their department's; the token answers as the head. Compiled documents belong to the area: "in" is a
 * published one (every reader), "out" a draft (only the office; 404 to the rest).
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const READS = E(401, 200, 200, 200, 200, 200);
const READS_OUT = E(401, 200, 200, 404, 404, 404);
const REVIEWS = E(401, 200, 200, 403, 403, 403);
const SUBMITS = E(401, 200, 403, 200, 403, 200);
const SUBMITS_OUT = E(401, 200, 403, 403, 403, 403);

/**
 * A month of its own for each record of a world (one summary per department and month, one compilation
 * per month): February 2026 and back, a few hundred of them to 2000.
 */
const monthsUsed = new WeakMap<World, number>();
const freshMonth = (w: World) => {
  const back = monthsUsed.get(w) ?? 0;
  monthsUsed.set(w, back + 1);
  const n = 2026 * 12 + 1 - back; // 2026-02 first
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
let titles = 0;

const summary = (w: World, scope: Scope, status?: 'submitted' | 'accepted') =>
  buildMonthlySummary(w.t, { departmentId: w.deptOf(scope).id, month: freshMonth(w), status });
const experience = (w: World, scope: Scope) => buildExperience(w.t, { departmentId: w.deptOf(scope).id, title: `矩阵经验${++titles}` });

/** a draft monthly compilation of a month whose summary of A1 is accepted */
async function draftDocument(w: World) {
  const month = freshMonth(w);
  await buildMonthlySummary(w.t, { departmentId: w.deptA1.id, month, status: 'accepted' });
  return draftSummaryDocument(ctx(w), { kind: 'monthly', period: month });
}
/** "in": a published compilation, which every reader sees; "out": a draft, which only the office sees */
async function document(w: World, scope: Scope) {
  const draft = await draftDocument(w);
  return scope === 'in' ? publishSummaryDocument(ctx(w), draft.id, { version: draft.version }) : draft;
}
const documentRead = (suffix: string): Row => ({
  request: async (w, s) => get(`/api/summaries/documents/${(await document(w, s)).id}${suffix}`),
  in: READS,
  out: READS_OUT,
});
const texts = { highlights: '按期完成重点任务', nextPlan: '继续推进' };

export const SUMMARY_ROWS: Record<string, Row> = {
  'GET /api/summaries/monthly': {
    request: async () => get('/api/summaries/monthly?pageSize=200'),
    in: READS,
    hidden: async (w) => (await summary(w, 'out')).id,
  },
  'GET /api/summaries/monthly/form': {
    request: async (w, s) => get(`/api/summaries/monthly/form?month=2026-02&departmentId=${w.deptOf(s).id}`),
    in: READS,
    out: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/summaries/monthly': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/summaries/monthly',
      payload: { month: freshMonth(w), departmentId: w.deptOf(s).id, ...texts },
    }),
    in: SUBMITS,
    out: SUBMITS_OUT,
  },
  'GET /api/summaries/monthly/:id': {
    request: async (w, s) => get(`/api/summaries/monthly/${(await summary(w, s)).id}`),
    in: READS,
    out: READS_OUT,
  },
  'POST /api/summaries/monthly/:id/return': {
    request: async (w, s) => {
      const row = await summary(w, s);
      return { method: 'POST', url: `/api/summaries/monthly/${row.id}/return`, payload: { version: row.version, reason: '请补充' } };
    },
    in: REVIEWS,
    out: REVIEWS,
  },
  'POST /api/summaries/monthly/:id/accept': {
    request: async (w, s) => {
      const row = await summary(w, s);
      return { method: 'POST', url: `/api/summaries/monthly/${row.id}/accept`, payload: { version: row.version } };
    },
    in: REVIEWS,
    out: REVIEWS,
  },

  'GET /api/summaries/experiences': {
    request: async () => get('/api/summaries/experiences?pageSize=200'),
    in: READS,
    hidden: async (w) => (await experience(w, 'out')).id,
  },
  'POST /api/summaries/experiences': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/summaries/experiences',
      payload: { departmentId: w.deptOf(s).id, title: `矩阵经验${++titles}`, text: '经验正文' },
    }),
    in: E(401, 201, 403, 201, 403, 201),
    out: E(401, 201, 403, 403, 403, 403),
  },
  'GET /api/summaries/experiences/:id': {
    request: async (w, s) => get(`/api/summaries/experiences/${(await experience(w, s)).id}`),
    in: READS,
    out: READS_OUT,
  },
  'PUT /api/summaries/experiences/:id': {
    request: async (w, s) => {
      const row = await experience(w, s);
      return {
        method: 'PUT',
        url: `/api/summaries/experiences/${row.id}`,
        payload: { version: row.version, title: `改${row.title}`, text: '改过的正文' },
      };
    },
    // the department edits its own before selection (edit), the office until publication (curate); staff only read
    in: E(401, 200, 200, 200, 403, 200),
    out: READS_OUT,
  },
  'POST /api/summaries/experiences/:id/select': {
    request: async (w, s) => {
      const row = await experience(w, s);
      return { method: 'POST', url: `/api/summaries/experiences/${row.id}/select`, payload: { version: row.version, selected: true } };
    },
    in: REVIEWS,
    out: REVIEWS,
  },

  'GET /api/summaries/documents': {
    request: async () => get('/api/summaries/documents?pageSize=200'),
    in: READS,
    hidden: async (w) => (await document(w, 'out')).id,
  },
  'POST /api/summaries/documents': {
    request: async (w) => ({ method: 'POST', url: '/api/summaries/documents', payload: { kind: 'monthly', period: freshMonth(w) } }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'GET /api/summaries/documents/:id': documentRead(''),
  'PUT /api/summaries/documents/:id': {
    request: async (w) => {
      const draft = await draftDocument(w);
      return {
        method: 'PUT',
        url: `/api/summaries/documents/${draft.id}`,
        payload: { version: draft.version, title: '月度工作小结', organ: '领导小组办公室', numberPrefix: '勤廉办' },
      };
    },
    in: REVIEWS,
  },
  'POST /api/summaries/documents/:id/publish': {
    request: async (w) => {
      const draft = await draftDocument(w);
      return { method: 'POST', url: `/api/summaries/documents/${draft.id}/publish`, payload: { version: draft.version } };
    },
    in: REVIEWS,
  },
  'GET /api/summaries/documents/:id/preview': documentRead('/preview'),
  'GET /api/summaries/documents/:id/document.docx': documentRead('/document.docx'),
  'GET /api/summaries/documents/:id/document.xlsx': documentRead('/document.xlsx'),
};

/**
 * Records of 一月一小结 and 半年一总结 for the fuzzer to hit by id (fuzz.test.ts): a submitted summary
 * and an experience in A1 and in B, a draft compilation and a published one.
 */
export async function summaryVictims(w: World): Promise<string[]> {
  const ids: string[] = [];
  for (const scope of ['in', 'out'] as const) ids.push((await summary(w, scope)).id, (await experience(w, scope)).id);
  ids.push((await document(w, 'in')).id, (await document(w, 'out')).id);
  return ids;
}
