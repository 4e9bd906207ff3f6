// 整改 — the rectification module's front door: items a department must explain or fix within a
// working-day limit (差评 now; inspection findings and spot checks later), their routes, and what the
// modules that raise findings call: open one, withdraw it (申诉成立), read those of their findings;
// and the desk's sections (待整改, 待核实).
export { rectificationRoutes } from './rectification.routes.ts';
export { RECTIFICATION_DESK_SECTIONS } from './rectification-desk.ts';
export {
  openRectification,
  rectificationsBySource,
  withdrawRectification,
  type OpenRectificationInput,
} from './rectification-sources.service.ts';
// the demo seed: the office's own items (登记) and a department's answer (报送)
export { openByHand } from './rectification.service.ts';
export { submitRectification } from './rectification-steps.service.ts';
