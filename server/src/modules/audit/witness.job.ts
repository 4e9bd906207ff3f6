import { defineJob } from '../../platform/jobs/define.ts';
import { iso } from '../../platform/clock.ts';
import { AUDIT_ALGORITHM } from '../../platform/audit/algorithm.ts';
import type { AuditCheckpointsTable } from '../../platform/db/schema.ts';
import { auditRepo } from './audit.repo.ts';

const TIMEOUT_MS = 10_000;

/** What the witness receives: the signed checkpoint, enough to hold the chain to it later. */
export const witnessBody = (c: AuditCheckpointsTable) => ({
  kind: 'qinlian.audit.checkpoint',
  v: 1,
  seq: c.seq,
  hash: c.hash,
  at: c.at,
  keyId: c.keyId,
  signature: c.signature,
  algorithm: AUDIT_ALGORITHM,
});

/**
 * 外部见证: POST one signed checkpoint to QINLIAN_AUDIT_WITNESS_URL (JSON). A refusal or silence is
 * retried with backoff by the job table; every attempt's outcome is kept on the checkpoint row
 * (status, attempts, last error), and `audit verify` lists checkpoints the witness has not taken.
 */
export const auditWitnessJob = defineJob<{ checkpointId: string }>({
  kind: 'audit-witness',
  maxAttempts: 8,
  backoff: { baseMs: 60_000, factor: 2, maxMs: 6 * 3_600_000 },
  async handler(ctx, { checkpointId }) {
    const row = await auditRepo.checkpointById(ctx.db, checkpointId);
    const url = ctx.config.audit.witnessUrl;
    if (!row || row.witnessStatus === 'sent' || !url) return;
    const attempts = row.witnessAttempts + 1;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(witnessBody(row)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`witness answered HTTP ${res.status}`);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const last = ctx.job.attempt >= ctx.job.maxAttempts;
      await auditRepo.witnessed(ctx.db, row.id, {
        witnessStatus: last ? 'failed' : 'pending',
        witnessAttempts: attempts,
        witnessError: message,
        witnessAt: null,
      });
      throw err;
    }
    await auditRepo.witnessed(ctx.db, row.id, {
      witnessStatus: 'sent',
      witnessAttempts: attempts,
      witnessError: null,
      witnessAt: iso(ctx.clock.now()),
    });
  },
});
