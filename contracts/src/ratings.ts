import { z } from 'zod';
import { Id, Instant, PageQuery, pageOf, prose } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { RectificationStatus } from './rectification.ts';

/**
 * 政务服务好差评 (service ratings): the public rates a person's service from their badge (亮牌) or
 * a closed enquiry (首问), 1–5, with an optional comment, no account needed. One rating per service
 * event. 1 and 2 are bad reviews (差评): each opens a rectification item (整改) for the person's
 * department; the department may appeal a mistaken or malicious one (申诉) and the office reviews it
 * (复核): upheld takes the rating out of the statistics and withdraws its rectification.
 */

/** 1 非常不满意 · 2 不满意 · 3 基本满意 · 4 满意 · 5 非常满意 */
export const RatingScore = z.number().int().min(1).max(5);
export type RatingScore = z.infer<typeof RatingScore>;
/** The scores that are bad reviews (差评). */
export const BAD_REVIEW_MAX_SCORE = 2;
export const RATING_LEVELS: Record<RatingScore, { 'zh-CN': string; 'en-US': string }> = {
  1: { 'zh-CN': '非常不满意', 'en-US': 'Very dissatisfied' },
  2: { 'zh-CN': '不满意', 'en-US': 'Dissatisfied' },
  3: { 'zh-CN': '基本满意', 'en-US': 'Fairly satisfied' },
  4: { 'zh-CN': '满意', 'en-US': 'Satisfied' },
  5: { 'zh-CN': '非常满意', 'en-US': 'Very satisfied' },
};

/** Rated from a badge (亮牌) or from a closed enquiry (首问). */
export const RatingSource = z.enum(['badge', 'enquiry']);
export type RatingSource = z.infer<typeof RatingSource>;

/** 无申诉 · 申诉中 · 申诉成立（不计入统计、整改撤销）· 申诉不成立（评价有效） */
export const RatingAppealState = z.enum(['none', 'appealed', 'upheld', 'rejected']);
export type RatingAppealState = z.infer<typeof RatingAppealState>;

/** The longest comment (字). HTML is kept as the text it is and shown as text. */
export const RATING_COMMENT_MAX = 500;

/**
 * POST /api/public/badges/:code/ratings and POST /api/public/enquiries/:code/ratings.
 * Both limited to RATINGS_PER_DEVICE_PER_HOUR per device (429 beyond); a second rating of the same
 * service event is 409 (`rating_duplicate_badge` / `rating_duplicate_enquiry`).
 */
export const RatingSubmitBody = z.object({
  score: RatingScore,
  comment: prose(0, RATING_COMMENT_MAX).nullable().optional(),
});
export type RatingSubmitBody = z.input<typeof RatingSubmitBody>;
export const RATINGS_PER_DEVICE_PER_HOUR = 5;

/** What the rater is told (201): nothing about anyone else. `bad`: it will be followed up (整改、回访). */
export const RatingReceipt = z.object({ score: RatingScore, bad: z.boolean(), ratedOn: CalendarDate });
export type RatingReceipt = z.infer<typeof RatingReceipt>;

/** How a person or department is rated over a period: count and average of the ratings that count (an upheld appeal's do not). */
export const RatingSummary = z.object({ count: z.number().int(), average: z.number().nullable() });
export type RatingSummary = z.infer<typeof RatingSummary>;

export const RatingAppeal = z.object({
  reason: z.string(),
  appealedByName: z.string(),
  appealedAt: Instant,
  decision: z.enum(['upheld', 'rejected']).nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: Instant.nullable(),
  note: z.string().nullable(),
});
export type RatingAppeal = z.infer<typeof RatingAppeal>;

/** A rating in the console. The rater is never named; in lists, phone and ID numbers in the comment are masked. */
export const Rating = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  source: RatingSource,
  enquiryId: Id.nullable(),
  score: RatingScore,
  comment: z.string().nullable(),
  ratedOn: CalendarDate,
  createdAt: Instant,
  bad: z.boolean(),
  /** the 整改 item a bad review opened (its status and deadline from the rectification module) */
  rectification: z.object({ id: Id, code: z.string(), status: RectificationStatus, dueOn: CalendarDate }).nullable(),
  appealState: RatingAppealState,
  appeal: RatingAppeal.nullable(),
  version: z.number().int(),
  abilities: z.object({ appeal: z.boolean(), decide: z.boolean() }),
});
export type Rating = z.infer<typeof Rating>;

const flag = z.enum(['true', 'false']);
/** GET /api/ratings: in the actor's data scope; newest first. `from`/`to` are service days, inclusive. */
export const RatingQuery = PageQuery.extend({
  departmentId: Id.optional(),
  personId: Id.optional(),
  source: RatingSource.optional(),
  score: z.coerce.number().int().min(1).max(5).optional(),
  bad: flag.optional(),
  appealState: RatingAppealState.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type RatingQuery = z.input<typeof RatingQuery>;
export const RatingPage = pageOf(Rating);

/** GET /api/ratings/stats: the last 12 months unless given; one department (404 out of scope) or all in scope. */
export const RatingStatsQuery = z.object({
  departmentId: Id.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type RatingStatsQuery = z.input<typeof RatingStatsQuery>;

/** Figures of a set of ratings. count/average/distribution/bad leave out upheld appeals; `appeals` counts all. */
export const RatingFigures = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  /** ratings of score 1, 2, 3, 4, 5 */
  distribution: z.array(z.number().int()).length(5),
  bad: z.number().int(),
  appeals: z.object({ appealed: z.number().int(), upheld: z.number().int(), rejected: z.number().int() }),
});
export type RatingFigures = z.infer<typeof RatingFigures>;

export const RatingStats = z.object({
  from: CalendarDate,
  to: CalendarDate,
  total: RatingFigures,
  departments: z.array(RatingFigures.extend({ departmentId: Id, departmentName: z.string() })),
  /** the most rated first, at most 500 */
  people: z.array(RatingFigures.extend({ personId: Id, personName: z.string(), departmentId: Id })),
  peopleTruncated: z.boolean(),
  /** by month (YYYY-MM) of the service day, every month of the period, for charts */
  months: z.array(z.object({ month: z.string(), count: z.number().int(), average: z.number().nullable(), bad: z.number().int() })),
});
export type RatingStats = z.infer<typeof RatingStats>;

/** POST /api/ratings/:id/appeal (申诉): the department's reason. */
export const RatingAppealBody = z.object({ reason: prose(1, 1000), version: z.number().int() });
export type RatingAppealBody = z.input<typeof RatingAppealBody>;

/** POST /api/ratings/:id/appeal/decision (复核): upheld takes the rating out and withdraws its 整改; rejected lets it stand. */
export const RatingAppealDecisionBody = z.object({
  decision: z.enum(['upheld', 'rejected']),
  note: prose(1, 1000),
  version: z.number().int(),
});
export type RatingAppealDecisionBody = z.input<typeof RatingAppealDecisionBody>;

/**
 * GET /api/public/departments/:code/ratings — a department's published results (评价结果公示): figures
 * of the last 12 months, and its bad reviews with how each was handled. No names, no comments.
 */
export const PublicDepartmentRatings = z.object({
  departmentName: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  summary: RatingSummary,
  distribution: z.array(z.number().int()).length(5),
  badReviews: z.array(
    z.object({
      ratedOn: CalendarDate,
      score: RatingScore,
      /** the 整改 status (open, submitted, returned, verified, withdrawn); null while none is on record */
      rectificationStatus: RectificationStatus.nullable(),
      dueOn: CalendarDate.nullable(),
      appealState: RatingAppealState,
    }),
  ),
});
export type PublicDepartmentRatings = z.infer<typeof PublicDepartmentRatings>;

/** The public code of a department's results page and of an enquiry: a tracking code (13 characters; case, spaces and hyphens ignored). */
export const PublicCodeParams = z.object({ code: z.string().max(64) });
