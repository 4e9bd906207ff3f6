import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: each file starts the real server (`qinlian serve`, a child process on a temp
 * data dir) and drives Debian's Chromium through playwright-core. One file at a time: two cores.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
