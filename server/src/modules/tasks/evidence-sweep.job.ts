import { defineJob } from '../../platform/jobs/define.ts';
import { sweepAndRecord } from '../../platform/files/sweep.ts';
import { filesRepo } from './evidence.repo.ts';

/** 清理佐证材料孤儿文件: evidence files (named by their row's id) that no `files` row names, and temp files, after a day. */
export const evidenceSweepJob = defineJob({
  kind: 'evidence-sweep',
  schedule: [{ cron: '37 3 * * *' }], // daily 03:37 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    await sweepAndRecord(ctx, {
      dataDir: ctx.config.dataDir,
      area: 'evidence',
      known: async (names) => new Set((await filesRepo.byIds(ctx.db, names)).map((f) => f.id)),
    });
  },
});
