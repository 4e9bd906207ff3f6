// 消息通知 — the notifications module's front door: the inbox and channel routes, start-up wiring,
// and who can receive a notice (the acting person, else a department's stand-ins).
export { notificationRoutes } from './notifications.routes.ts';
export { wireNotifications } from './notifications.service.ts';
export { departmentStandIns, reachablePeople, type MayReceive } from './notice-recipients.ts';
