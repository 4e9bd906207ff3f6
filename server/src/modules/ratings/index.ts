// 政务服务好差评 — the ratings module's front door: the console and public routes, and what the
// badges module calls: rate a badge holder, the summaries a badge shows, a department's public page code.
export { ratingRoutes } from './ratings.routes.ts';
export { publicRatingRoutes } from './ratings.public.routes.ts';
export { rateBadgeHolder, type Rater } from './ratings.service.ts';
export { departmentRatingSummary, ratingPageCode, ratingSummaries } from './ratings.stats.ts';
export { ratingRouteLimits, raterOf } from './rating-limits.ts';
export { presentReceipt } from './ratings.receipt.ts';
