// 系统 — health and the like.
export { systemRoutes } from './system.routes.ts';
