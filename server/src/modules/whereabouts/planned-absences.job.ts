import { defineJob } from '../../platform/jobs/define.ts';
import { runPlannedAbsences } from './planned-absences.service.ts';

/**
 * 请假/出差/培训 by the clock: every minute, absences whose start has come switch the person's state,
 * those whose end has come switch it back (if it is still theirs). Idempotent: each step moves an
 * absence only from the status it read.
 */
export const plannedAbsenceJob = defineJob({
  kind: 'planned-absences',
  schedule: [{ cron: '* * * * *', catchUpMs: 5 * 60_000 }], // every minute
  maxAttempts: 1, // the next minute's run picks up whatever this one left
  async handler(ctx) {
    await runPlannedAbsences(ctx);
  },
});
