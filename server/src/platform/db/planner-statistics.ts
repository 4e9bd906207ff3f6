import { sql } from 'kysely';
import { defineJob } from '../jobs/define.ts';
import type { Db, Engine } from './database.ts';

/**
 * 统计信息 — what the query planners know of the tables' sizes and spreads. Without it SQLite picks
 * indexes by guesswork (the task board took `tasks_plan_code_uq` for its literal query: 2.4 s cold
 * at province scale). SQLite: `PRAGMA optimize` at start-up and nightly, which re-analyses only the
 * tables whose size moved a lot since, each by sampling at most `analysis_limit` rows per index (so
 * it costs milliseconds at a million rows). PostgreSQL's autovacuum analyses as tables change; the
 * nightly run adds a plain `ANALYZE` after the day's bulk imports.
 */
const SQLITE_ANALYSIS_LIMIT = 1_000;

export async function refreshPlannerStatistics(db: Db, engine: Engine, opts: { atStartUp: boolean }) {
  if (engine === 'postgres') {
    if (!opts.atStartUp) await sql`ANALYZE`.execute(db);
    return;
  }
  await sql.raw(`PRAGMA analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`).execute(db);
  // 0x10002 at start-up: look at every table, not only those this connection has used so far
  await sql.raw(opts.atStartUp ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize').execute(db);
}

export const plannerStatisticsJob = defineJob({
  kind: 'planner-statistics',
  schedule: [{ cron: '40 3 * * *' }], // daily 03:40 Asia/Shanghai, after the night's housekeeping
  maxAttempts: 3,
  backoff: { baseMs: 10 * 60_000 },
  async handler(ctx) {
    await refreshPlannerStatistics(ctx.db as Db, ctx.engine, { atStartUp: false });
  },
});
