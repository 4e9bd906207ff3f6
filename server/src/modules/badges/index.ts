// 亮牌上岗 — the badges module's front door: the console routes (badge wall, a person's badge,
// duties, reissue, revoke, print) and the public badge page (with rating from it).
export { badgeRoutes } from './badges.routes.ts';
export { publicBadgeRoutes } from './badges.public.routes.ts';
// the demo seed opens each department's badge wall once, which issues its post holders' badges and ratings page
export { badgeWall } from './badges.service.ts';
// 亮牌 with the badge in the page's HTML (the public API's rate limits apply)
export { publicBadgePageRoutes } from './badges.page.routes.ts';
