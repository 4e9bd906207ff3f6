import type { InjectOptions } from 'fastify';
import { systemCtx } from '../../src/bootstrap.ts';
import { createRoutingRule, mergeDemand, receiveDemand } from '../../src/modules/demands/index.ts';
import { dispatchDemand, replyDemand, takeDemand } from '../../src/modules/demands/demand-loop.service.ts';
import { createSolicitation } from '../../src/modules/demands/solicitations.service.ts';
import { multipartFile } from '../multipart.ts';
import type { Expect, Row } from './authz-matrix.ts';
import { publicCaller } from './authz-matrix.enquiries.ts';
import { DEMAND_ANALYSIS_ROWS } from './authz-matrix.demand-analysis.ts';
import type { RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 群众诉求 (issue 14), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. "in" is an item dispatched to the caller's
 * department (A1, under the head's A); "out" one dispatched to B. The office (demands.dispatch,
 * scope all) accepts, dispatches, closes and sees everything; a department takes, sends back and
 * replies to what was dispatched to it; the admin (every permission, no person) may do all of it.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const SEES = E(401, 200, 200, 200, 200, 200);
const OUT = E(401, 200, 200, 404, 404, 404);
/** the office's steps, declared on the route: a department is refused before the item is looked up */
const OFFICE_STEP = E(401, 200, 200, 403, 403, 403);
/** the department's steps on an item dispatched to it; the office (no demands.handle) may not */
const UNIT_STEP = E(401, 200, 403, 200, 200, 200);
const UNIT_STEP_OUT = E(401, 200, 403, 404, 404, 404);

const SUBMISSION = {
  kind: 'demand' as const,
  channel: 'web' as const,
  title: '小区路灯不亮',
  body: '晚上出行不安全，请尽快维修。',
  phone: '13812345678',
};

/** A new item, as it comes in from the public form: with the office, no department yet. */
async function received(w: World) {
  const row = await receiveDemand(systemCtx(w.t.db, w.t.clock), w.t.config, SUBMISSION);
  return { id: row.id, code: row.code, version: row.version };
}

/** An item dispatched to the scope's department (A1 in, B out); taken on and replied when asked. */
async function dispatched(w: World, scope: Scope, stage: 'dispatched' | 'handling' | 'replied' = 'dispatched') {
  const ctx = systemCtx(w.t.db, w.t.clock);
  const r = await received(w);
  let row = await dispatchDemand(ctx, r.id, { departmentId: w.deptOf(scope).id, version: r.version });
  if (stage !== 'dispatched') row = await takeDemand(ctx, r.id, { version: row.version });
  if (stage === 'replied') row = await replyDemand(ctx, r.id, { reply: '已安排维修', version: row.version });
  return { id: row.id, code: row.code, version: row.version };
}

const post = (url: string, payload: object): InjectOptions => ({ method: 'POST', url, payload });

export const DEMAND_ROWS: Record<string, Row> = {
  ...DEMAND_ANALYSIS_ROWS, // 汇总、分析、论证 (item 5)
  'GET /api/demands': {
    request: async () => get('/api/demands?box=all&pageSize=200'),
    in: SEES,
    hidden: async (w) => (await dispatched(w, 'out')).id,
  },
  'POST /api/demands': {
    request: async () => post('/api/demands', { channel: 'phone', kind: 'demand', title: '来电反映噪声', body: '夜间施工噪声扰民。' }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'GET /api/demands/:id': { request: async (w, s) => get(`/api/demands/${(await dispatched(w, s)).id}`), in: SEES, out: OUT },
  'GET /api/demands/:id/contact': {
    request: async (w, s) => get(`/api/demands/${(await dispatched(w, s)).id}/contact`),
    in: SEES,
    out: OUT,
  },
  'POST /api/demands/:id/attachments': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/demands/${(await dispatched(w, s)).id}/attachments`,
      ...multipartFile({ filename: 'scan.txt', contentType: 'text/plain', data: Buffer.from('来信扫描件\n') }),
    }),
    in: E(401, 201, 201, 403, 403, 403),
    out: E(401, 201, 201, 403, 403, 403), // the office's route: refused before the item is looked up
  },
  'GET /api/demands/:id/attachments/:attachmentId': {
    // no such file on the item: in sight → 404 of the file, out of sight → 404 of the item
    request: async (w, s) => get(`/api/demands/${(await dispatched(w, s)).id}/attachments/none`),
    in: E(401, 404, 404, 404, 404, 404),
    out: E(401, 404, 404, 404, 404, 404),
  },
  'POST /api/demands/:id/accept': {
    request: async (w) => {
      const r = await received(w);
      return post(`/api/demands/${r.id}/accept`, { version: r.version });
    },
    in: OFFICE_STEP,
  },
  'POST /api/demands/:id/dispatch': {
    request: async (w, s) => {
      const r = await received(w);
      return post(`/api/demands/${r.id}/dispatch`, { departmentId: w.deptOf(s).id, version: r.version });
    },
    in: OFFICE_STEP,
  },
  'POST /api/demands/:id/reject': {
    request: async (w) => {
      const r = await received(w);
      return post(`/api/demands/${r.id}/reject`, { reason: '不属于受理范围', version: r.version });
    },
    in: OFFICE_STEP,
  },
  'POST /api/demands/:id/take': {
    request: async (w, s) => {
      const d = await dispatched(w, s);
      return post(`/api/demands/${d.id}/take`, { version: d.version });
    },
    in: UNIT_STEP,
    out: UNIT_STEP_OUT,
  },
  'POST /api/demands/:id/send-back': {
    request: async (w, s) => {
      const d = await dispatched(w, s);
      return post(`/api/demands/${d.id}/send-back`, { reason: '不属于本部门职责', version: d.version });
    },
    in: UNIT_STEP,
    out: UNIT_STEP_OUT,
  },
  'POST /api/demands/:id/reply': {
    request: async (w, s) => {
      const d = await dispatched(w, s, 'handling');
      return post(`/api/demands/${d.id}/reply`, { reply: '已修复', version: d.version });
    },
    in: UNIT_STEP,
    out: UNIT_STEP_OUT,
  },
  'POST /api/demands/:id/close': {
    request: async (w, s) => {
      const d = await dispatched(w, s, 'replied');
      return post(`/api/demands/${d.id}/close`, { version: d.version });
    },
    in: OFFICE_STEP,
    out: OFFICE_STEP,
  },
  'POST /api/demands/:id/revisit': {
    // an item not yet closed: the office passes the policy and hears 409 (wrong state)
    request: async (w, s) => {
      const d = await dispatched(w, s, 'replied');
      return post(`/api/demands/${d.id}/revisit`, { reason: '电话回访，表示满意', version: d.version });
    },
    in: E(401, 409, 409, 403, 403, 403),
    out: E(401, 409, 409, 403, 403, 403),
  },
  'POST /api/demands/:id/hide': {
    request: async (w, s) => {
      const d = await dispatched(w, s);
      return post(`/api/demands/${d.id}/hide`, { reason: '含有辱骂内容', version: d.version });
    },
    in: OFFICE_STEP,
    out: OFFICE_STEP,
  },
  'POST /api/demands/:id/urge': {
    // 督办: the office's, declared on the route; once a day an item, and each row urges a fresh one
    request: async (w, s) => post(`/api/demands/${(await dispatched(w, s)).id}/urge`, { note: '请加快办理' }),
    in: OFFICE_STEP,
    out: OFFICE_STEP,
  },
  // the public's: no account, whatever the caller sends
  'POST /api/public/demands': {
    request: async () => ({
      method: 'POST',
      url: '/api/public/demands',
      payload: { kind: 'demand', title: '路面坑洼', body: '主干道路面坑洼，影响通行。' },
      ...publicCaller(),
    }),
    in: E(201, 201, 201, 201, 201, 201),
  },
  'GET /api/public/demands/:code': {
    request: async (w) => ({ ...get(`/api/public/demands/${(await received(w)).code}`), ...publicCaller() }),
    in: E(200, 200, 200, 200, 200, 200),
  },
  'POST /api/public/demands/:code/rating': {
    request: async (w, s) => ({
      ...post(`/api/public/demands/${(await dispatched(w, s, 'replied')).code}/rating`, { rating: 4 }),
      ...publicCaller(),
    }),
    in: E(200, 200, 200, 200, 200, 200),
  },
  'POST /api/public/demands/:code/reopen': {
    request: async (w, s) => ({
      ...post(`/api/public/demands/${(await dispatched(w, s, 'replied')).code}/reopen`, { reason: '问题没有解决' }),
      ...publicCaller(),
    }),
    in: E(200, 200, 200, 200, 200, 200),
  },
};

/** A campaign open this month, made through the service as the office would (systemCtx). */
async function campaign(w: World) {
  const s = await createSolicitation(systemCtx(w.t.db, w.t.clock), {
    title: '2027年民生实事项目征集',
    description: '请提出您最希望办的民生实事。',
    categories: ['教育', '养老服务'],
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
  });
  return s;
}

/** 征集活动: everyone with demands.read reads; the office (demands.manage) creates and changes. */
export const SOLICITATION_ROWS: Record<string, Row> = {
  'GET /api/solicitations': { request: async () => get('/api/solicitations'), in: SEES },
  'POST /api/solicitations': {
    request: async () =>
      post('/api/solicitations', {
        title: '民生实事征集',
        description: '',
        categories: ['教育'],
        opensOn: '2026-08-06',
        closesOn: '2026-08-30',
      }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'GET /api/solicitations/:id': { request: async (w) => get(`/api/solicitations/${(await campaign(w)).id}`), in: SEES },
  'PATCH /api/solicitations/:id': {
    request: async (w) => {
      const s = await campaign(w);
      return { method: 'PATCH', url: `/api/solicitations/${s.id}`, payload: { title: '改名后的征集', version: s.version } };
    },
    in: E(401, 200, 200, 403, 403, 403),
  },
  'GET /api/solicitations/:id/poster.png': {
    request: async (w) => get(`/api/solicitations/${(await campaign(w)).id}/poster.png`),
    in: SEES,
  },
  'GET /api/public/solicitations/:code': {
    request: async (w) => ({ ...get(`/api/public/solicitations/${(await campaign(w)).code}`), ...publicCaller() }),
    in: E(200, 200, 200, 200, 200, 200),
  },
};

let keywords = 0;
/** A rule of the office's own, made through the service (keywords unique across the suite's rows). */
async function rule(w: World) {
  return createRoutingRule(systemCtx(w.t.db, w.t.clock), { keyword: `矩阵关键词${++keywords}`, category: '市政设施', weight: 1 });
}

/** 分类规则 (read by every reader, kept by the office) and 并单 (the office's step on two items in sight). */
export const ROUTING_AND_MERGE_ROWS: Record<string, Row> = {
  'GET /api/demand-routing-rules': { request: async () => get('/api/demand-routing-rules'), in: SEES },
  'POST /api/demand-routing-rules': {
    request: async () => post('/api/demand-routing-rules', { keyword: `新关键词${++keywords}`, category: '教育', weight: 2 }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'PATCH /api/demand-routing-rules/:id': {
    request: async (w) => {
      const r = await rule(w);
      return { method: 'PATCH', url: `/api/demand-routing-rules/${r.id}`, payload: { weight: 3, version: r.version } };
    },
    in: E(401, 200, 200, 403, 403, 403),
  },
  'DELETE /api/demand-routing-rules/:id': {
    request: async (w) => {
      const r = await rule(w);
      return { method: 'DELETE', url: `/api/demand-routing-rules/${r.id}?version=${r.version}` };
    },
    in: E(401, 200, 200, 403, 403, 403),
  },
  'GET /api/demands/:id/similar': {
    request: async (w, s) => get(`/api/demands/${(await dispatched(w, s)).id}/similar`),
    in: SEES,
    out: OUT,
  },
  'POST /api/demands/:id/merge': {
    request: async (w, s) => {
      const into = await dispatched(w, s);
      const d = await dispatched(w, s);
      return post(`/api/demands/${d.id}/merge`, { intoId: into.id, version: d.version });
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/demands/:id/unmerge': {
    request: async (w, s) => {
      const into = await dispatched(w, s);
      const d = await dispatched(w, s);
      const merged = await mergeDemand(systemCtx(w.t.db, w.t.clock), d.id, { intoId: into.id, version: d.version });
      return post(`/api/demands/${d.id}/unmerge`, { version: merged.item.version });
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
};
