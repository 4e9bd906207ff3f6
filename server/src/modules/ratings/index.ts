// 政务服务好差评 — the ratings module's front door: the console and public routes, and what the
// badges module calls: rate a badge holder, the summaries a badge shows, a department's public page code;
// and the desk's section (待复核的申诉).
export { ratingRoutes } from './ratings.routes.ts';
export { RATING_DESK_SECTIONS } from './rating-desk.ts';
export { publicRatingRoutes } from './ratings.public.routes.ts';
export { rateBadgeHolder, type Rater } from './ratings.service.ts';
// the demo seed rates closed enquiries and appeals a bad review (差评申诉)
export { appealRating, rateEnquiry } from './ratings.service.ts';
export { departmentRatingSummary, ratingPageCode, ratingSummaries } from './ratings.stats.ts';
export { ratingRouteLimits, raterOf } from './rating-limits.ts';
export { presentReceipt } from './ratings.receipt.ts';
