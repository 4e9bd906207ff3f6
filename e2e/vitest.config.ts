import { defineConfig } from 'vitest/config';

/** The journeys that hold wall-clock budgets (first screen in 3 s, badge in 1 s, door board in 2 s). */
const TIMED = ['e2e/first-load.e2e.test.ts', 'e2e/office-rules.e2e.test.ts'];

/**
 * Browser journeys: each file starts the real server (`qinlian serve`, a child process on a temp
 * data dir) and drives Debian's Chromium through playwright-core. A journey keeps about half of one
 * core busy (it mostly waits for the page), so two run side by side on the two cores; the timed
 * ones run after them, one at a time, so that their budgets measure the page and not the neighbour.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // a poll waits like a locator does (15 s): under load a page can take more than vitest's 1 s
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'journeys', include: ['e2e/**/*.e2e.test.ts'], exclude: TIMED, maxWorkers: 2 },
      },
      {
        extends: true,
        test: { name: 'timed', include: TIMED, maxWorkers: 1, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
