// 整改 — the rectification module's front door: items a department must explain or fix within a
// working-day limit (差评 now; inspection findings and spot checks later), their routes, and what the
// modules that raise findings call: open one, withdraw it (申诉成立), read those of their findings.
export { rectificationRoutes } from './rectification.routes.ts';
export {
  openRectification,
  rectificationsBySource,
  withdrawRectification,
  type OpenRectificationInput,
} from './rectification-sources.service.ts';
