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
  },
});
