import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the reliability suite at full size (≈300 fuzz cases per route, more
 * race rounds, more kill -9 rounds and backups). `npm test` runs the same files small, through the
 * root vitest.config.ts (its include covers server/test/**).
 */
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['server/test/reliability/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    env: { RELIABILITY_SIZE: 'full' },
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
