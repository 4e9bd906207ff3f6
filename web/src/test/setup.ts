import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../i18n/index.ts';

// What jsdom lacks and a browser has: antd's responsive grid asks matchMedia, its overflow and
// virtual lists watch sizes. Stand-ins for the browser, not for anything of ours.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// The files of a worker share one jsdom and one module graph (isolate: false in web/vitest.config.ts),
// so what one test changes on the window is put back before the next file can see it.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  localStorage.clear();
});
