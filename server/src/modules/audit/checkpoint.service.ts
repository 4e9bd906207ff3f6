import { inTransaction, type Ctx } from '../../platform/context.ts';
import { iso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/runner.ts';
import { appendCheckpointFile, readCheckpointFile, sameCheckpoint, signCheckpoint } from '../../platform/audit/checkpoints.ts';
import type { AuditTrail } from '../../platform/audit/trail.ts';
import type { AuditCheckpointsTable } from '../../platform/db/schema.ts';
import { auditRepo } from './audit.repo.ts';
import { auditWitnessJob } from './witness.job.ts';

export type CheckpointOutcome =
  | { kind: 'empty' }
  /** the head has not moved since this checkpoint: nothing new to sign */
  | { kind: 'unchanged'; row: AuditCheckpointsTable }
  | { kind: 'taken'; row: AuditCheckpointsTable };

/**
 * 签署检查点: sign the chain's head with the audit key and keep it three times — a row here, a
 * line in the checkpoint file beside the data, and (where QINLIAN_AUDIT_WITNESS_URL is set) a
 * delivery to the witness queued in the same transaction, retried by the job table. A checkpoint
 * whose file line is missing (an append that failed last time) is appended again.
 */
export async function takeCheckpoint(ctx: Ctx, trail: AuditTrail, source: 'job' | 'cli' | 'stop'): Promise<CheckpointOutcome> {
  const key = trail.key;
  if (!key)
    throw new Error(
      '没有审计密钥，无法签署检查点：请设置 QINLIAN_AUDIT_KEY，或先启动一次服务以在数据目录中生成 audit.key / no audit key: set QINLIAN_AUDIT_KEY, or start the server once to make audit.key in the data directory',
    );
  const head = await auditRepo.head(ctx.db);
  if (!head || head.seq === 0) return { kind: 'empty' };
  const last = await auditRepo.latestCheckpoint(ctx.db);
  let outcome: CheckpointOutcome;
  if (last && last.seq === head.seq && last.hash === head.hash && last.keyId === key.id) outcome = { kind: 'unchanged', row: last };
  else {
    const signed = signCheckpoint(key, head, iso(ctx.clock.now()));
    const row: AuditCheckpointsTable = {
      id: newId(),
      ...signed,
      source,
      witnessStatus: trail.witnessUrl ? 'pending' : 'none',
      witnessAttempts: 0,
      witnessError: null,
      witnessAt: null,
    };
    await inTransaction(ctx, async (tx) => {
      await auditRepo.insertCheckpoint(tx.db, row);
      if (trail.witnessUrl) await enqueueJob(tx, auditWitnessJob, { checkpointId: row.id }, { dedupeKey: `audit-witness:${row.id}` });
    });
    outcome = { kind: 'taken', row };
  }
  if (!readCheckpointFile(trail.checkpointFile).checkpoints.some((c) => sameCheckpoint(c, outcome.row)))
    appendCheckpointFile(trail.checkpointFile, outcome.row);
  return outcome;
}
