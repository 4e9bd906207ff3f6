import type { Rating, RatingAppealState, RatingScore, RatingSource, RectificationStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { maskEmail, maskIdCard, maskPhone } from '../../platform/privacy/mask.ts';
import { cachedDepartmentsBasics, peopleBasics } from '../org/index.ts';
import { rectificationsBySource } from '../rectification/index.ts';
import { ratingsRepo, type RatingRow } from './ratings.repo.ts';
import { ratingAbilities } from './ratings.policy.ts';

// 18-digit ID numbers (last may be X), then mobile numbers, then e-mail addresses, where the public typed them into a comment
const ID_CARD = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** A comment as a list shows it (脱敏): phone and ID numbers, e-mail addresses a rater left in it are masked; the rest as written. */
export function maskComment(comment: string | null): string | null {
  if (comment === null) return null;
  return comment
    .replace(ID_CARD, (m) => maskIdCard(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(EMAIL, (m) => maskEmail(m));
}

/**
 * What leaves the server of ratings, field by field: the rated person and department by name, the
 * 整改 item, the appeal, abilities. Never the device or address digests. `masked`: lists mask the
 * comment; the detail view shows it whole.
 */
export async function presentRatings(ctx: Ctx, rows: RatingRow[], opts: { masked: boolean }): Promise<Rating[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [people, departments, items, appeals] = await Promise.all([
    peopleBasics(
      ctx.db,
      rows.map((r) => r.personId),
    ),
    cachedDepartmentsBasics(
      ctx.db,
      rows.map((r) => r.departmentId),
    ),
    rectificationsBySource(
      ctx.db,
      'bad_review',
      rows.filter((r) => r.bad).map((r) => r.id),
    ),
    ratingsRepo.appealsOf(ctx.db, ids),
  ]);
  return rows.map((r) => {
    const item = items.get(r.id);
    const appeal = appeals.get(r.id);
    return {
      id: r.id,
      personId: r.personId,
      personName: people.get(r.personId)?.name ?? '',
      departmentId: r.departmentId,
      departmentName: departments.get(r.departmentId)?.name ?? '',
      source: r.source as RatingSource,
      enquiryId: r.enquiryId,
      score: r.score as RatingScore,
      comment: opts.masked ? maskComment(r.comment) : r.comment,
      ratedOn: r.ratedOn,
      createdAt: r.createdAt,
      bad: r.bad === 1,
      rectification: item ? { id: item.id, code: item.code, status: item.status as RectificationStatus, dueOn: item.dueOn } : null,
      appealState: r.appealState as RatingAppealState,
      appeal: appeal
        ? {
            reason: appeal.reason,
            appealedByName: appeal.appealedByName,
            appealedAt: appeal.appealedAt,
            decision: (appeal.decision as 'upheld' | 'rejected' | null) ?? null,
            decidedByName: appeal.decidedByName,
            decidedAt: appeal.decidedAt,
            note: appeal.note,
          }
        : null,
      version: r.version,
      abilities: ratingAbilities(ctx.actor!, r),
    };
  });
}
