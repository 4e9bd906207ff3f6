import fs from 'node:fs';

import path from 'node:path';
import { onTestFailed } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for Debian's Chromium as root on a machine without outside network. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (npm test does it as root)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A fresh browser profile (cookies, localStorage) at a desktop size, in Chinese unless told. */
export async function newContext(browser: Browser, baseURL: string, locale = 'zh-CN'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Screenshots of every page a journey visits: e2e/test-results/<journey>/NN-<page>.png. When the
 * test fails, the page as it was at that moment is saved too, as NN-failed.png.
 */
export function screenshots(journey: string, page: Page) {
  const dir = path.join(REPO_ROOT, 'e2e/test-results', journey);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  /** the page of the latest shot: a journey with two people (two contexts) numbers their pages in one sequence */
  let last = page;
  const shots = {
    dir,
    async take(name: string, on: Page = page) {
      n += 1;
      last = on;
      const file = path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
      await on.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
  onTestFailed(async () => {
    await shots.take('failed', last).catch(() => {});
  });
  return shots;
}
