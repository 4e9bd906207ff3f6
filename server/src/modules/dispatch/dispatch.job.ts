import { defineJob } from '../../platform/jobs/define.ts';
import { draftWeeklySheets } from './dispatch-drafting.service.ts';

/**
 * 一周一调度 — the weekly draft: at 08:00 (Asia/Shanghai) on every day, the pass drafts this ISO week's
 * sheet of each running plan on the first working day of the week — Monday 08:00 as a rule, the next
 * working day when Monday is a holiday — and does nothing on days off or once the week has its sheet.
 * The job table enqueues each occurrence once however many instances tick (dedupe key), and claims it
 * for one of them (FOR UPDATE SKIP LOCKED on PostgreSQL); the sheet's unique (plan, department, week)
 * index makes a retried or late run find the week drafted. A missed morning is caught up the same day.
 */
export const dispatchDraftJob = defineJob({
  kind: 'dispatch-weekly-draft',
  schedule: [{ cron: '0 8 * * *', catchUpMs: 10 * 3_600_000 }], // 08:00 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 5 * 60_000, factor: 2 },
  leaseMs: 30 * 60_000,
  async handler(ctx) {
    await draftWeeklySheets(ctx);
  },
});
