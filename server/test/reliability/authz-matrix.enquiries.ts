import type { InjectOptions } from 'fastify';
import { buildPerson, buildPost } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { inTransaction, systemActor, type Ctx } from '../../src/platform/context.ts';
import { setPresence } from '../../src/modules/org/index.ts';
import { closeEnquiry, registerEnquiry, replyToEnquiry } from '../../src/modules/enquiries/enquiries.service.ts';
import { acceptHandover, handOverEnquiry } from '../../src/modules/enquiries/enquiry-handovers.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { Client, RoleName, Scope, World } from './world.ts';

/**
 * The matrix rows of 首问负责 (issue 13), spread into MATRIX (authz-matrix.ts). Columns as there:
 * anonymous, admin, office, deptHead, staff, token. Every role of this world is on the enquiry desk
 * (enquiries.handle), but an enquiry is acted on by people: its owner replies, closes and hands it
 * over; the receiver accepts or declines; the one who offered it cancels; A takes back what B held.
 * So "in" is the caller's own enquiry (or one handed to them), "out" someone's in department B.
 * The admin account is bound to no person: it sees every enquiry (scope all) and may act on none (403).
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const SEES = E(401, 200, 200, 200, 200, 200);
const OUT = E(401, 200, 200, 404, 404, 404);
/** the caller's own: every person acts, the admin (no person) may not */
const OWN = E(401, 403, 200, 200, 200, 200);
const OTHERS = E(401, 403, 403, 404, 404, 404);

let callers = 0;
/** a member of the public of their own: an address and a device id no other request of the suite uses */
export const publicCaller = () => {
  const n = ++callers;
  return {
    remoteAddress: `10.13.${Math.floor(n / 250)}.${(n % 250) + 1}`,
    headers: { 'x-device-id': `matrix-device-${n}-${'x'.repeat(8)}` },
  };
};

/** Someone at the enquiry desk, as the services see them (the system's rights, this person's name and unit). */
async function personCtx(w: World, personId: string): Promise<Ctx> {
  const p = await w.t.db.db.selectFrom('people').select(['name', 'departmentId']).where('id', '=', personId).executeTakeFirstOrThrow();
  return { ...systemCtx(w.t.db, w.t.clock), actor: { ...systemActor, name: p.name, personId, departmentId: p.departmentId } };
}

/** "in": the caller's own person (the staff member's for the admin, who has none); "out": a new person of department B */
async function personFor(w: World, scope: Scope, client: Client): Promise<string> {
  if (scope === 'out') return (await w.make.person('out')).id;
  const own = client.userId
    ? (await w.t.db.db.selectFrom('users').select('personId').where('id', '=', client.userId).executeTakeFirst())?.personId
    : null;
  return own ?? w.staffPerson.id;
}

/** An open enquiry registered by (and so owned by) this person. */
export async function openEnquiryOf(w: World, ownerPersonId: string) {
  const row = await registerEnquiry(await personCtx(w, ownerPersonId), w.t.config, {
    channel: 'phone',
    enquirerName: '王小明',
    enquirerContact: '13812345678',
    subject: '咨询营业执照办理流程',
    body: '来电咨询个体工商户营业执照需要哪些材料。',
  });
  return { id: row.id, code: row.code, version: row.version };
}

async function pendingHandoverId(w: World, enquiryId: string) {
  const h = await w.t.db.db
    .selectFrom('enquiryHandovers')
    .select('id')
    .where('enquiryId', '=', enquiryId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return h.id;
}

/** an enquiry of the caller's person ("in") or of someone in B, offered by its owner to `to` */
async function offered(w: World, ownerPersonId: string, toPersonId: string) {
  const e = await openEnquiryOf(w, ownerPersonId);
  await handOverEnquiry(await personCtx(w, ownerPersonId), e.id, { toPersonId, version: e.version });
  return { id: e.id, hid: await pendingHandoverId(w, e.id) };
}

/** 接收/退回: handed by a colleague of the scope's department to the caller's person ("in"), or to someone of B ("out") */
async function decision(w: World, scope: Scope, client: Client, action: 'accept' | 'decline'): Promise<InjectOptions> {
  const from = (await w.make.person(scope)).id;
  const { id, hid } = await offered(w, from, await personFor(w, scope, client));
  return { method: 'POST', url: `/api/enquiries/${id}/handovers/${hid}/${action}`, payload: { note: '已核对' } };
}

const setAway = async (w: World, personId: string, away: boolean) =>
  inTransaction(systemCtx(w.t.db, w.t.clock), (tx) => setPresence(tx, personId, !away));

/**
 * 收回 (AB岗): A (the caller's person, or someone of B) holds post A of a new post whose B is a
 * colleague; while A is away a hand-over to the post is accepted by B, acting for A; A comes back.
 */
async function heldForA(w: World, scope: Scope, client: Client) {
  const a = await personFor(w, scope, client);
  const { departmentId } = await w.t.db.db.selectFrom('people').select('departmentId').where('id', '=', a).executeTakeFirstOrThrow();
  const b = (await buildPerson(w.t, { departmentId })).id;
  const post = await buildPost(w.t, { departmentId, aPersonId: a, bPersonId: b });
  const owner = (await buildPerson(w.t, { departmentId })).id;
  const e = await openEnquiryOf(w, owner);
  await setAway(w, a, true);
  try {
    await handOverEnquiry(await personCtx(w, owner), e.id, { toPostId: post.id, version: e.version });
    const hid = await pendingHandoverId(w, e.id);
    const accepted = await acceptHandover(await personCtx(w, b), e.id, hid, {});
    return { id: e.id, version: accepted.version };
  } finally {
    await setAway(w, a, false);
  }
}

async function replied(w: World, ownerPersonId: string) {
  const e = await openEnquiryOf(w, ownerPersonId);
  const r = await replyToEnquiry(await personCtx(w, ownerPersonId), e.id, { reply: '已电话答复', replyWay: 'phone', version: e.version });
  return { id: e.id, code: e.code, version: r.version };
}

/** A closed enquiry of someone in the scope's department: what the public rates by its code. */
export async function closedEnquiry(w: World, scope: Scope) {
  const owner = (await w.make.person(scope)).id;
  const e = await replied(w, owner);
  await closeEnquiry(await personCtx(w, owner), e.id, e.version);
  return e;
}

export const ENQUIRY_ROWS: Record<string, Row> = {
  'GET /api/enquiries': {
    request: async () => get('/api/enquiries?box=all&pageSize=200'),
    in: SEES,
    hidden: async (w) => (await openEnquiryOf(w, (await w.make.person('out')).id)).id,
  },
  'POST /api/enquiries': {
    request: async () => ({
      method: 'POST',
      url: '/api/enquiries',
      payload: { channel: 'visitor', enquirerName: '李群众', subject: '咨询社保转移', body: '来访咨询社保关系转移。' },
    }),
    in: E(401, 403, 201, 201, 201, 201), // whoever registers owns it: a person
  },
  'GET /api/enquiries/:id': {
    request: async (w, s, c) => get(`/api/enquiries/${(await openEnquiryOf(w, await personFor(w, s, c))).id}`),
    in: SEES,
    out: OUT,
  },
  'POST /api/enquiries/:id/handovers': {
    request: async (w, s, c) => {
      const e = await openEnquiryOf(w, await personFor(w, s, c));
      return {
        method: 'POST',
        url: `/api/enquiries/${e.id}/handovers`,
        payload: { toPersonId: (await w.make.person(s)).id, note: '属于该同志职责', version: e.version },
      };
    },
    in: E(401, 403, 201, 201, 201, 201),
    out: OTHERS,
  },
  'POST /api/enquiries/:id/handovers/:hid/accept': { request: (w, s, c) => decision(w, s, c, 'accept'), in: OWN, out: OTHERS },
  'POST /api/enquiries/:id/handovers/:hid/decline': { request: (w, s, c) => decision(w, s, c, 'decline'), in: OWN, out: OTHERS },
  'POST /api/enquiries/:id/handovers/:hid/cancel': {
    request: async (w, s, c) => {
      const { id, hid } = await offered(w, await personFor(w, s, c), (await w.make.person(s)).id);
      return { method: 'POST', url: `/api/enquiries/${id}/handovers/${hid}/cancel`, payload: {} };
    },
    in: OWN,
    out: OTHERS,
  },
  'POST /api/enquiries/:id/take-back': {
    request: async (w, s, c) => {
      const { id, version } = await heldForA(w, s, c);
      return { method: 'POST', url: `/api/enquiries/${id}/take-back`, payload: { version } };
    },
    in: OWN,
    out: OTHERS,
  },
  'POST /api/enquiries/:id/reply': {
    request: async (w, s, c) => {
      const e = await openEnquiryOf(w, await personFor(w, s, c));
      return {
        method: 'POST',
        url: `/api/enquiries/${e.id}/reply`,
        payload: { reply: '已当面答复', replyWay: 'in_person', version: e.version },
      };
    },
    in: OWN,
    out: OTHERS,
  },
  'POST /api/enquiries/:id/close': {
    request: async (w, s, c) => {
      const e = await replied(w, await personFor(w, s, c));
      return { method: 'POST', url: `/api/enquiries/${e.id}/close`, payload: { version: e.version } };
    },
    in: OWN,
    out: OTHERS,
  },
  // the enquirer's own look-up by tracking code: no account, whatever the caller sends
  'GET /api/public/enquiries/:code': {
    request: async (w, s, c) => ({
      ...get(`/api/public/enquiries/${(await openEnquiryOf(w, await personFor(w, s, c))).code}`),
      ...publicCaller(),
    }),
    in: E(200, 200, 200, 200, 200, 200),
  },
};
