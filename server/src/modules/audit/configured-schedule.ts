import { loadConfig, type Config } from '../../platform/config.ts';
import type { CronSchedule, JobDefinition } from '../../platform/jobs/define.ts';

/**
 * A job whose cron the operator may change (QINLIAN_AUDIT_CHECKPOINT_CRON, QINLIAN_AUDIT_VERIFY_CRON):
 * the default stays declared beside the job in config.ts; the pattern is read once, at the first
 * tick, from the same validated configuration the server started with.
 */
export function scheduledFromConfig<P>(def: JobDefinition<P>, cronOf: (c: Config) => string): JobDefinition<P> {
  let schedule: CronSchedule[] | null = null;
  Object.defineProperty(def, 'schedule', { enumerable: true, get: () => (schedule ??= [{ cron: cronOf(loadConfig()) }]) });
  return def;
}
