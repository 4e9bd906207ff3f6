// 审计日志 — the audit log's routes, its scheduled checkpoints and verification, the witness
// deliveries, and the SM2-signed head that bulletins print (the chain itself is platform/audit,
// used by every write).
import type { Executor } from '../../platform/db/database.ts';
import { auditRepo } from './audit.repo.ts';

export { auditRoutes } from './audit.routes.ts';
export { publicAuditRoutes } from './audit.public.routes.ts';
export { auditCheckpointJob, auditVerifyJob } from './audit.jobs.ts';
export { auditWitnessJob } from './witness.job.ts';
export { takeCheckpoint, type CheckpointOutcome } from './checkpoint.service.ts';
export { verifyAndAlarm } from './tamper-alarm.service.ts';
// 公告验证: a bulletin module signs the head inside its publish transaction; the CLI checks and rotates
export { signChainHead, verifyHeadSignature, rotateSigningKey, publishSigningKey, signingKeys } from './head-signing.service.ts';
export { checkCheckpointFully, type FullCheckpointCheck } from './checkpoint-check.service.ts';
export { readCheckpointText } from './checkpoint-input.ts';

/** For the command line: checkpoints the witness has not acknowledged yet, oldest first. */
export const witnessBacklog = (db: Executor) => auditRepo.unwitnessed(db);
