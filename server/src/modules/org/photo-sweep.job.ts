import { defineJob } from '../../platform/jobs/define.ts';
import { sweepAndRecord } from '../../platform/files/sweep.ts';
import { peopleRepo } from './people.repo.ts';

/** 清理亮牌照片孤儿文件: badge photos no person's row names (replaced or left by a crash), and temp files, after a day. */
export const photoSweepJob = defineJob({
  kind: 'photo-sweep',
  schedule: [{ cron: '47 3 * * *' }], // daily 03:47 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    await sweepAndRecord(ctx, { dataDir: ctx.config.dataDir, area: 'photos', known: (names) => peopleRepo.photosInUse(ctx.db, names) });
  },
});
