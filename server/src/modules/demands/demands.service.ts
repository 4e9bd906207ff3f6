import type { DemandContact, DemandIntakeBody, DemandQuery, DemandReasonBody } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { unseal } from '../../platform/crypto/sealed.ts';
import { DomainError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { has } from '../../platform/policy/policy.ts';
import { storedFilePath, stageStoredFile } from '../../platform/files/files.ts';
import { ATTACHMENTS_MAX, receiveDemand, typedUploads, type DemandUpload, type IntakeKeys } from './demand-intake.service.ts';
import { auditedDemand } from './demand-loop.service.ts';
import { demandPolicy, mayRevealContact } from './demands.policy.ts';
import { demandsRepo, type DemandFilter, type DemandRow } from './demands.repo.ts';
import { RUNNING_STATUSES } from './demand-deadlines.repo.ts';

/** An item the actor may see (404 otherwise, never 403: out of sight is not there). */
export async function getDemand(ctx: Ctx, id: string): Promise<DemandRow> {
  const row = await demandsRepo.byId(ctx.db, id);
  if (!row || !demandPolicy.canSee(ctx.actor!, row) || !has(ctx.actor, 'demands.read')) throw notFound();
  return row;
}

const INBOX = ['received', 'accepted'];

/**
 * The lists: inbox — the office's desk (to accept, to dispatch, sent back); department — what was
 * dispatched to the actor's units and is not yet closed; all — everything in sight. `overdue`
 * narrows any of them to items still with a department past their last day.
 */
export async function listDemands(ctx: Ctx, q: DemandQuery & { page: number; pageSize: number }) {
  const actor = ctx.actor!;
  if (!has(actor, 'demands.read')) throw forbidden();
  const sees = has(actor, 'demands.dispatch') || actor.scope.all;
  const f: DemandFilter = { kind: q.kind, channel: q.channel, solicitationId: q.solicitationId, q: q.q || undefined };
  if (q.status) f.statuses = [q.status];
  if (q.box === 'inbox') {
    if (!has(actor, 'demands.dispatch')) throw forbidden();
    f.statuses = q.status ? [q.status].filter((s) => INBOX.includes(s)) : INBOX;
  } else if (q.box === 'department' || !sees) {
    f.departmentIds = actor.scope.all ? (actor.departmentId ? [actor.departmentId] : []) : actor.scope.departmentIds;
    if (q.box === 'department' && !q.status) f.statuses = ['dispatched', 'handling', 'replied'];
  }
  if (q.overdue === 'true') {
    // 超期: still with the department past the last day; answered items are judged by the time-limit figures instead
    f.overdueBefore = shanghaiDate(ctx.clock.now());
    f.statuses = (f.statuses ?? [...RUNNING_STATUSES]).filter((s) => (RUNNING_STATUSES as readonly string[]).includes(s));
  }
  const [rows, total] = await demandsRepo.list(ctx.db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { rows, total };
}

/** 登记来电来信: a clerk enters a call or a letter on the caller's behalf. */
export async function registerDemand(ctx: Ctx, keys: IntakeKeys, body: DemandIntakeBody): Promise<DemandRow> {
  if (!has(ctx.actor, 'demands.dispatch')) throw forbidden();
  return receiveDemand(ctx, keys, { ...body, solicitationId: body.solicitationId ?? null });
}

/** A file added to an item after intake (a letter's scan), typed by its bytes; up to five an item. */
export async function attachToDemand(ctx: Ctx, keys: IntakeKeys, id: string, upload: DemandUpload): Promise<DemandRow> {
  const row = await getDemand(ctx, id);
  if (!demandPolicy.allowed(ctx.actor!, 'dispatch', row)) throw forbidden();
  const [typed] = await typedUploads([upload], ctx.lang);
  const fileId = newId();
  const staged = await stageStoredFile(keys.dataDir, 'demands', `${fileId}.bin`, typed!.bytes);
  try {
    return await inTransaction(ctx, async (tx) => {
      if ((await demandsRepo.attachments(tx.db, id)).length >= ATTACHMENTS_MAX)
        throw new DomainError('demand_too_many_files', 400, { max: ATTACHMENTS_MAX });
      const now = iso(tx.clock.now());
      const attachment = {
        id: fileId,
        demandId: id,
        fileName: `${fileId}.bin`,
        originalName: typed!.originalName.slice(0, 200),
        contentType: typed!.contentType,
        bytes: typed!.bytes.length,
        createdAt: now,
      };
      await demandsRepo.insertAttachment(tx.db, attachment);
      await demandsRepo.insertEvent(tx.db, {
        id: newId(),
        demandId: id,
        kind: 'attached',
        personId: tx.actor!.personId,
        departmentId: null,
        note: attachment.originalName,
        at: now,
      });
      await recordAudit(tx, { action: 'demand.attach', entityType: 'demand', entityId: id, after: attachment });
      await staged.commit();
      return row;
    });
  } catch (e) {
    await staged.discard();
    throw e;
  }
}

/** A kept file of an item in sight, for download. */
export async function demandAttachment(ctx: Ctx, keys: IntakeKeys, id: string, attachmentId: string) {
  await getDemand(ctx, id);
  const a = await demandsRepo.attachmentById(ctx.db, attachmentId);
  if (!a || a.demandId !== id) throw notFound();
  return { row: a, path: storedFilePath(keys.dataDir, 'demands', a.fileName) };
}

/** 查看完整联系方式: for the office's clerks and the department handling it; every view is in the audit chain. */
export async function revealDemandContact(ctx: Ctx, keys: IntakeKeys, id: string): Promise<DemandContact> {
  const row = await getDemand(ctx, id);
  if (!mayRevealContact(ctx.actor!, row)) throw forbidden();
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'demand.contact_view', entityType: 'demand', entityId: id }));
  const open = (s: string | null) => (s ? unseal(keys, s) : null);
  return { name: open(row.submitterNameSealed), phone: open(row.phoneSealed), email: open(row.emailSealed) };
}

/** 隐藏: abusive content is hidden from the public by a moderator, with the reason; the record stays. */
export async function hideDemand(ctx: Ctx, id: string, b: DemandReasonBody): Promise<DemandRow> {
  return inTransaction(ctx, async (tx) => {
    const row = await demandsRepo.byId(tx.db, id);
    if (!row || !demandPolicy.canSee(tx.actor!, row)) throw notFound();
    if (!demandPolicy.allowed(tx.actor!, 'moderate', row)) throw forbidden();
    if (row.version !== b.version) throw versionConflict();
    const now = iso(tx.clock.now());
    const patch = { hiddenAt: now, hiddenReason: b.reason, updatedAt: now };
    if (!(await demandsRepo.update(tx.db, id, b.version, patch))) throw versionConflict();
    const next = { ...row, ...patch, version: row.version + 1 };
    await demandsRepo.insertEvent(tx.db, {
      id: newId(),
      demandId: id,
      kind: 'hidden',
      personId: tx.actor!.personId,
      departmentId: null,
      note: b.reason,
      at: now,
    });
    await recordAudit(tx, {
      action: 'demand.hide',
      entityType: 'demand',
      entityId: id,
      before: auditedDemand(row),
      after: auditedDemand(next),
    });
    return next;
  });
}
