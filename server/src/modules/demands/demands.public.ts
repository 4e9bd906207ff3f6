import type {
  PublicDemand,
  PublicDemandRatingBody,
  PublicDemandReceipt,
  PublicDemandReopenBody,
  PublicDemandSubmitBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { DomainError, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { formatTrackingCode, requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { openRectification } from '../rectification/index.ts';
import { resumeTimer, timersOf } from '../time-limits/index.ts';
import { receiveDemand, type IntakeKeys } from './demand-intake.service.ts';
import { auditedDemand } from './demand-loop.service.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';
import { openSolicitationByCode } from './solicitations.service.ts';

/** 1 非常不满意, 2 不满意: bad ratings (差评), each an item to rectify for the department that answered. */
export const BAD_RATING_AT_MOST = 2;
/** A submitter unsatisfied with the answer may reopen the item once, within this many days of closing. */
export const REOPEN_WITHIN_DAYS = 15;

const codeMissing = () => new DomainError('demand_code_not_found', 404);

/**
 * 扫码提交: the public form (a campaign's page when it names one); answers the tracking code and the
 * expected date. An unknown campaign is 404 solicitation_not_found, a closed one 409 solicitation_closed
 * with its dates (receiveDemand): each a polite sentence, never a bare not_found.
 */
export async function submitPublicDemand(
  ctx: Ctx,
  keys: IntakeKeys,
  body: PublicDemandSubmitBody,
  deviceId: string | null = null,
): Promise<PublicDemandReceipt> {
  const solicitationId = body.solicitationCode ? (await openSolicitationByCode(ctx.db, body.solicitationCode)).id : null;
  const row = await receiveDemand(ctx, keys, { ...body, channel: 'web', solicitationId, deviceId });
  return { code: row.code, displayCode: formatTrackingCode(row.code), status: 'received', expectedBy: null };
}

/** The item a code names, and the item that answers for it (the one it was merged into, or itself). */
async function byPublicCode(ctx: Ctx, code: string): Promise<{ own: DemandRow; lead: DemandRow }> {
  const own = await demandsRepo.byCode(ctx.db, requireTrackingCode(code, ctx.lang, 'code'));
  if (!own) throw codeMissing();
  const lead = own.mergedIntoId ? ((await demandsRepo.byId(ctx.db, own.mergedIntoId)) ?? own) : own;
  return { own, lead };
}

const answered = (lead: DemandRow) => lead.status === 'replied' || lead.status === 'closed';
const daysSince = (instant: string, now: Date) => (now.getTime() - Date.parse(instant)) / 86_400_000;
const mayReopen = (own: DemandRow, lead: DemandRow, now: Date) =>
  own.mergedIntoId === null &&
  own.reopenedCount === 0 &&
  answered(own) &&
  (!own.closedAt || daysSince(own.closedAt, now) <= REOPEN_WITHIN_DAYS);

/** 查询进度: the submitter's view by the code — status, the unit, the answer and the dates; of staff, units only. */
export async function publicDemand(ctx: Ctx, code: string): Promise<PublicDemand> {
  const { own, lead } = await byPublicCode(ctx, code);
  return presentPublic(ctx, own, lead);
}

async function presentPublic(ctx: Ctx, own: DemandRow, lead: DemandRow): Promise<PublicDemand> {
  const now = ctx.clock.now();
  const [units, timers, events] = await Promise.all([
    cachedDepartmentsBasics(ctx.db, [lead.departmentId]),
    timersOf(ctx.db, 'public_demand', [lead.id], shanghaiDate(now)),
    demandsRepo.events(ctx.db, lead.id),
  ]);
  const stepUnits = await cachedDepartmentsBasics(
    ctx.db,
    events.map((e) => e.departmentId),
  );
  return {
    code: own.code,
    displayCode: formatTrackingCode(own.code),
    kind: own.kind as PublicDemand['kind'],
    channel: own.channel as PublicDemand['channel'],
    title: own.title,
    body: own.hiddenAt ? '' : own.body,
    status: lead.status as PublicDemand['status'],
    category: lead.category,
    departmentName: lead.departmentId ? (units.get(lead.departmentId)?.name ?? null) : null,
    createdAt: own.createdAt,
    expectedBy: timers.get(lead.id)?.dueOn ?? null,
    reply: lead.reply,
    repliedAt: lead.repliedAt,
    closedAt: lead.closedAt,
    rating: own.rating,
    canRate: own.rating === null && answered(lead) && lead.status !== 'rejected',
    canReopen: mayReopen(own, lead, now),
    steps: events
      .filter((e) => ['received', 'accept', 'dispatch', 'take', 'reply', 'close', 'reject', 'reopened', 'rated'].includes(e.kind))
      .map((e) => ({ at: e.at, kind: e.kind, departmentName: e.departmentId ? (stepUnits.get(e.departmentId)?.name ?? null) : null })),
  };
}

async function changeOwn(tx: TxCtx, own: DemandRow, patch: Partial<DemandRow>, kind: string, note: string | null) {
  const now = iso(tx.clock.now());
  const full = { ...patch, updatedAt: now };
  if (!(await demandsRepo.update(tx.db, own.id, own.version, full))) throw versionConflict();
  const next = { ...own, ...full, version: own.version + 1 };
  await demandsRepo.insertEvent(tx.db, { id: newId(), demandId: own.id, kind, personId: null, departmentId: null, note, at: now });
  await recordAudit(tx, {
    action: `demand.${kind}`,
    entityType: 'demand',
    entityId: own.id,
    before: auditedDemand(own),
    after: auditedDemand(next),
  });
  return next;
}

/**
 * 评价: once, after the answer. A bad rating (1–2) becomes a rectification item (整改) for the
 * department that answered, under the bad-review time limit, like a bad review of a badge.
 */
export async function ratePublicDemand(ctx: Ctx, code: string, body: PublicDemandRatingBody): Promise<PublicDemand> {
  const { own, lead } = await byPublicCode(ctx, code);
  if (own.rating !== null) throw new DomainError('demand_already_rated', 409);
  if (!answered(lead) || lead.status === 'rejected') throw new DomainError('demand_not_rateable', 409);
  const next = await inTransaction(ctx, async (tx) => {
    const rated = await changeOwn(
      tx,
      own,
      { rating: body.rating, ratingComment: body.comment || null, ratedAt: iso(tx.clock.now()) },
      'rated',
      String(body.rating),
    );
    if (body.rating <= BAD_RATING_AT_MOST && lead.departmentId) {
      await openRectification(tx, {
        source: 'demand_review',
        sourceId: own.id,
        departmentId: lead.departmentId,
        personId: lead.repliedByPersonId,
        title: `诉求差评：${lead.title}`.slice(0, 200),
        detail:
          `查询码 ${formatTrackingCode(own.code)}，评价 ${body.rating} 星。${body.comment ? `群众意见：${body.comment}` : ''}\n答复：${lead.reply ?? ''}`.slice(
            0,
            4000,
          ),
        limitKind: 'bad_review',
      });
    }
    return rated;
  });
  return presentPublic(ctx, next, next.id === lead.id ? next : lead);
}

/** 重新办理: once, with the reason, within 15 days of closing; back to the department that answered. */
export async function reopenPublicDemand(ctx: Ctx, code: string, body: PublicDemandReopenBody): Promise<PublicDemand> {
  const { own, lead } = await byPublicCode(ctx, code);
  if (own.reopenedCount > 0) throw new DomainError('demand_reopen_used', 409);
  if (!mayReopen(own, lead, ctx.clock.now())) throw new DomainError('demand_reopen_not_now', 409);
  const next = await inTransaction(ctx, async (tx) => {
    const reopened = await changeOwn(tx, own, { status: 'handling', reopenedCount: 1, closedAt: null }, 'reopened', body.reason);
    await resumeTimer(tx, 'public_demand', own.id);
    return reopened;
  });
  return presentPublic(ctx, next, next);
}
