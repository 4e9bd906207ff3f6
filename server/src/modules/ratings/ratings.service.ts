import type { z } from 'zod';
import {
  BAD_REVIEW_MAX_SCORE,
  RATING_LEVELS,
  type RatingAppealBody,
  type RatingAppealDecisionBody,
  type RatingQuery,
  type RatingScore,
  type RatingSource,
  RatingSubmitBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, notFound, versionConflict } from '../../platform/errors.ts';
import { requireTrackingCode } from '../../platform/public/tracking-code.ts';
import { enquiryForRating } from '../enquiries/index.ts';
import { peopleBasics } from '../org/index.ts';
import { openRectification, withdrawRectification } from '../rectification/index.ts';
import { ratingsRepo, type RatingRow, type RatingVisibility } from './ratings.repo.ts';
import { ratingPolicy } from './ratings.policy.ts';

/** Who rated, as far as the server keeps it: keyed digests of the device id (or address) and of the address. */
export type Rater = { deviceHash: string; addressHash: string };

const APPEAL_LABELS: Record<string, { zh: string; en: string }> = {
  none: { zh: '未申诉', en: 'not appealed' },
  appealed: { zh: '申诉待复核', en: 'appealed, awaiting review' },
  upheld: { zh: '申诉成立', en: 'appeal upheld' },
  rejected: { zh: '申诉不成立', en: 'appeal rejected' },
};
const label = (state: string) => APPEAL_LABELS[state] ?? { zh: state, en: state };

/**
 * One rating of one service event, in one transaction: the rating, and for a bad review (1–2) its
 * rectification item (整改) for the rated person's department under the `bad_review` time limit.
 * The event key is UNIQUE, so a second rating of the same event is a 409 whatever the timing.
 */
async function rate(
  ctx: Ctx,
  input: { source: RatingSource; personId: string; departmentId: string; enquiryId: string | null; eventKey: (ratedOn: string) => string },
  body: z.input<typeof RatingSubmitBody>,
  rater: Rater,
): Promise<RatingRow> {
  const { score, comment } = RatingSubmitBody.parse(body);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const ratedOn = shanghaiDate(now);
    const row: RatingRow = {
      id: newId(),
      personId: input.personId,
      departmentId: input.departmentId,
      source: input.source,
      enquiryId: input.enquiryId,
      serviceEventKey: input.eventKey(ratedOn),
      score,
      comment: comment ? comment : null, // as typed: markup stays text
      deviceHash: rater.deviceHash,
      addressHash: rater.addressHash,
      ratedOn,
      createdAt: iso(now),
      bad: score <= BAD_REVIEW_MAX_SCORE ? 1 : 0,
      rectificationId: null,
      appealState: 'none',
      version: 1,
    };
    if (!(await ratingsRepo.insertOnce(tx.db, row)))
      throw new DomainError(input.source === 'badge' ? 'rating_duplicate_badge' : 'rating_duplicate_enquiry', 409);
    let rated = row;
    if (row.bad) {
      const item = await openRectification(tx, {
        source: 'bad_review',
        sourceId: row.id,
        departmentId: row.departmentId,
        personId: row.personId,
        limitKind: 'bad_review',
        ...(await badReviewText(tx, row)),
      });
      await ratingsRepo.update(tx.db, row.id, row.version, { rectificationId: item.id });
      rated = { ...row, rectificationId: item.id, version: row.version + 1 };
    }
    // recorded once the rating is linked to its item, so that the event seals the row as it stays
    const { deviceHash: _d, addressHash: _a, ...audited } = rated;
    await recordAudit(tx, { action: 'rating.create', entityType: 'rating', entityId: row.id, after: audited });
    return rated;
  });
}

async function badReviewText(tx: TxCtx, row: RatingRow) {
  const name = (await peopleBasics(tx.db, [row.personId])).get(row.personId)?.name ?? '';
  const level = RATING_LEVELS[row.score as RatingScore]?.['zh-CN'] ?? '';
  const from = row.source === 'badge' ? '亮牌扫码评价' : '首问事项办结评价';
  return {
    title: `差评整改：${name}（${level}）`,
    detail: `来源：${from}\n服务日期：${row.ratedOn}\n评价：${row.score} 分（${level}）\n群众意见：${row.comment ?? '（未填写）'}`,
  };
}

/** 亮牌评价: a person rated from their badge; one rating per person, device and day (Asia/Shanghai). */
export function rateBadgeHolder(
  ctx: Ctx,
  holder: { personId: string; departmentId: string },
  body: z.input<typeof RatingSubmitBody>,
  rater: Rater,
): Promise<RatingRow> {
  const eventKey = (day: string) => `badge:${holder.personId}:${rater.deviceHash}:${day}`;
  return rate(ctx, { source: 'badge', ...holder, enquiryId: null, eventKey }, body, rater);
}

/** 首问评价: the owner of a closed enquiry rated by its tracking code; once per enquiry. 404 unknown, 409 not closed. */
export async function rateEnquiry(ctx: Ctx, rawCode: string, body: z.input<typeof RatingSubmitBody>, rater: Rater) {
  const code = requireTrackingCode(rawCode, ctx.lang, 'params.code');
  const enquiry = await enquiryForRating(ctx.db, code);
  if (!enquiry) throw notFound();
  if (!enquiry.closedAt) throw new DomainError('enquiry_not_closed', 409);
  const owner = (await peopleBasics(ctx.db, [enquiry.ownerPersonId])).get(enquiry.ownerPersonId);
  if (!owner) throw notFound();
  const input = { personId: owner.id, departmentId: enquiry.departmentId, enquiryId: enquiry.id };
  return rate(ctx, { source: 'enquiry', ...input, eventKey: () => `enquiry:${enquiry.id}` }, body, rater);
}

/** A rating the actor may see; 404 otherwise. */
export async function getRating(ctx: Ctx, id: string): Promise<RatingRow> {
  const row = await ratingsRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  ratingPolicy.assertVisible(ctx.actor!, row);
  return row;
}

export const visibilityOf = (ctx: Ctx): RatingVisibility => {
  const a = ctx.actor!;
  return a.scope.all ? { all: true } : { all: false, departmentIds: [...a.scope.departmentIds], selfPersonId: a.scope.selfPersonId };
};

/** 好差评 in the actor's scope, newest first. */
export function listRatings(ctx: Ctx, q: z.output<typeof RatingQuery>) {
  const filter = {
    departmentId: q.departmentId,
    personId: q.personId,
    source: q.source,
    score: q.score,
    bad: q.bad === undefined ? undefined : q.bad === 'true',
    appealState: q.appealState,
    from: q.from,
    to: q.to,
  };
  return ratingsRepo.page(ctx.db, visibilityOf(ctx), filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** 差评申诉: the department says why a bad review is mistaken or malicious; once per rating. */
export async function appealRating(ctx: Ctx, id: string, body: z.output<typeof RatingAppealBody>): Promise<RatingRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await ratingsRepo.byId(tx.db, id);
    if (!before) throw notFound();
    const actor = tx.actor!;
    ratingPolicy.assert(actor, 'appeal', before);
    if (!before.bad) throw new DomainError('rating_not_bad', 409);
    if (before.appealState !== 'none') {
      const l = label(before.appealState);
      throw new DomainError('rating_appeal_exists', 409, { state: l.zh, stateEn: l.en });
    }
    if (body.version !== before.version || !(await ratingsRepo.update(tx.db, id, before.version, { appealState: 'appealed' })))
      throw versionConflict();
    const at = iso(tx.clock.now());
    const appeal = { ratingId: id, reason: body.reason, appealedBy: actor.userId, appealedByName: actor.name, appealedAt: at };
    await ratingsRepo.insertAppeal(tx.db, { ...appeal, decision: null, decidedBy: null, decidedByName: null, decidedAt: null, note: null });
    const after: RatingRow = { ...before, appealState: 'appealed', version: before.version + 1 };
    await recordAudit(tx, {
      action: 'rating.appeal',
      entityType: 'rating',
      entityId: id,
      before: { appealState: 'none' },
      after: appeal,
      seal: [{ table: 'ratingAppeals', id }],
    });
    return after;
  });
}

/** 申诉复核: upheld takes the rating out of the statistics and withdraws its rectification; rejected lets it stand. */
export async function decideAppeal(ctx: Ctx, id: string, body: z.output<typeof RatingAppealDecisionBody>): Promise<RatingRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await ratingsRepo.byId(tx.db, id);
    if (!before) throw notFound();
    const actor = tx.actor!;
    ratingPolicy.assert(actor, 'decide', before);
    if (before.appealState !== 'appealed') {
      const l = label(before.appealState);
      throw new DomainError('rating_not_appealed', 409, { state: l.zh, stateEn: l.en });
    }
    if (body.version !== before.version || !(await ratingsRepo.update(tx.db, id, before.version, { appealState: body.decision })))
      throw versionConflict();
    const decision = {
      decision: body.decision,
      decidedBy: actor.userId,
      decidedByName: actor.name,
      decidedAt: iso(tx.clock.now()),
      note: body.note,
    };
    await ratingsRepo.decideAppeal(tx.db, id, decision);
    await recordAudit(tx, {
      action: 'rating.appeal_decision',
      entityType: 'rating',
      entityId: id,
      before: { appealState: 'appealed' },
      after: decision,
      seal: [{ table: 'ratingAppeals', id }],
    });
    if (body.decision === 'upheld') await withdrawRectification(tx, 'bad_review', id, `差评申诉成立：${body.note}`);
    return { ...before, appealState: body.decision, version: before.version + 1 };
  });
}
