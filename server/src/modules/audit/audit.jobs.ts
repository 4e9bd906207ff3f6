import { defineJob } from '../../platform/jobs/define.ts';
import { auditTrailFor } from '../../platform/audit/trail.ts';
import { scheduledFromConfig } from './configured-schedule.ts';
import { takeCheckpoint } from './checkpoint.service.ts';
import { verifyAndAlarm } from './tamper-alarm.service.ts';

/** 定时签署检查点: every 10 minutes by default (QINLIAN_AUDIT_CHECKPOINT_CRON) and at a clean stop (serve.ts); nothing when the head has not moved. */
export const auditCheckpointJob = scheduledFromConfig(
  defineJob({
    kind: 'audit-checkpoint',
    maxAttempts: 3,
    backoff: { baseMs: 60_000 },
    async handler(ctx) {
      await takeCheckpoint(ctx, auditTrailFor(ctx.config, { create: false }), 'job');
    },
  }),
  (c) => c.audit.checkpointCron,
);

/**
 * 定时校验: daily at 02:40 by default (QINLIAN_AUDIT_VERIFY_CRON) — the chain, its MACs and
 * checkpoints, and every tracked business row against its seal; a failure alarms the holders of
 * audit.read (纪检监察, the campaign office) and is itself an audit event.
 */
export const auditVerifyJob = scheduledFromConfig(
  defineJob<{ scheduledFor?: string }>({
    kind: 'audit-verify',
    maxAttempts: 2,
    backoff: { baseMs: 10 * 60_000 },
    leaseMs: 3 * 3_600_000, // a million-row verification takes minutes, not hours
    async handler(ctx, payload) {
      await verifyAndAlarm(ctx, auditTrailFor(ctx.config, { create: false }), payload.scheduledFor ?? ctx.job.id);
    },
  }),
  (c) => c.audit.verifyCron,
);
