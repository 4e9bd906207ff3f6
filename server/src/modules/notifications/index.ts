// 消息通知 — the notifications module's front door: the inbox and channel routes, and start-up wiring.
export { notificationRoutes } from './notifications.routes.ts';
export { wireNotifications } from './notifications.service.ts';
