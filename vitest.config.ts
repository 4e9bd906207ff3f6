import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests, as two projects of one run. Browser journeys have their own config in e2e/.
 * - node: server, contracts, bench, scripts — with the one PostgreSQL of the run (global setup)
 * - web: component tests in jsdom (web/vitest.config.ts); no database, so the setup is not theirs
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'server/src/**/*.test.ts',
            'server/test/**/*.test.ts',
            'contracts/src/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          // per project, not at the root: a root global setup runs for every run, a web-only one too
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      'web/vitest.config.ts',
    ],
    maxWorkers: 2,
    reporters: ['default'],
  },
});
