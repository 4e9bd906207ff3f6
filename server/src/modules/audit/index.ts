// 审计日志 — the audit log's routes (the chain itself is platform/audit, used by every write).
export { auditRoutes } from './audit.routes.ts';
