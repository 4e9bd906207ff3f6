// 审计日志 — the audit log's routes, its scheduled checkpoints and verification, and the witness
// deliveries (the chain itself is platform/audit, used by every write).
import type { Executor } from '../../platform/db/database.ts';
import { auditRepo } from './audit.repo.ts';

export { auditRoutes } from './audit.routes.ts';
export { auditCheckpointJob, auditVerifyJob } from './audit.jobs.ts';
export { auditWitnessJob } from './witness.job.ts';
export { takeCheckpoint, type CheckpointOutcome } from './checkpoint.service.ts';
export { verifyAndAlarm } from './tamper-alarm.service.ts';

/** For the command line: checkpoints the witness has not acknowledged yet, oldest first. */
export const witnessBacklog = (db: Executor) => auditRepo.unwitnessed(db);
