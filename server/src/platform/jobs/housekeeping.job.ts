import { iso } from '../clock.ts';
import { defineJob } from './define.ts';
import { jobsRepo } from './jobs.repo.ts';

const DAY_MS = 86_400_000;

/** 清理: finished jobs are kept 7 days (failed ones 30) — well past any cron's catch-up window. */
export const jobsHousekeepingJob = defineJob({
  kind: 'jobs-housekeeping',
  schedule: [{ cron: '17 3 * * *' }], // daily 03:17 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    const now = ctx.clock.now().getTime();
    await jobsRepo.prune(ctx.db, iso(new Date(now - 7 * DAY_MS)), iso(new Date(now - 30 * DAY_MS)));
  },
});
