import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { shownAt } from './support/timing.ts';
import { SLOW_4G } from './support/phone-profile.ts';

/**
 * The first visit from a phone on a weak link (issue #12 item 8), with an empty cache: Lighthouse's
 * "Slow 4G" — 150 ms round trip, 1.6 Mbps down, 750 kbps up — on a phone-sized screen. The sign-in
 * page must bring under 400 KB of compressed script and show its form within 3 s. Figures go to the
 * test output and to e2e/test-results/first-load.json.
 *
 * The CPU is not slowed by default: this machine's two cores are shared by the whole suite, so a
 * slowed CPU measures the machine's load more than the app. E2E_CPU_SLOWDOWN=4 (Lighthouse's phone)
 * records that figure instead. For the same reason the 3 s are held only while the machine is not
 * overloaded (load average under three times its cores) — bytes, compression and caching always are.
 */
const CPU_SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN ?? 1);
const SCRIPT_BUDGET = 400 * 1024;
const FIRST_SCREEN_BUDGET_MS = 3_000;
/** cold loads tried, the fastest counting: other work on the shared machine can stall any one of them */
const TRIES = 3;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Transfer = { url: string; type: string; encoding: string; cacheControl: string; bytes: number };

/** Every answer the page receives from the server, with its body size as sent (compressed when it was). */
function recordTransfers(page: Page) {
  const responses: Response[] = [];
  const listener = (r: Response) => void responses.push(r);
  page.on('response', listener);
  return {
    async take(): Promise<Transfer[]> {
      page.off('response', listener);
      return Promise.all(
        responses.map(async (r) => ({
          url: new URL(r.url()).pathname,
          type: r.request().resourceType(),
          encoding: r.headers()['content-encoding'] ?? 'identity',
          cacheControl: r.headers()['cache-control'] ?? '',
          bytes: (await r.request().sizes()).responseBodySize,
        })),
      );
    },
  };
}

const sum = (list: Transfer[]) => list.reduce((n, t) => n + t.bytes, 0);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const listed = (list: Transfer[]) => list.map((t) => `${t.url} ${t.encoding} ${kb(t.bytes)} KB`);

/** When the last file of the page so far arrived: the part of the wait that the network decides. */
const lastArrivalAt = (page: Page) =>
  page.evaluate(() =>
    Math.round(Math.max(...performance.getEntriesByType('resource').map((e) => (e as PerformanceResourceTiming).responseEnd))),
  );

describe('the first load on a phone over slow 4G (real server, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** the page of the last cold load, signed in by the second test */
  let page: Page;
  const figures: Record<string, unknown> = { network: 'Slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up', cpuSlowdown: CPU_SLOWDOWN };

  /** A phone with an empty cache on the slow link. */
  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    context.setDefaultTimeout(30_000);
    const next = await context.newPage();
    const cdp = await context.newCDPSession(next);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    return next;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    const dir = path.join(REPO_ROOT, 'e2e/test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'first-load.json'), JSON.stringify(figures, null, 2) + '\n');
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in form within 3 s with under 400 KB of compressed script, every file brotli-compressed', async () => {
    const [load] = os.loadavg();
    const holdTime = CPU_SLOWDOWN === 1 && load! < 3 * os.cpus().length;
    const tries: Array<{ formShownMs: number; lastFileArrivedMs: number }> = [];
    let loaded: Transfer[] = [];
    for (let n = 1; n <= TRIES; n++) {
      page = await phone();
      const transfers = recordTransfers(page);
      await page.goto('/login', { waitUntil: 'commit' });
      const formShownMs = await shownAt(page, '[data-testid="login-username"]');
      await page.waitForLoadState('load');
      loaded = await transfers.take();
      tries.push({ formShownMs, lastFileArrivedMs: await lastArrivalAt(page) });
      if (formShownMs < FIRST_SCREEN_BUDGET_MS || !holdTime) break;
    }
    const scripts = loaded.filter((t) => t.type === 'script');
    const htmlJsCss = loaded.filter((t) => ['document', 'script', 'stylesheet'].includes(t.type));
    const fastest = Math.min(...tries.map((t) => t.formShownMs));
    figures.signIn = {
      formShownMs: fastest,
      timeBudget: holdTime
        ? `held to ${FIRST_SCREEN_BUDGET_MS} ms`
        : `not held: load average ${load!.toFixed(1)} on ${os.cpus().length} cores`,
      tries,
      scriptKB: kb(sum(scripts)),
      htmlJsCssKB: kb(sum(htmlJsCss)),
      requests: loaded.length,
      files: listed(loaded),
    };
    console.log('first load, sign-in page:', figures.signIn);

    expect(sum(scripts), 'compressed script bytes of the sign-in page').toBeLessThan(SCRIPT_BUDGET);
    if (holdTime) expect(fastest, 'ms until the sign-in form is on the screen').toBeLessThan(FIRST_SCREEN_BUDGET_MS);
    // the console's shell only: no page's code, not the rest of antd, no charts, before anyone has signed in
    expect(scripts.map((t) => t.url).filter((u) => /\/(antd|antd-icons|echarts|zod|\w+Page)-[\w-]{8}\.js$/.test(u))).toEqual([]);
    for (const t of htmlJsCss.filter((x) => x.bytes >= 1024)) expect(`${t.url} ${t.encoding}`).toBe(`${t.url} br`);
    for (const t of scripts) expect(`${t.url} ${t.cacheControl}`).toBe(`${t.url} ${IMMUTABLE}`);
    expect(loaded.find((t) => t.type === 'document')!.cacheControl).toBe('no-cache');
  });

  it('after sign-in shows 工作台 with the rest of antd, but no charts; a second visit asks the server for no file again', async () => {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    const transfers = recordTransfers(page);
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('login-submit').click();
    const greetedAt = await shownAt(page, 'h3', '您好');
    // what 工作台 needed; the console then fetches the other pages' code while idle (consoleRoutes.tsx)
    const loaded = await transfers.take();
    const scripts = loaded.filter((t) => t.type === 'script');
    figures.dashboard = {
      shownAfterSubmitMs: Math.round(greetedAt - clickedAt),
      scriptKB: kb(sum(scripts)),
      allKB: kb(sum(loaded)),
      requests: loaded.length,
      files: listed(loaded),
    };
    console.log('after sign-in, 工作台:', figures.dashboard);
    expect(scripts.some((t) => /\/DashboardPage-/.test(t.url))).toBe(true);
    expect(scripts.some((t) => /\/antd-[\w-]{8}\.js$/.test(t.url))).toBe(true);
    expect(scripts.filter((t) => /\/echarts-/.test(t.url))).toEqual([]);
    for (const t of scripts.filter((x) => x.bytes >= 1024)) expect(`${t.url} ${t.encoding}`).toBe(`${t.url} br`);

    // the hashed files are kept for a year: coming back asks the server for the page (and the API) alone
    await page.waitForLoadState('networkidle'); // the other pages' code, fetched while idle, is in the cache too
    await page.goto('/');
    const backAt = await shownAt(page, 'h3', '您好');
    const fromServer = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => new URL(e.name).pathname.startsWith('/assets/') && e.transferSize > 0)
        .map((e) => new URL(e.name).pathname),
    );
    figures.secondVisit = { shownMs: backAt, assetsAskedOfServer: fromServer.length };
    console.log('second visit, 工作台:', figures.secondVisit);
    expect(fromServer).toEqual([]);
  });
});
