import { defineJob } from '../../platform/jobs/define.ts';
import { urgeDueDemands } from './demand-urging.service.ts';

/**
 * 诉求每日督办: every morning at 09:15, after the tasks' warnings; the pass itself skips days off on the
 * working-day calendar (so an adjusted working Saturday is urged, a holiday Monday is not). A missed
 * morning is caught up the same day.
 */
export const demandUrgingJob = defineJob({
  kind: 'demand-urging',
  schedule: [{ cron: '15 9 * * *', catchUpMs: 8 * 3_600_000 }], // 09:15 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 5 * 60_000, factor: 2 },
  leaseMs: 30 * 60_000,
  async handler(ctx) {
    await urgeDueDemands(ctx);
  },
});
