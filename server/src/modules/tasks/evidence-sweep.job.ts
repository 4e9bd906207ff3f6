import path from 'node:path';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { SWEEP_GRACE_MS, sweepStoredFiles } from '../../platform/files/sweep.ts';
import { filesRepo } from './evidence.repo.ts';

/** 清理佐证材料孤儿文件: evidence files (named by their row's id) that no `files` row names, and temp files, after a day. */
export const evidenceSweepJob = defineJob({
  kind: 'evidence-sweep',
  schedule: [{ cron: '37 3 * * *' }], // daily 03:37 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    const report = await sweepStoredFiles({
      folder: path.resolve(ctx.config.dataDir, 'files', 'evidence'),
      known: async (names) => new Set((await filesRepo.byIds(ctx.db, names)).map((f) => f.id)),
      graceMs: SWEEP_GRACE_MS,
      now: ctx.clock.now(),
    });
    if (report.removedTemp.length + report.removedOrphans.length === 0) return;
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'files.sweep',
        entityType: 'files',
        entityId: 'evidence',
        after: { removedTemp: report.removedTemp, removedOrphans: report.removedOrphans },
      }),
    );
  },
});
