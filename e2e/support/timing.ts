import type { Page } from 'playwright-core';

/** The time since the navigation began at which an element matching `selector` (with `text`) is laid out on the screen. */
export async function shownAt(page: Page, selector: string, text = ''): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, txt]) => {
      const el = [...document.querySelectorAll(sel!)].find((e) => e.textContent!.includes(txt!));
      return el && el.getBoundingClientRect().height > 0 ? performance.now() : 0;
    },
    [selector, text],
    { polling: 'raf', timeout: 30_000 },
  );
  return Math.round(await handle.jsonValue());
}
