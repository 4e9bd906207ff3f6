import { defineJob } from '../../platform/jobs/define.ts';
import { requestMonthlySummaries } from './monthly-requests.service.ts';

/**
 * 一月一小结 — the month-end request: at 16:00 (Asia/Shanghai) every day, the pass asks every department
 * for its summary of the month on the month's last working day (the last weekday that is not a
 * holiday, or a 调休 Saturday) and does nothing on other days. The summary is due on the fifth working
 * day of the next month. The job table enqueues each occurrence once however many instances tick
 * (dedupe key) and hands it to one of them (FOR UPDATE SKIP LOCKED on PostgreSQL); the summaries'
 * unique (month, department) index makes a retried or repeated run ask nobody twice. A missed
 * afternoon is caught up until 23:00.
 */
export const monthlySummaryRequestJob = defineJob({
  kind: 'summaries-monthly-request',
  schedule: [{ cron: '0 16 * * *', catchUpMs: 7 * 3_600_000 }], // 16:00 Asia/Shanghai
  maxAttempts: 3,
  backoff: { baseMs: 5 * 60_000, factor: 2 },
  leaseMs: 30 * 60_000,
  async handler(ctx) {
    await requestMonthlySummaries(ctx);
  },
});
