import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

/**
 * Web component tests: real components in jsdom with a QueryClient and i18n; only the network is a
 * fake (src/test/fakeApi.ts). Runs alone (`npx vitest run --config web/vitest.config.ts`) or as the
 * `web` project of the root vitest.config.ts; it needs no database.
 */
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    root: new URL('..', import.meta.url).pathname,
    include: ['web/src/**/*.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['web/src/test/setup.ts'],
    testTimeout: 30_000,
    // Each file's own copy of antd, React and i18n took 4–6 s of its ~6 s; sharing them per worker
    // (src/test/setup.ts puts back the window after every test) cut the project from ~300 s to ~90 s.
    isolate: false,
    // A project in its own file does not inherit the root's maxWorkers; vitest's default here is
    // cores − 1, which on two cores ran every web file in one worker after the node project.
    maxWorkers: 2,
  },
});
