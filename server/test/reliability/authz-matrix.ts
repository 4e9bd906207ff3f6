import type { InjectOptions } from 'fastify';
import { TEST_PASSWORD, buildMeasure, buildPlan, buildProgramme, buildTask } from '../factories.ts';
import { multipartFile } from '../multipart.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { notify } from '../../src/platform/notifications/notify.ts';
import { transitionTask } from '../../src/modules/tasks/task-actions.service.ts';
import { giveInstruction } from '../../src/modules/instructions/instructions.service.ts';
import { markMilestone } from '../../src/modules/tasks/task-milestones.service.ts';
import { setPersonPhoto } from '../../src/modules/org/people.service.ts';
import type { Client, RoleName, Scope, World } from './world.ts';
import { TASK_WORKFLOW_ROWS } from './authz-matrix.task-workflow.ts';
import { WHEREABOUTS_ROWS } from './authz-matrix.whereabouts.ts';
import { TIME_LIMIT_ROWS } from './authz-matrix.time-limits.ts';
import { RECTIFICATION_ROWS } from './authz-matrix.rectification.ts';
import { ENQUIRY_ROWS, publicCaller } from './authz-matrix.enquiries.ts';
import { BADGE_ROWS } from './authz-matrix.badges.ts';
import { RATING_ROWS } from './authz-matrix.ratings.ts';
import { DEMAND_MAIL_ROWS } from './authz-matrix.demand-mail.ts';
import { DEMAND_ROWS, ROUTING_AND_MERGE_ROWS, SOLICITATION_ROWS } from './authz-matrix.demands.ts';
import { DISPATCH_ROWS } from './authz-matrix.dispatch.ts';
import { BULLETIN_ROWS } from './authz-matrix.bulletins.ts';
import { SUMMARY_ROWS } from './authz-matrix.summaries.ts';

/**
 * 2. The authorization matrix: every route × every role × a record in the caller's scope ("in",
 * department A1) and one outside it ("out", department B) → the status expected.
 *
 * Columns, always in this order:   anonymous  admin  office  deptHead  staff  token
 * (token = an API token issued to the department head's account, scoped to every permission the head
 * holds: it must answer like deptHead, except on session-only routes — sign-in, password, TOTP,
 * session, credentials — where it gets 403. Narrower tokens — read-only, a few permissions — are
 * checked against these same rows in authz-tokens.test.ts.)
 *
 * `in` is the row for a record every signed-in role may see; `out` (record-scoped routes only)
 * for a record in department B, which the department head, the staff member and the token must
 * not see (404) while admin and office (scope "all") still do. Lists name `hidden`: a record that
 * must not appear in the out-of-scope roles' answers.
 *
 * A 400/409 in a column means "allowed past the policy; the input (deliberately wrong, so that
 * nothing irreversible happens) was refused by the service" — e.g. a wrong current password.
 */
export type Expect = Record<RoleName, number>;
export type Row = {
  /** build fresh records and the request; `client` is the caller (its userId is null for anonymous and is the head's for the token) */
  request(w: World, scope: Scope, client: Client): Promise<InjectOptions>;
  in: Expect;
  out?: Expect;
  /** list routes: an id that must not appear in the body for roles whose `out` answer is 404 */
  hidden?(w: World): Promise<string>;
};

/** anonymous, admin, office, deptHead, staff, token */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect => ({
  anonymous,
  admin,
  office,
  deptHead,
  staff,
  token,
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5a1d30000000049454e44ae426082',
  'hex',
);
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const uniq = (p: string) => `${p}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);

async function task(w: World, scope: Scope, status: 'draft' | 'assigned' = 'draft') {
  const row = await buildTask(w.t, { leadDepartmentId: w.deptOf(scope).id });
  if (status === 'draft') return row;
  return transitionTask(ctx(w), row.id, { action: 'assign', version: row.version });
}

/** 时间节点: an accepted task with one milestone, done already when it is to be undone */
async function milestoneRequest(w: World, scope: Scope, verb: 'complete' | 'reopen'): Promise<InjectOptions> {
  const created = await buildTask(w.t, { leadDepartmentId: w.deptOf(scope).id, milestones: [{ name: '阶段成果', dueDate: '2026-04-30' }] });
  const assigned = await transitionTask(ctx(w), created.id, { action: 'assign', version: created.version });
  let row = await transitionTask(ctx(w), created.id, { action: 'accept', version: assigned.version });
  const milestoneId = (await w.t.db.db.selectFrom('taskMilestones').select('id').where('taskId', '=', row.id).executeTakeFirstOrThrow()).id;
  if (verb === 'reopen') row = await markMilestone(ctx(w), row.id, milestoneId, { version: row.version, done: true });
  return { method: 'POST', url: `/api/tasks/${row.id}/milestones/${milestoneId}/${verb}`, payload: { version: row.version } };
}

/** an inbox item for the caller's own person ("in") or for somebody else ("out") */
async function inboxItem(w: World, scope: Scope, client: Client) {
  const own = client.userId
    ? (await w.t.db.db.selectFrom('users').select('personId').where('id', '=', client.userId).executeTakeFirst())?.personId
    : null;
  const personId = scope === 'in' && own ? own : (await w.make.person('out')).id;
  const key = uniq('authz:');
  await inTransaction(ctx(w), (tx) =>
    notify(tx, { kind: 'task.urge', recipientPersonIds: [personId], title: '矩阵测试', body: '内容', dedupeKey: key }),
  );
  const row = await w.t.db.db.selectFrom('notifications').select('id').where('dedupeKey', 'like', `${key}%`).executeTakeFirstOrThrow();
  return row.id;
}

/** an evidence file uploaded through the API by the caller ("in") or by the admin ("out", referenced by nothing) */
async function evidenceFile(w: World, scope: Scope, client: Client) {
  const uploader = scope === 'in' && client.role !== 'anonymous' ? client : await w.client('admin');
  const res = await uploader.request({
    method: 'POST',
    url: '/api/files',
    ...multipartFile({ filename: '佐证.png', contentType: 'image/png', data: PNG }),
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

async function channel(w: World) {
  const admin = await w.client('admin');
  const res = await admin.request({
    method: 'POST',
    url: '/api/notification-channels',
    payload: { kind: 'wecom', name: uniq('群机器人'), target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test' },
  });
  if (res.statusCode !== 201) throw new Error(`channel failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** an in-app delivery, sent at once: retrying it is refused (409), which proves the caller got past the policy */
async function sentDelivery(w: World) {
  const key = uniq('authz-delivery:');
  const personId = (await w.make.person('in')).id;
  await inTransaction(ctx(w), (tx) =>
    notify(tx, { kind: 'task.urge', recipientPersonIds: [personId], title: '矩阵测试', body: '内容', dedupeKey: key }),
  );
  const row = await w.t.db.db
    .selectFrom('notificationDeliveries')
    .select('id')
    .where('dedupeKey', 'like', `${key}%`)
    .where('channel', '=', 'inapp')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 批示 to the unit of `scope`, awaiting its 落实反馈 (given by the system: no leader's account needed) */
const instruction = (w: World, scope: Scope) =>
  giveInstruction(ctx(w), { departmentId: w.deptOf(scope).id, text: '请按期反馈落实情况', feedbackDueDate: '2026-12-31' });

const ALL_SIGNED_IN = E(401, 200, 200, 200, 200, 200);
/** one's own session and credentials: every person at the console, never an API token (session_required) */
const SESSION_ONLY = E(401, 200, 200, 200, 200, 403);
const ADMIN_ONLY = E(401, 200, 403, 403, 403, 403);
const OUT_OF_SCOPE = (ok: number) => E(401, ok, ok, 404, 404, 404);

export const MATRIX: Record<string, Row> = {
  // ── system ──────────────────────────────────────────────────────────────
  'GET /api/openapi.json': { request: async () => get('/api/openapi.json'), in: E(200, 200, 200, 200, 200, 200) },
  'GET /api/health': { request: async () => get('/api/health'), in: E(200, 200, 200, 200, 200, 200) },

  // ── sign-in and one's own account ───────────────────────────────────────
  'POST /api/auth/login': {
    // anyone may try; the caller's own cookie is ignored (a new session is made)
    request: async (w) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: (await w.make.user()).username, password: TEST_PASSWORD },
    }),
    in: E(200, 200, 200, 200, 200, 403),
  },
  'POST /api/auth/logout': { request: async () => ({ method: 'POST', url: '/api/auth/logout' }), in: SESSION_ONLY },
  'GET /api/auth/session': { request: async () => get('/api/auth/session'), in: SESSION_ONLY },
  'POST /api/auth/password': {
    request: async () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-the-password', newPassword: 'Better#2026x' },
    }),
    in: E(401, 400, 400, 400, 400, 403),
  },
  // the second factor changes only with the current password in the body (a session alone is not enough)
  'POST /api/auth/totp/setup': {
    request: async () => ({ method: 'POST', url: '/api/auth/totp/setup', payload: { password: 'not-the-password' } }),
    in: E(401, 400, 400, 400, 400, 403),
  },
  'POST /api/auth/totp/enable': {
    request: async () => ({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: '000000', password: 'not-the-password' } }),
    in: E(401, 400, 400, 400, 400, 403),
  },
  'POST /api/auth/totp/disable': {
    request: async () => ({ method: 'POST', url: '/api/auth/totp/disable', payload: { password: 'not-the-password' } }),
    in: E(401, 400, 400, 400, 400, 403),
  },

  // ── roles, accounts, tokens (roles.manage / users.manage: admin only) ───
  // any signed-in caller may list roles (access.routes.ts: "选择角色时用") — permissions and scopes of every role are visible to all
  'GET /api/roles': { request: async () => get('/api/roles'), in: ALL_SIGNED_IN },
  'POST /api/roles': {
    request: async () => ({
      method: 'POST',
      url: '/api/roles',
      payload: { code: uniq('r_'), name: uniq('角色'), permissions: ['org.read'], dataScope: 'dept' },
    }),
    in: E(401, 201, 403, 403, 403, 403),
  },
  'PATCH /api/roles/:id': {
    request: async (w) => ({ method: 'PATCH', url: `/api/roles/${(await w.make.role()).id}`, payload: { name: uniq('改名') } }),
    in: ADMIN_ONLY,
  },
  'DELETE /api/roles/:id': { request: async (w) => ({ method: 'DELETE', url: `/api/roles/${(await w.make.role()).id}` }), in: ADMIN_ONLY },
  'PUT /api/users/:id/roles': {
    request: async (w) => ({
      method: 'PUT',
      url: `/api/users/${(await w.make.user()).id}/roles`,
      payload: { roleIds: [(await w.make.role()).id] },
    }),
    in: ADMIN_ONLY,
  },
  'POST /api/users/:id/reset-password': {
    request: async (w) => ({ method: 'POST', url: `/api/users/${(await w.make.user()).id}/reset-password` }),
    in: ADMIN_ONLY,
  },
  'POST /api/users/:id/disable': {
    request: async (w) => ({ method: 'POST', url: `/api/users/${(await w.make.user()).id}/disable` }),
    in: ADMIN_ONLY,
  },
  'POST /api/users/:id/enable': {
    request: async (w) => ({ method: 'POST', url: `/api/users/${(await w.make.user()).id}/enable` }),
    in: ADMIN_ONLY,
  },
  'GET /api/users': { request: async () => get('/api/users?state=enabled'), in: ADMIN_ONLY },
  'POST /api/users/:id/unlock': {
    request: async (w) => ({ method: 'POST', url: `/api/users/${(await w.make.user()).id}/unlock` }),
    in: ADMIN_ONLY,
  },
  'GET /api/api-tokens': { request: async () => get('/api/api-tokens'), in: ADMIN_ONLY },
  'POST /api/api-tokens': {
    request: async (w) => ({ method: 'POST', url: '/api/api-tokens', payload: { userId: (await w.make.user()).id, name: '矩阵令牌' } }),
    in: E(401, 201, 403, 403, 403, 403),
  },
  'DELETE /api/api-tokens/:id': {
    request: async (w) => ({ method: 'DELETE', url: `/api/api-tokens/${(await w.make.token()).id}` }),
    in: ADMIN_ONLY,
  },
  'GET /api/sign-ins': { request: async () => get('/api/sign-ins'), in: ADMIN_ONLY }, // signins.read: admin and inspector

  // ── audit (audit.read: admin, office) ───────────────────────────────────
  'GET /api/audit': { request: async () => get('/api/audit'), in: E(401, 200, 200, 403, 403, 403) },
  'GET /api/audit/verify': { request: async () => get('/api/audit/verify'), in: E(401, 200, 200, 403, 403, 403) },
  // 公告验证: anyone, no account, whatever the caller sends
  'GET /api/public/audit/checkpoint': {
    request: async () => ({ ...get(`/api/public/audit/checkpoint?seq=1&hash=${'0'.repeat(64)}`), ...publicCaller() }),
    in: E(200, 200, 200, 200, 200, 200),
  },
  'GET /api/public/audit/keys': {
    request: async () => ({ ...get('/api/public/audit/keys'), ...publicCaller() }),
    in: E(200, 200, 200, 200, 200, 200),
  },

  // ── departments (org.read everyone; org.manage admin) ───────────────────
  'GET /api/departments': {
    request: async () => get('/api/departments'),
    in: ALL_SIGNED_IN,
    hidden: async (w) => (await w.make.department('out')).id,
  },
  // A1 itself (a sub-department of A1 would already be outside the staff member's "dept" scope), or B
  'GET /api/departments/:id': {
    request: async (w, s) => get(`/api/departments/${w.deptOf(s).id}`),
    in: ALL_SIGNED_IN,
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/departments': {
    request: async (w, s) => ({ method: 'POST', url: '/api/departments', payload: { name: uniq('新部门'), parentId: w.deptOf(s).id } }),
    in: E(401, 201, 403, 403, 403, 403),
    out: E(401, 201, 403, 403, 403, 403),
  },
  'PATCH /api/departments/:id': {
    request: async (w, s) => ({
      method: 'PATCH',
      url: `/api/departments/${(await w.make.department(s)).id}`,
      payload: { name: uniq('改名') },
    }),
    in: ADMIN_ONLY,
    out: ADMIN_ONLY,
  },
  'POST /api/departments/:id/archive': {
    request: async (w, s) => ({ method: 'POST', url: `/api/departments/${(await w.make.department(s)).id}/archive` }),
    in: ADMIN_ONLY,
    out: ADMIN_ONLY,
  },

  // ── people (people.read everyone; people.manage admin and the department head) ──
  'GET /api/people': {
    request: async () => get('/api/people?pageSize=200'),
    in: ALL_SIGNED_IN,
    hidden: async (w) => (await w.make.person('out')).id,
  },
  'GET /api/people/export.xlsx': { request: async () => get('/api/people/export.xlsx'), in: ALL_SIGNED_IN },
  'GET /api/people/import-template.xlsx': {
    request: async () => get('/api/people/import-template.xlsx'),
    in: E(401, 200, 403, 200, 403, 200),
  },
  'POST /api/people/import': {
    // not a workbook: allowed callers get 400 invalid_file, the rest are stopped before the body is read
    request: async () => ({
      method: 'POST',
      url: '/api/people/import?dryRun=true',
      ...multipartFile({ filename: 'x.xlsx', contentType: 'application/octet-stream', data: Buffer.from('not a workbook') }),
    }),
    in: E(401, 400, 403, 400, 403, 400),
  },
  'GET /api/imports/:id': {
    // a background import is seen by its starter only (import-jobs.test.ts); one nobody started is not found
    request: async () => get('/api/imports/01a24eb2d1b17eb0a022d1ea0cdde69e'),
    in: E(401, 404, 404, 404, 404, 404),
  },
  'GET /api/people/:id': {
    request: async (w, s) => get(`/api/people/${(await w.make.person(s)).id}`),
    in: ALL_SIGNED_IN,
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/people': {
    request: async (w, s) => ({ method: 'POST', url: '/api/people', payload: { name: uniq('新人'), departmentId: w.deptOf(s).id } }),
    in: E(401, 201, 403, 201, 403, 201),
    out: E(401, 201, 403, 404, 403, 404),
  },
  'PATCH /api/people/:id': {
    // not a head's title (nor a deputy's): the world keeps no department head
    request: async (w, s) => ({ method: 'PATCH', url: `/api/people/${(await w.make.person(s)).id}`, payload: { title: '一级主任科员' } }),
    in: E(401, 200, 403, 200, 403, 200),
    out: E(401, 200, 403, 404, 403, 404),
  },
  'POST /api/people/:id/account': {
    // people.manage reaches the person; opening an account also needs users.manage (only the admin has it)
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/people/${(await w.make.person(s)).id}/account`,
      payload: { username: uniq('acct_').slice(0, 30), roleIds: [] },
    }),
    in: E(401, 201, 403, 403, 403, 403),
    out: E(401, 201, 403, 404, 403, 404),
  },
  'POST /api/people/:id/photo': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/people/${(await w.make.person(s)).id}/photo`,
      ...multipartFile({ filename: 'p.png', contentType: 'image/png', data: PNG }),
    }),
    in: E(401, 200, 403, 200, 403, 200),
    out: E(401, 200, 403, 404, 403, 404),
  },
  'GET /api/people/:id/photo': {
    request: async (w, s) => {
      const p = await w.make.person(s);
      await setPersonPhoto(ctx(w), p.id, { bytes: PNG, dataDir: w.t.config.dataDir });
      return get(`/api/people/${p.id}/photo`);
    },
    in: ALL_SIGNED_IN,
    out: OUT_OF_SCOPE(200),
  },

  // ── posts (org.read everyone; org.manage admin) ─────────────────────────
  'GET /api/posts': { request: async () => get('/api/posts'), in: ALL_SIGNED_IN, hidden: async (w) => (await w.make.post('out')).id },
  'POST /api/posts': {
    request: async (w, s) => ({ method: 'POST', url: '/api/posts', payload: { departmentId: w.deptOf(s).id, name: uniq('岗位') } }),
    in: E(401, 201, 403, 403, 403, 403),
    out: E(401, 201, 403, 403, 403, 403),
  },
  'PATCH /api/posts/:id': {
    request: async (w, s) => ({ method: 'PATCH', url: `/api/posts/${(await w.make.post(s)).id}`, payload: { duties: '新职责' } }),
    in: ADMIN_ONLY,
    out: ADMIN_ONLY,
  },
  'POST /api/posts/:id/archive': {
    request: async (w, s) => ({ method: 'POST', url: `/api/posts/${(await w.make.post(s)).id}/archive` }),
    in: ADMIN_ONLY,
    out: ADMIN_ONLY,
  },

  // ── working-day calendar (read: any signed-in; calendar.manage admin) ───
  'GET /api/calendar/deadline': { request: async () => get('/api/calendar/deadline?start=2026-03-02&workingDays=10'), in: ALL_SIGNED_IN },
  'GET /api/calendar/working-days': {
    request: async () => get('/api/calendar/working-days?from=2026-03-02&to=2026-04-30'),
    in: ALL_SIGNED_IN,
  },
  'GET /api/calendar/day': { request: async () => get('/api/calendar/day?date=2026-10-01'), in: ALL_SIGNED_IN },
  'GET /api/calendar/status': { request: async () => get('/api/calendar/status'), in: ALL_SIGNED_IN },
  'GET /api/calendar/overrides': { request: async () => get('/api/calendar/overrides'), in: ALL_SIGNED_IN },
  'GET /api/calendar/year': { request: async () => get('/api/calendar/year?year=2026'), in: ALL_SIGNED_IN },
  'PUT /api/calendar/overrides': {
    request: async () => ({
      method: 'PUT',
      url: '/api/calendar/overrides',
      payload: { date: '2026-05-06', working: false, note: '矩阵测试' },
    }),
    in: ADMIN_ONLY,
  },
  'DELETE /api/calendar/overrides/:date': {
    request: async () => ({ method: 'DELETE', url: '/api/calendar/overrides/2026-05-07' }),
    in: ADMIN_ONLY,
  },

  // ── plans, programmes, measures (tasks.read to read; plan.manage: admin, office) ──
  'GET /api/plans': { request: async () => get('/api/plans'), in: ALL_SIGNED_IN },
  'POST /api/plans': {
    request: async () => ({
      method: 'POST',
      url: '/api/plans',
      payload: { name: uniq('计划'), year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' },
    }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'GET /api/plans/:id': { request: async (w) => get(`/api/plans/${(await buildPlan(w.t)).id}`), in: ALL_SIGNED_IN },
  'PATCH /api/plans/:id': {
    request: async (w) => ({ method: 'PATCH', url: `/api/plans/${(await buildPlan(w.t)).id}`, payload: { name: uniq('改名计划') } }),
    in: E(401, 200, 200, 403, 403, 403),
  },
  'GET /api/plans/:id/rollup': { request: async (w) => get(`/api/plans/${(await buildPlan(w.t)).id}/rollup`), in: ALL_SIGNED_IN },
  'GET /api/plans/:id/export.xlsx': { request: async (w) => get(`/api/plans/${(await buildPlan(w.t)).id}/export.xlsx`), in: ALL_SIGNED_IN },
  'POST /api/plans/:id/import': {
    request: async (w) => ({
      method: 'POST',
      url: `/api/plans/${(await buildPlan(w.t)).id}/import`,
      ...multipartFile({ filename: 'x.xlsx', contentType: 'application/octet-stream', data: Buffer.from('not a workbook') }),
    }),
    in: E(401, 400, 400, 403, 403, 403),
  },
  'POST /api/plan/programmes': {
    request: async (w) => ({
      method: 'POST',
      url: '/api/plan/programmes',
      payload: { planId: (await buildPlan(w.t)).id, code: uniq('P'), name: uniq('工程') },
    }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'PATCH /api/plan/programmes/:id': {
    request: async (w) => ({
      method: 'PATCH',
      url: `/api/plan/programmes/${(await buildProgramme(w.t)).id}`,
      payload: { name: uniq('工程') },
    }),
    in: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/plan/measures': {
    request: async (w) => ({
      method: 'POST',
      url: '/api/plan/measures',
      payload: { programmeId: (await buildProgramme(w.t)).id, code: uniq('M'), name: uniq('举措') },
    }),
    in: E(401, 201, 201, 403, 403, 403),
  },
  'PATCH /api/plan/measures/:id': {
    request: async (w) => ({ method: 'PATCH', url: `/api/plan/measures/${(await buildMeasure(w.t)).id}`, payload: { name: uniq('举措') } }),
    in: E(401, 200, 200, 403, 403, 403),
  },

  // ── tasks (督办): lead department A1 ("in") or B ("out") ────────────────
  'GET /api/tasks': {
    request: async () => get('/api/tasks?pageSize=200'),
    in: ALL_SIGNED_IN,
    hidden: async (w) => (await task(w, 'out')).id,
  },
  'GET /api/tasks/export.xlsx': { request: async () => get('/api/tasks/export.xlsx'), in: ALL_SIGNED_IN },
  'GET /api/tasks/board': { request: async () => get('/api/tasks/board'), in: ALL_SIGNED_IN },
  'GET /api/tasks/:id': { request: async (w, s) => get(`/api/tasks/${(await task(w, s)).id}`), in: ALL_SIGNED_IN, out: OUT_OF_SCOPE(200) },
  'GET /api/tasks/:id/events': {
    request: async (w, s) => get(`/api/tasks/${(await task(w, s)).id}/events`),
    in: ALL_SIGNED_IN,
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/tasks': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/tasks',
      payload: {
        measureId: (await buildMeasure(w.t)).id,
        title: uniq('任务'),
        leadDepartmentId: w.deptOf(s).id,
        startDate: '2026-03-02',
        dueDate: '2026-06-30',
      },
    }),
    in: E(401, 201, 201, 403, 403, 403),
    out: E(401, 201, 201, 403, 403, 403),
  },
  'PATCH /api/tasks/:id': {
    request: async (w, s) => {
      const t = await task(w, s);
      return { method: 'PATCH', url: `/api/tasks/${t.id}`, payload: { title: uniq('改名任务'), version: t.version } };
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/tasks/:id/transition': {
    // assigning a draft is the office's step: the handling department sees the task but may not (403)
    request: async (w, s) => {
      const t = await task(w, s);
      return { method: 'POST', url: `/api/tasks/${t.id}/transition`, payload: { action: 'assign', version: t.version } };
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/tasks/:id/urge': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/tasks/${(await task(w, s, 'assigned')).id}/urge`,
      payload: { message: '请抓紧推进' },
    }),
    in: E(401, 201, 201, 403, 403, 403),
    out: E(401, 201, 201, 403, 403, 403),
  },
  'POST /api/tasks/:id/instructions': {
    request: async (w, s) => ({
      method: 'POST',
      url: `/api/tasks/${(await task(w, s, 'assigned')).id}/instructions`,
      payload: { text: '高度重视，按期完成' },
    }),
    in: E(401, 201, 403, 403, 403, 403),
    out: E(401, 201, 403, 403, 403, 403),
  },
  // ── instructions (批示) and the desk ─────────────────────────────────────
  'GET /api/instructions': {
    request: async () => get('/api/instructions?pageSize=200'),
    in: ALL_SIGNED_IN,
    hidden: async (w) => (await instruction(w, 'out')).id,
  },
  'POST /api/instructions': {
    request: async (w, s) => ({
      method: 'POST',
      url: '/api/instructions',
      payload: { departmentId: w.deptOf(s).id, text: '高度重视，按期完成', feedbackDueDate: '2026-12-31' },
    }),
    in: E(401, 201, 403, 403, 403, 403), // leaders (tasks.instruct)
    out: E(401, 201, 403, 403, 403, 403),
  },
  'GET /api/instructions/:id': {
    request: async (w, s) => get(`/api/instructions/${(await instruction(w, s)).id}`),
    in: ALL_SIGNED_IN,
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/instructions/:id/feedback': {
    request: async (w, s) => {
      const i = await instruction(w, s);
      return { method: 'POST', url: `/api/instructions/${i.id}/feedback`, payload: { text: '已落实', version: i.version } };
    },
    in: E(401, 200, 403, 200, 200, 200), // the unit's handlers (tasks.handle over it); the office reads only
    out: E(401, 200, 403, 404, 404, 404),
  },
  'GET /api/desk': { request: async () => get('/api/desk'), in: ALL_SIGNED_IN },
  'PUT /api/tasks/:id/grade': {
    request: async (w, s) => {
      const t = await task(w, s, 'assigned');
      return {
        method: 'PUT',
        url: `/api/tasks/${t.id}/grade`,
        payload: { zhun: 5, kuai: 4, shi: null, nong: null, xian: null, version: t.version },
      };
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/tasks/:id/milestones/:milestoneId/complete': {
    // the handling department (tasks.handle in scope) or the office; the service decides by the task
    request: async (w, s) => milestoneRequest(w, s, 'complete'),
    in: E(401, 200, 200, 200, 200, 200),
    out: OUT_OF_SCOPE(200),
  },
  'POST /api/tasks/:id/milestones/:milestoneId/reopen': {
    request: async (w, s) => milestoneRequest(w, s, 'reopen'),
    in: E(401, 200, 200, 200, 200, 200),
    out: OUT_OF_SCOPE(200),
  },
  ...TASK_WORKFLOW_ROWS, // 分办, 延期, 协办, 部门审核
  ...WHEREABOUTS_ROWS, // 去向牌, 请假出差登记, 门口去向牌
  ...TIME_LIMIT_ROWS, // 限时办结: 时限表, 按期办结统计
  ...RECTIFICATION_ROWS, // 整改
  ...ENQUIRY_ROWS, // 首问负责, 查询码
  ...BADGE_ROWS, // 亮牌上岗, 公开工作牌与扫码评价
  ...RATING_ROWS, // 好差评, 申诉复核, 首问评价与部门公示
  ...DEMAND_MAIL_ROWS, // 群众诉求：导入邮件
  ...DEMAND_ROWS, // 群众诉求：受理、派单、退单、答复、办结、评价
  ...SOLICITATION_ROWS, // 征集活动与海报
  ...ROUTING_AND_MERGE_ROWS, // 分类规则、相似诉求与并单
  ...DISPATCH_ROWS, // 一周一调度：调度单、调度会议、议定事项转督办任务
  ...BULLETIN_ROWS, // 一季一通报：起草、权重、重新计算、送审、领导点评、发布、公文下载
  ...SUMMARY_ROWS, // 一月一小结、半年一总结：月度小结报送与审核、典型经验、汇编发布与下载
  'POST /api/files': {
    request: async () => ({
      method: 'POST',
      url: '/api/files',
      ...multipartFile({ filename: '佐证.png', contentType: 'image/png', data: PNG }),
    }),
    in: E(401, 201, 201, 201, 201, 201),
  },
  'GET /api/files/:id': {
    // "in": the caller's own upload; "out": someone else's file that no visible task references
    request: async (w, s, c) => get(`/api/files/${await evidenceFile(w, s, c)}`),
    in: ALL_SIGNED_IN,
    out: E(401, 200, 404, 404, 404, 404),
  },

  // ── notifications ───────────────────────────────────────────────────────
  'GET /api/inbox': { request: async () => get('/api/inbox'), in: ALL_SIGNED_IN },
  'GET /api/inbox/unread-count': { request: async () => get('/api/inbox/unread-count'), in: ALL_SIGNED_IN },
  'POST /api/inbox/:id/read': {
    // "in": an item for the caller's own person (the admin account has none); "out": somebody else's
    request: async (w, s, c) => ({ method: 'POST', url: `/api/inbox/${await inboxItem(w, s, c)}/read` }),
    in: E(401, 404, 200, 200, 200, 200),
    out: E(401, 404, 404, 404, 404, 404),
  },
  'POST /api/inbox/read-all': { request: async () => ({ method: 'POST', url: '/api/inbox/read-all' }), in: ALL_SIGNED_IN },
  'GET /api/notification-channels': { request: async () => get('/api/notification-channels'), in: ADMIN_ONLY },
  'POST /api/notification-channels': {
    request: async () => ({
      method: 'POST',
      url: '/api/notification-channels',
      payload: { kind: 'dingtalk', name: uniq('钉钉'), target: 'https://oapi.dingtalk.com/robot/send?access_token=test' },
    }),
    in: E(401, 201, 403, 403, 403, 403),
  },
  'GET /api/notification-channels/:id': { request: async (w) => get(`/api/notification-channels/${await channel(w)}`), in: ADMIN_ONLY },
  'PATCH /api/notification-channels/:id': {
    request: async (w) => ({ method: 'PATCH', url: `/api/notification-channels/${await channel(w)}`, payload: { name: uniq('改名') } }),
    in: ADMIN_ONLY,
  },
  'DELETE /api/notification-channels/:id': {
    request: async (w) => ({ method: 'DELETE', url: `/api/notification-channels/${await channel(w)}` }),
    in: ADMIN_ONLY,
  },
  'GET /api/notification-deliveries': { request: async () => get('/api/notification-deliveries'), in: ADMIN_ONLY },
  'POST /api/notification-channels/:id/test': {
    // a robot on a closed loopback port: the test is refused at once (200 with ok: false), nothing leaves the machine
    request: async (w) => {
      const res = await (
        await w.client('admin')
      ).request({
        method: 'POST',
        url: '/api/notification-channels',
        payload: { kind: 'wecom', name: uniq('测试群'), target: 'http://127.0.0.1:9/hook', enabled: false },
      });
      return { method: 'POST', url: `/api/notification-channels/${res.json().id}/test`, payload: {} };
    },
    in: ADMIN_ONLY,
  },
  'POST /api/notification-deliveries/:id/retry': {
    request: async (w) => ({ method: 'POST', url: `/api/notification-deliveries/${await sentDelivery(w)}/retry` }),
    in: E(401, 409, 403, 403, 403, 403),
  },
};

/** A route's key in MATRIX: `METHOD /url`. */
export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** The row that checks a registered route: a HEAD route is checked with its GET row. */
export const matrixRow = (r: { method: string; url: string }): Row | undefined => MATRIX[routeKey(r).replace(/^HEAD /, 'GET ')];

/** What to paste into MATRIX for a route that has no row yet. */
export function missingRowHelp(method: string, url: string): string {
  return (
    `route ${method} ${url} has no row in the authorization matrix.\n` +
    `  Add one to server/test/reliability/authz-matrix.ts (MATRIX), e.g.\n` +
    `  '${method} ${url}': { request: async (w, scope) => ({ method: '${method}', url: \`${url.replace(/:(\w+)/g, '${…}')}\` }), in: E(401, 200, …), out: E(…) },\n` +
    '  columns: anonymous, admin, office, deptHead, staff, token; `out` only when the route acts on a record with a data scope.'
  );
}
