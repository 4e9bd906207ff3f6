import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './server.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Screenshots of the layout passes: test-results/screenshots/ at the repository's root (git-ignored). */
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

export function screenshotDir(): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}

/** How far the page is wider than the window (0 when it fits): what a person would have to scroll sideways. */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements wider than the window, to name in a failure (tag, class and width of the widest few). */
export function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > limit + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map((x) => `${x.el.tagName.toLowerCase()}.${String(x.el.className).split(' ').slice(0, 3).join('.')} → ${Math.round(x.right)}px`);
  });
}

/** The console's page has drawn: no spinner or skeleton left in the content (polled), then the layout settles. */
export async function contentReady(page: Page) {
  await page.locator('.app-content').waitFor();
  await page
    .waitForFunction(
      () =>
        !!document.querySelector('.app-content > *') &&
        !document.querySelector('.app-content .ant-spin-spinning, .app-content .ant-skeleton-active'),
      null,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => {});
  await page.waitForTimeout(120);
}
