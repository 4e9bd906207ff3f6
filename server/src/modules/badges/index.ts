// 亮牌上岗 — the badges module's front door: the console routes (badge wall, a person's badge,
// duties, reissue, revoke, print) and the public badge page (with rating from it).
export { badgeRoutes } from './badges.routes.ts';
export { publicBadgeRoutes } from './badges.public.routes.ts';
