/**
 * How hard the reliability suite pushes. `npm test` runs it small (a few minutes on 2 cores);
 * `npm run test:reliability` sets RELIABILITY_SIZE=full (see ./vitest.config.ts).
 */
export const FULL = process.env.RELIABILITY_SIZE === 'full';

export const SIZE = {
  /** fuzz runs per route and role: 3 × 6 roles = 18 per route small, 50 × 6 = 300 full */
  fuzzRunsPerRole: FULL ? 50 : 3,
  /** HEAD routes share their GET handler: fuzzed at full size only */
  fuzzHeadRoutes: FULL,
  /** compare every table before/after refused GETs too (small: writes only — a GET writing rows would be caught at full size) */
  snapshotReads: FULL,
  /** concurrent PATCH rounds on one record */
  raceRounds: FULL ? 40 : 6,
  /** writer clients during crash and backup tests */
  writers: FULL ? 8 : 4,
  /** kill -9 rounds per engine: issue #15 asks for zero acknowledged writes lost across 20 on each */
  crashRounds: FULL ? 20 : 1,
  /** how long writers run before the kill, ms */
  crashAfterMs: FULL ? 2500 : 900,
  /** backups taken while writers run */
  backups: FULL ? 3 : 1,
} as const;

/** A fixed seed unless FUZZ_SEED is given, so a failure prints a seed that reproduces it. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FULL ? Date.now() % 2 ** 31 : 20261125;
