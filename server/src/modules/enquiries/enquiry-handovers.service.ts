import type { z } from 'zod';
import { errorMessage, type EnquiryHandoverBody, type EnquiryHandoverDecisionBody, type ErrorCode } from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, notFound, versionConflict } from '../../platform/errors.ts';
import { departmentsBasics, peopleBasics, postsWithHolders } from '../org/index.ts';
import { moveTimer } from '../time-limits/index.ts';
import { enquiriesRepo, type EnquiryRow, type HandoverRow } from './enquiries.repo.ts';
import { enquiryPolicy } from './enquiries.policy.ts';
import { enquiryView, pendingOf } from './enquiry-views.ts';
import { tellDeclined, tellReceiver } from './enquiry-notices.ts';
import { personOf, wrongStatus } from './enquiries.service.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/** A refused target: 400 naming the field, in the caller's language. */
const refuse = (tx: TxCtx, code: ErrorCode, path: string, params: Record<string, string> = {}) =>
  new DomainError(code, 400, params, [{ path, message: errorMessage(code, tx.lang, params) }]);

type Target = Pick<HandoverRow, 'toPersonId' | 'toPostId' | 'toDepartmentId'> & { name: string };

/**
 * Where a hand-over may go: a person still with us (not oneself), a live post somebody holds now
 * (whose acting holder is not oneself), or a live department. Unknown ids are 404 on the field.
 */
async function targetOf(tx: TxCtx, body: z.output<typeof EnquiryHandoverBody>, self: string): Promise<Target> {
  const missing = (path: string) => new DomainError('not_found', 404, {}, [{ path, message: 'not_found' }]);
  const none = { toPersonId: null, toPostId: null, toDepartmentId: null };
  if (body.toPersonId) {
    const p = (await peopleBasics(tx.db, [body.toPersonId])).get(body.toPersonId);
    if (!p) throw missing('body.toPersonId');
    if (p.id === self) throw refuse(tx, 'enquiry_handover_to_self', 'body.toPersonId');
    if (p.status === 'left') throw refuse(tx, 'enquiry_handover_person_left', 'body.toPersonId', { name: p.name });
    return { ...none, toPersonId: p.id, name: p.name };
  }
  if (body.toPostId) {
    const post = (await postsWithHolders(tx.db, [body.toPostId])).get(body.toPostId);
    if (!post) throw missing('body.toPostId');
    if (post.archived) throw refuse(tx, 'enquiry_handover_archived', 'body.toPostId', { name: post.name });
    if (!post.actingPersonId) throw refuse(tx, 'enquiry_handover_post_unheld', 'body.toPostId', { name: post.name });
    if (post.actingPersonId === self) throw refuse(tx, 'enquiry_handover_to_self', 'body.toPostId');
    return { ...none, toPostId: post.id, name: post.name };
  }
  const dept = (await departmentsBasics(tx.db, [body.toDepartmentId])).get(body.toDepartmentId!);
  if (!dept) throw missing('body.toDepartmentId');
  if (dept.archived) throw refuse(tx, 'enquiry_handover_archived', 'body.toDepartmentId', { name: dept.name });
  return { ...none, toDepartmentId: dept.id, name: dept.name };
}

async function viewOf(tx: TxCtx, id: string) {
  const found = await enquiryView(tx.db, id);
  if (!found) throw notFound();
  return found;
}

/** 移交: offered to one receiver; the owner keeps it until it is accepted. One pending hand-over at a time. */
export async function handOverEnquiry(ctx: Ctx, id: string, body: z.output<typeof EnquiryHandoverBody>) {
  return inTransaction(ctx, async (tx) => {
    const { view } = await viewOf(tx, id);
    const before = view.row;
    const actor = actorOf(tx);
    enquiryPolicy.assert(actor, 'handOver', view.access);
    const self = personOf(actor);
    if (before.status !== 'open') throw wrongStatus(before.status);
    if (before.version !== body.version) throw versionConflict();
    const target = await targetOf(tx, body, self);
    const h: HandoverRow = {
      id: newId(),
      enquiryId: id,
      kind: 'handover',
      fromPersonId: self,
      toPersonId: target.toPersonId,
      toPostId: target.toPostId,
      toDepartmentId: target.toDepartmentId,
      note: body.note || null,
      status: 'pending',
      decidedByPersonId: null,
      actingForPersonId: null,
      acceptedDepartmentId: null,
      decisionNote: null,
      decidedAt: null,
      createdAt: iso(tx.clock.now()),
    };
    if (!(await enquiriesRepo.update(tx.db, id, before.version, { status: 'handing_over' }))) throw versionConflict();
    await enquiriesRepo.insertHandover(tx.db, h);
    const after: EnquiryRow = { ...before, status: 'handing_over', version: before.version + 1 };
    await recordAudit(tx, {
      action: 'enquiry.handover',
      entityType: 'enquiry',
      entityId: id,
      before,
      after: { ...after, handover: h },
      seal: [{ table: 'enquiryHandovers', id: h.id }],
    });
    const targetPosts = await postsWithHolders(tx.db, [h.toPostId]);
    await tellReceiver(tx, after, h, pendingOf(h, targetPosts), view.access, { from: actor.name, to: target.name });
    return after;
  });
}

/** The hand-over `hid` of enquiry `id`, the enquiry's view with it as the one in question, checked for `action`. */
async function decisionOf(tx: TxCtx, id: string, hid: string, action: 'accept' | 'decline' | 'cancel') {
  const { view, posts } = await viewOf(tx, id);
  const h = view.chain.find((x) => x.id === hid);
  if (!h) throw notFound();
  const pending = pendingOf(h, posts);
  const access = { ...view.access, pending };
  enquiryPolicy.assert(actorOf(tx), action, access);
  if (h.status !== 'pending') {
    const label = { accepted: ['接收', 'accepted'], declined: ['退回', 'declined'], cancelled: ['撤回', 'cancelled'] }[h.status] ?? [
      h.status,
      h.status,
    ];
    throw new DomainError('enquiry_handover_not_pending', 409, { state: `被${label[0]}`, stateEn: label[1]! });
  }
  return { before: view.row, h, access, posts };
}

/**
 * 接收: the receiver becomes the owner, and the enquiry's unit theirs (the post's or department's
 * when handed to one). B accepting a post's hand-over while A is away owns it acting for A.
 */
export async function acceptHandover(ctx: Ctx, id: string, hid: string, body: z.output<typeof EnquiryHandoverDecisionBody>) {
  return inTransaction(ctx, async (tx) => {
    const { before, h, posts } = await decisionOf(tx, id, hid, 'accept');
    const actor = actorOf(tx);
    const owner = personOf(actor);
    const post = h.toPostId ? posts.get(h.toPostId) : undefined;
    const a = post?.aPersonId && post.aPersonId !== owner ? (await peopleBasics(tx.db, [post.aPersonId])).get(post.aPersonId) : undefined;
    const actingFor = a?.status === 'away' ? a.id : null;
    const departmentId = post?.departmentId ?? h.toDepartmentId ?? actor.departmentId ?? before.departmentId;
    const now = iso(tx.clock.now());
    const decided = {
      status: 'accepted',
      decidedByPersonId: owner,
      actingForPersonId: actingFor,
      acceptedDepartmentId: departmentId,
      decisionNote: body.note || null,
      decidedAt: now,
    };
    if (!(await enquiriesRepo.decideHandover(tx.db, hid, decided))) throw versionConflict();
    const patch: Partial<EnquiryRow> = { status: 'open', ownerPersonId: owner, actingForPersonId: actingFor, departmentId };
    if (!(await enquiriesRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    const after = { ...before, ...patch, version: before.version + 1 };
    await moveTimer(tx, 'enquiry', id, { departmentId, ownerPersonId: owner });
    await recordAudit(tx, {
      action: 'enquiry.handover_accept',
      entityType: 'enquiry',
      entityId: id,
      before,
      after: { ...after, handover: { ...h, ...decided } },
      seal: [{ table: 'enquiryHandovers', id: hid }],
    });
    return after;
  });
}

/** 退回 (the receiver) or 撤回 (the one who offered it): the owner keeps the enquiry, open again. */
export async function endHandover(
  ctx: Ctx,
  id: string,
  hid: string,
  how: 'decline' | 'cancel',
  body: z.output<typeof EnquiryHandoverDecisionBody>,
) {
  return inTransaction(ctx, async (tx) => {
    const { before, h, access } = await decisionOf(tx, id, hid, how);
    const actor = actorOf(tx);
    const decided = {
      status: how === 'decline' ? 'declined' : 'cancelled',
      decidedByPersonId: personOf(actor),
      decisionNote: body.note || null,
      decidedAt: iso(tx.clock.now()),
    };
    if (!(await enquiriesRepo.decideHandover(tx.db, hid, decided))) throw versionConflict();
    if (!(await enquiriesRepo.update(tx.db, id, before.version, { status: 'open' }))) throw versionConflict();
    const after = { ...before, status: 'open', version: before.version + 1 };
    await recordAudit(tx, {
      action: `enquiry.handover_${how}`,
      entityType: 'enquiry',
      entityId: id,
      before,
      after: { ...after, handover: { ...h, ...decided } },
      seal: [{ table: 'enquiryHandovers', id: hid }],
    });
    if (how === 'decline') await tellDeclined(tx, after, { ...h, ...decided }, access, actor.name);
    return after;
  });
}

/**
 * A, back at work, takes back what B held for them (AB岗: it flows back). Ownership moves on A's own
 * acceptance, recorded in the chain like any other.
 */
export async function takeBackEnquiry(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const { view } = await viewOf(tx, id);
    const before = view.row;
    const actor = actorOf(tx);
    enquiryPolicy.assert(actor, 'takeBack', view.access);
    const self = personOf(actor);
    if (before.status !== 'open') throw wrongStatus(before.status);
    if (before.version !== version) throw versionConflict();
    const now = iso(tx.clock.now());
    const departmentId = actor.departmentId ?? before.departmentId;
    const h: HandoverRow = {
      id: newId(),
      enquiryId: id,
      kind: 'take_back',
      fromPersonId: before.ownerPersonId,
      toPersonId: self,
      toPostId: null,
      toDepartmentId: null,
      note: null,
      status: 'accepted',
      decidedByPersonId: self,
      actingForPersonId: null,
      acceptedDepartmentId: departmentId,
      decisionNote: null,
      decidedAt: now,
      createdAt: now,
    };
    const patch: Partial<EnquiryRow> = { ownerPersonId: self, actingForPersonId: null, departmentId };
    if (!(await enquiriesRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    await enquiriesRepo.insertHandover(tx.db, h);
    const after = { ...before, ...patch, version: before.version + 1 };
    await moveTimer(tx, 'enquiry', id, { departmentId, ownerPersonId: self });
    await recordAudit(tx, {
      action: 'enquiry.take_back',
      entityType: 'enquiry',
      entityId: id,
      before,
      after: { ...after, handover: h },
      seal: [{ table: 'enquiryHandovers', id: h.id }],
    });
    return after;
  });
}
