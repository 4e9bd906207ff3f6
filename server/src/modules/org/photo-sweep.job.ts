import path from 'node:path';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { SWEEP_GRACE_MS, sweepStoredFiles } from '../../platform/files/sweep.ts';
import { peopleRepo } from './people.repo.ts';

/** 清理亮牌照片孤儿文件: badge photos no person's row names (replaced or left by a crash), and temp files, after a day. */
export const photoSweepJob = defineJob({
  kind: 'photo-sweep',
  schedule: [{ cron: '47 3 * * *' }], // daily 03:47 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    const report = await sweepStoredFiles({
      folder: path.resolve(ctx.config.dataDir, 'files', 'photos'),
      known: (names) => peopleRepo.photosInUse(ctx.db, names),
      graceMs: SWEEP_GRACE_MS,
      now: ctx.clock.now(),
    });
    if (report.removedTemp.length + report.removedOrphans.length === 0) return;
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'files.sweep',
        entityType: 'files',
        entityId: 'photos',
        after: { removedTemp: report.removedTemp, removedOrphans: report.removedOrphans },
      }),
    );
  },
});
