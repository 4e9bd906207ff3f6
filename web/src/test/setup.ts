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

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
