import type { z } from 'zod';
import { EnquiryCreateBody as CreateSchema, type EnquiryCreateBody, type EnquiryQuery, type EnquiryReplyBody } from '@qinlian/contracts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { seal } from '../../platform/crypto/sealed.ts';
import { newId } from '../../platform/ids.ts';
import { newTrackingCode, normalizeTrackingCode } from '../../platform/public/tracking-code.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { postIdsActedBy } from '../org/index.ts';
import { startTimer, stopTimer } from '../time-limits/index.ts';
import { enquiriesRepo, type EnquiryFilter, type EnquiryRow, type EnquiryVisibility, type Receiving } from './enquiries.repo.ts';
import { enquiryPolicy, mayUseEnquiries } from './enquiries.policy.ts';
import { enquiryView, enquiryViews, type EnquiryViews } from './enquiry-views.ts';

/** The key that seals the enquirer's name and contact at rest. */
export type SealKeys = Pick<Config, 'secretKey' | 'dataDir'>;

const actorOf = (ctx: Ctx) => ctx.actor!;

const STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  open: { zh: '正在办理', en: 'is open' },
  handing_over: { zh: '有一项移交等待接收', en: 'has a hand-over waiting for acceptance' },
  replied: { zh: '已答复', en: 'has been replied to' },
  closed: { zh: '已办结', en: 'is closed' },
};

/** 409: the enquiry is not in a state for this; a waiting hand-over says so in its own words. */
export function wrongStatus(status: string): DomainError {
  if (status === 'handing_over') return new DomainError('enquiry_handover_pending', 409);
  const label = STATUS_LABELS[status] ?? { zh: status, en: status };
  return new DomainError('enquiry_wrong_status', 409, { state: label.zh, stateEn: label.en });
}

/** The owner of an enquiry is a person: an account without one cannot register or take one on. */
export function personOf(actor: Actor): string {
  if (!actor.personId) throw new DomainError('enquiry_needs_person', 403);
  return actor.personId;
}

/**
 * 首问登记: whoever receives the enquiry (at the counter, on the phone, a message) registers it and
 * owns it; the unit answering for it is the owner's department. Its time limit starts now.
 */
export async function registerEnquiry(ctx: Ctx, keys: SealKeys, input: EnquiryCreateBody): Promise<EnquiryRow> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    if (!actor.permissions.has('enquiries.handle')) throw forbidden();
    const personId = personOf(actor);
    if (!actor.departmentId) throw new DomainError('enquiry_needs_person', 403);
    const row: EnquiryRow = {
      id: newId(),
      code: newTrackingCode(),
      channel: body.channel,
      enquirerNameSealed: seal(keys, body.enquirerName),
      enquirerContactSealed: body.enquirerContact ? seal(keys, body.enquirerContact) : null,
      subject: body.subject,
      body: body.body,
      departmentId: actor.departmentId,
      registeredByPersonId: personId,
      registeredDepartmentId: actor.departmentId,
      ownerPersonId: personId,
      actingForPersonId: null,
      status: 'open',
      reply: null,
      replyWay: null,
      repliedByPersonId: null,
      repliedAt: null,
      closedAt: null,
      createdAt: iso(tx.clock.now()),
      version: 1,
    };
    await enquiriesRepo.insert(tx.db, row);
    await startTimer(tx, { kind: 'enquiry', subjectId: row.id, departmentId: row.departmentId, ownerPersonId: personId });
    await recordAudit(tx, { action: 'enquiry.create', entityType: 'enquiry', entityId: row.id, after: row });
    return row;
  });
}

/** An enquiry the actor may see, with its chain; 404 otherwise. */
export async function getEnquiry(ctx: Ctx, id: string) {
  const found = await enquiryView(ctx.db, id);
  if (!found) throw notFound();
  enquiryPolicy.assertVisible(actorOf(ctx), found.view.access);
  return found;
}

/** Where the actor receives hand-overs: by name, as acting holder of posts, in their department. */
async function receivingOf(db: Executor, a: Actor): Promise<Receiving | null> {
  if (!a.personId || !a.permissions.has('enquiries.handle')) return null;
  return { personId: a.personId, departmentId: a.departmentId, postIds: await postIdsActedBy(db, a.personId) };
}

/** What the actor may see, and where they receive hand-overs: the lists and the desk resolve it alike. */
export async function reachOf(db: Executor, a: Actor): Promise<{ v: EnquiryVisibility; receiving: Receiving | null }> {
  const receiving = await receivingOf(db, a);
  const v: EnquiryVisibility = a.scope.all
    ? { all: true }
    : { all: false, departmentIds: [...a.scope.departmentIds], personId: a.personId, receiving };
  return { v, receiving };
}

/** A page of the actor's box (mine, awaiting my acceptance, my department's, all I may see), filtered. */
export async function listEnquiries(ctx: Ctx, q: z.output<typeof EnquiryQuery>): Promise<EnquiryViews & { total: number }> {
  const a = actorOf(ctx);
  if (!mayUseEnquiries(a)) throw forbidden();
  const { v, receiving } = await reachOf(ctx.db, a);
  const f: EnquiryFilter = { status: q.status, channel: q.channel, active: q.active === undefined ? undefined : q.active === 'true' };
  const empty = { views: [], people: new Map(), posts: new Map(), total: 0 };
  if (q.box === 'mine') {
    if (!a.personId) return empty;
    f.ownerOrHeldFor = a.personId;
  }
  if (q.box === 'awaiting') f.awaiting = receiving;
  if (q.box === 'department') {
    if (!a.departmentId) return empty;
    f.departmentId = a.departmentId;
  }
  if (q.q) {
    const code = normalizeTrackingCode(q.q);
    if (code) f.code = code;
    else f.subjectLike = q.q;
  }
  const { items, total } = await enquiriesRepo.page(ctx.db, v, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...(await enquiryViews(ctx.db, items)), total };
}

/** Reads the enquiry in the transaction, checks the actor may do `action` and that it is not stale. */
async function forAction(ctx: Ctx, id: string, action: 'reply' | 'close') {
  const found = await enquiryView(ctx.db, id);
  if (!found) throw notFound();
  enquiryPolicy.assert(actorOf(ctx), action, found.view.access);
  return found.view.row;
}

/** 答复: the owner answers the enquirer, saying how (in person, by phone, SMS, e-mail or letter). */
export async function replyToEnquiry(ctx: Ctx, id: string, body: z.output<typeof EnquiryReplyBody>) {
  return inTransaction(ctx, async (tx) => {
    const before = await forAction(tx, id, 'reply');
    if (before.status !== 'open') throw wrongStatus(before.status);
    if (before.version !== body.version) throw versionConflict();
    const patch: Partial<EnquiryRow> = {
      status: 'replied',
      reply: body.reply,
      replyWay: body.replyWay,
      repliedByPersonId: actorOf(tx).personId,
      repliedAt: iso(tx.clock.now()),
    };
    if (!(await enquiriesRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    const after = { ...before, ...patch, version: before.version + 1 };
    await recordAudit(tx, { action: 'enquiry.reply', entityType: 'enquiry', entityId: id, before, after });
    return after;
  });
}

/** 办结: only once the enquirer has been answered (400 otherwise, saying so); its time limit stops. */
export async function closeEnquiry(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await forAction(tx, id, 'close');
    if (before.status === 'open') throw new DomainError('enquiry_reply_required', 400);
    if (before.status !== 'replied') throw wrongStatus(before.status);
    if (before.version !== version) throw versionConflict();
    const patch: Partial<EnquiryRow> = { status: 'closed', closedAt: iso(tx.clock.now()) };
    if (!(await enquiriesRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    const after = { ...before, ...patch, version: before.version + 1 };
    await stopTimer(tx, 'enquiry', id);
    await recordAudit(tx, { action: 'enquiry.close', entityType: 'enquiry', entityId: id, before, after });
    return after;
  });
}

/**
 * For the ratings module (好差评): the enquiry behind a tracking code (already validated by
 * requireTrackingCode), whom it was answered by and whether it is closed; null when there is none.
 */
export async function enquiryForRating(
  db: Executor,
  code: string,
): Promise<{ id: string; ownerPersonId: string; departmentId: string; closedAt: string | null } | null> {
  const row = await enquiriesRepo.byCode(db, code);
  return row ? { id: row.id, ownerPersonId: row.ownerPersonId, departmentId: row.departmentId, closedAt: row.closedAt } : null;
}
