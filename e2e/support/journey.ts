import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newContext } from './browser.ts';
import { SCREENSHOTS, pageOverflow, widestElements } from './layout.ts';
import { inputByTestId, settle } from './ui.ts';

/**
 * One journey at one window size (e2e/task-life.e2e.test.ts): people signed in at that size with the
 * server's clock, the menu opened the way the size offers it (the sider on a desktop, the drawer on
 * a phone), and a numbered screenshot of each step in test-results/screenshots/<journey>/<size>/,
 * taken only once the page fits its window.
 */
export type Size = { label: string; width: number; height: number; phone: boolean };

export const DEMO_PASSWORD = 'Demo@2026';

export function journeyAt(size: Size, journey: string, browser: () => Browser, baseURL: () => string, clockAt: string) {
  const dir = path.join(SCREENSHOTS, journey, size.label);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const contexts: BrowserContext[] = [];
  let n = 0;

  /** Fails naming the widest elements when the page is wider than its window: nobody should scroll sideways. */
  async function fits(page: Page, where: string) {
    const overflow = await pageOverflow(page);
    if (overflow > 1)
      expect.fail(
        `${where} at ${size.label}: the page is ${overflow}px wider than the window — ${(await widestElements(page)).join('; ')}`,
      );
  }

  return {
    dir,
    /** A fresh profile whose clock starts where the server's did, signed in as `username`, on 工作台. */
    async signIn(username: string): Promise<Page> {
      const context = await newContext(browser(), baseURL());
      await context.clock.install({ time: new Date(clockAt) });
      contexts.push(context);
      const page = await context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/login');
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => u.pathname === '/');
      return page;
    },

    /** A page of the left menu: from the sider, or on a phone from the drawer the header's button opens. */
    async menu(page: Page, key: string) {
      if (!size.phone) return page.locator('.app-sider').getByTestId(`menu-${key}`).click();
      await page.getByTestId('menu-open').click();
      const drawer = page.locator('.app-menu-drawer');
      await drawer.waitFor({ state: 'visible' });
      await drawer.getByTestId(`menu-${key}`).click();
      await drawer.waitFor({ state: 'hidden' });
    },

    /** The step's screenshot, NN-name.png, once the page has settled and fits its window. */
    async step(page: Page, name: string) {
      await settle(page);
      await fits(page, name);
      n += 1;
      await page.screenshot({ path: path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    },

    /** Every page as it was when a test failed: failed-<who>.png beside the steps. */
    async failed(pages: Record<string, Page | undefined>) {
      for (const [who, page] of Object.entries(pages)) {
        await page?.screenshot({ path: path.join(dir, `failed-${who}.png`), fullPage: true }).catch(() => {});
      }
    },

    async close() {
      for (const c of contexts) await c.close().catch(() => {});
    },
  };
}

/**
 * Type `search` into an antd Select and click the matching option until the select shows `shown`.
 * Under load a click on an option now and then lands while the list re-renders and chooses nothing:
 * click again while it is still open.
 */
export async function pickInSelect(page: Page, testId: string, search: string, optionSelector: string, shown = search) {
  const select = page.locator(`[data-testid="${testId}"]`).first();
  const chosen = page.locator(`[data-testid="${testId}"]`, { hasText: shown }).first();
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await select.click();
    await inputByTestId(page, testId).fill(search);
    await page
      .locator(`.ant-select-dropdown:visible ${optionSelector}`, { hasText: search })
      .first()
      .click({ timeout: 5_000 })
      .catch(() => {});
    if (
      await chosen.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (attempt === 4) throw new Error(`could not pick "${search}" in ${testId}`);
  }
}

/**
 * Type a date (YYYY-MM-DD) into an antd date input, as a person keying it in does, and confirm it:
 * Enter in a range (it moves on to the range's end), Tab in a lone date — an Enter there would also
 * submit the dialog's form before the rest of it is filled.
 */
export async function typeDate(input: Locator, date: string, confirm: 'Enter' | 'Tab' = 'Tab') {
  await input.click();
  await input.fill(date);
  await input.press(confirm);
  await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(date);
}
