import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { DESKTOP, PHONE, pageOverflow, widestElements } from './support/layout.ts';
import { journeyAt, pickInSelect, typeDate, type Size } from './support/journey.ts';
import { expectText, fillByTestId, inputByTestId, pickDepartment, searchByTestId } from './support/ui.ts';
import { shownAt } from './support/timing.ts';
import { calibratedCpuSlowdown, MOBILE_PROFILE_BENCHMARK_INDEX, SLOW_4G } from './support/phone-profile.ts';

/**
 * 机关效能制度 in the browser (issue 13, item 8), on the demo organisation — 经济发展局, whose post
 * 重大项目调度岗 has `jfj.4` as A and `staff1` as B, headed by `depthead` — the same journey at
 * 1440×900 and then at 390×844, on one server (a second one would double the run for nothing: each
 * pass starts from A on leave and leaves A on leave):
 *
 * 1. 去向牌: A, on leave, comes in for a meeting — sets 开会 at 三楼会议室, back at 15:00, on
 *    /whereabouts; the department's public door board, open in a second browser with nobody signed
 *    in, shows it without a reload within 2 s.
 * 2. AB岗: A withdraws the leave registered earlier and registers a new one from this morning to
 *    tomorrow; the office creates a task on A's post and assigns it (交办); B finds it under 我的任务
 *    marked 代<A>岗.
 * 3. 亮牌 + 好差评: a citizen on Lighthouse's mobile profile (Slow 4G, the CPU slowed to the phone
 *    Lighthouse's 4× makes of the desktop it is calibrated for: support/phone-profile.ts) opens A's
 *    badge and rates it 1 star with a comment holding markup; the head of 经济发展局 finds the new
 *    差评 rectification on /rectifications, the comment shown as text. The first scan (empty cache)
 *    and a later one (the hashed files cached) are held to 1 s while the machine is not overloaded.
 *    The server puts the badge in the page's HTML
 *    (server/src/modules/badges/badges.page.ts), so it is painted before the ~150 KB of script
 *    arrive. Times are the browser's paint of the name (Element Timing).
 *
 * Screenshots of the steps: test-results/screenshots/office-rules/<size>/NN-<step>.png. The figures
 * measured (door board delay, badge load) go to the test output.
 */
const CLOCK_START = '2026-12-07T09:10:00+08:00'; // a Monday morning clear of holidays
const DEPARTMENT = '经济发展局';
const POST = '重大项目调度岗';
const MEASURE = 'JC12';
const A_USER = 'jfj.4';
const B_USER = 'staff1';
const PLACE = '三楼会议室';
const BACK_AT = '15:00';
const LEAVE_FROM = '2026-12-07 08:30';
const LEAVE_UNTIL = '2026-12-08 18:00';
const TASK_START = '2026-12-07';
const TASK_DUE = '2026-12-25';
const BOARD_BUDGET_MS = 2_000;
const BADGE_BUDGET_MS = 1_000;
/** cold loads tried, the fastest counting: other work on the shared two cores can stall any one of them */
const BADGE_TRIES = 3;

const SIZES: Size[] = [
  { label: '1440x900', ...DESKTOP, phone: false },
  { label: '390x844', ...PHONE, phone: true },
];

type SessionJson = { csrfToken: string; user: { name: string; personId: string | null } };

let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ QINLIAN_CLOCK_START: CLOCK_START });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const size of SIZES) {
  describe(`office rules at ${size.width}×${size.height}: door board live, 代岗 task, badge on a slow phone, 差评 整改 (real server, Chromium)`, () => {
    const j = journeyAt(
      size,
      'office-rules',
      () => browser,
      () => server.url,
      CLOCK_START,
    );
    const contexts: BrowserContext[] = [];
    const title = `E2E代岗事项：重大项目调度周报（${size.label}）`;
    const comment = `<b>态度差</b>，窗口长时间无人应答（${size.label}）`;
    let a: Page;
    let kiosk: Page;
    let office: Page;
    let b: Page;
    let citizen: Page;
    let head: Page;
    let aName = '';
    let aPersonId = '';
    let bName = '';
    let n = 0;

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await j.close();
    });

    function keepEvidence() {
      onTestFailed(async () => {
        await j.failed({ a, kiosk, office, b, citizen, head });
        console.error(server.output().slice(-4000));
      });
    }

    /**
     * The step's screenshot once the page has drawn and fits its window. Not journeyAt's step: its
     * wait for an idle network never ends on a page that keeps a live stream open (去向牌, door board).
     */
    async function step(page: Page, name: string) {
      await page
        .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, { timeout: 10_000, polling: 100 })
        .catch(() => {});
      await page.waitForTimeout(300);
      const overflow = await pageOverflow(page);
      if (overflow > 1)
        expect.fail(
          `${name} at ${size.label}: the page is ${overflow}px wider than the window — ${(await widestElements(page)).join('; ')}`,
        );
      n += 1;
      await page.screenshot({ path: path.join(j.dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    }

    const session = async (page: Page) => (await (await page.request.get('/api/auth/session')).json()) as SessionJson;
    const boardCard = () => kiosk.locator(`[data-testid="door-board-person"][data-person-id="${aPersonId}"]`);

    it('A sets 开会 at 三楼会议室, back at 15:00; the public door board shows it without a reload within 2 s', async () => {
      keepEvidence();
      a = await j.signIn(A_USER);
      ({ name: aName, personId: aPersonId } = (await session(a)).user as { name: string; personId: string });
      expect(aPersonId).toBeTruthy();
      await j.menu(a, 'whereabouts');
      await a.waitForURL((u) => u.pathname === '/whereabouts');
      await a.getByTestId('whereabouts-save').waitFor();

      // 打开门口屏: the console opens the kiosk in a tab of its own and shows the address to copy
      const [tab] = await Promise.all([a.context().waitForEvent('page'), a.getByTestId('whereabouts-door-board').click()]);
      const kioskUrl = (await a.getByTestId('door-board-link-url').innerText()).trim();
      expect(new URL(kioskUrl).pathname).toMatch(/^\/p\/door-boards\/[^/]+$/);
      await tab.close();
      await a.keyboard.press('Escape');
      await a.getByTestId('door-board-link').waitFor({ state: 'hidden' });

      // the screen beside the door: another browser, nobody signed in
      const kioskContext = await newContext(browser, server.url);
      await kioskContext.clock.install({ time: new Date(CLOCK_START) });
      contexts.push(kioskContext);
      kiosk = await kioskContext.newPage();
      await kiosk.setViewportSize({ width: size.width, height: size.height });
      await kiosk.goto(new URL(kioskUrl).pathname);
      await expectText(kiosk.getByTestId('door-board-department'), DEPARTMENT);
      await kiosk.locator('[data-testid="door-board-live"][data-state="live"]').waitFor();
      await expectText(boardCard(), aName);
      // not in a meeting yet: on leave (the demo's of this week, 12月4日–9日, or the one registered at the other size)
      expect(await boardCard().getByTestId('door-board-state').getAttribute('data-state')).not.toBe('meeting');
      await kiosk.evaluate(() => Object.assign(window, { __notReloaded: true }));

      await a.getByTestId('whereabouts-state').click();
      await a.locator('.ant-select-dropdown:visible [data-testid="whereabouts-state-meeting"]').click();
      await fillByTestId(a, 'whereabouts-place', PLACE);
      // the form holds the leave's return on another day: back today, at a time
      await a.getByTestId('whereabouts-return-mode').getByText('今天').click();
      await fillByTestId(a, 'whereabouts-note', '');
      const back = inputByTestId(a, 'whereabouts-return');
      await back.click();
      await back.fill(BACK_AT);
      await back.press('Tab');
      await expect.poll(() => back.inputValue(), { timeout: 5_000 }).toBe(BACK_AT);

      const savedAt = Date.now();
      await a.getByTestId('whereabouts-save').click();
      const state = boardCard().locator('[data-testid="door-board-state"][data-state="meeting"]');
      await state.waitFor({ timeout: 10_000 });
      await boardCard().getByTestId('door-board-return').filter({ hasText: BACK_AT }).waitFor({ timeout: 10_000 });
      const boardDelayMs = Date.now() - savedAt;
      console.log(`[office-rules ${size.label}] door board showed 开会 · ${BACK_AT} ${boardDelayMs} ms after the save was clicked`);
      expect(await state.innerText()).toBe('开会');
      await expectText(boardCard().getByTestId('door-board-return'), `${BACK_AT} 返回`);
      expect(await kiosk.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
      expect(boardDelayMs, 'ms from the save to the door board showing it').toBeLessThan(BOARD_BUDGET_MS);

      await expectText(a.getByTestId('whereabouts-mine-state'), '开会');
      await expectText(a.getByTestId('whereabouts-mine'), PLACE);
      await step(a, 'a-in-meeting');
      await step(kiosk, 'door-board-meeting');
    });

    it('A withdraws the earlier leave and registers 请休假 from this morning: the door board says B acts for A', async () => {
      keepEvidence();
      expect(aPersonId).not.toBe('');
      // the leave registered earlier (if any) is withdrawn (撤销); the meeting set by hand stands
      const earlier = a.locator('[data-testid="absence-row"][data-status="active"]');
      const cancelled = a.locator('[data-testid="absence-row"][data-status="cancelled"]');
      await expect.poll(() => a.getByTestId('absences').locator('.ant-spin-spinning').count()).toBe(0);
      for (let open = await earlier.count(); open > 0; open--) {
        const cancelledBefore = await cancelled.count();
        await earlier.first().locator('[data-testid^="absence-cancel-"]').click();
        await a.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
        await expect.poll(() => cancelled.count()).toBe(cancelledBefore + 1);
      }
      await expect.poll(() => earlier.count()).toBe(0);
      await expectText(a.getByTestId('whereabouts-mine-state'), '开会');

      // …and a new one covering today, from this morning to tomorrow evening
      await a.getByTestId('absence-new').click();
      const drawer = a.locator('.ant-drawer-open');
      await drawer.waitFor();
      await drawer.getByTestId('absence-kind').getByText('请休假').click();
      await typeDate(inputByTestId(a, 'absence-start'), LEAVE_FROM, 'Enter');
      await typeDate(inputByTestId(a, 'absence-end'), LEAVE_UNTIL, 'Enter');
      await fillByTestId(a, 'absence-place', '家中');
      await step(a, 'a-registers-leave');
      await a.getByTestId('absence-save').click();
      await drawer.waitFor({ state: 'detached' });
      // it has begun already: A is on leave now, and the door board says so, and who acts meanwhile
      await a.locator('[data-testid="absence-row"][data-status="active"]', { hasText: '家中' }).waitFor();
      await expectText(a.getByTestId('whereabouts-mine-state'), '请休假');
      await step(a, 'a-on-leave');
      await boardCard().locator('[data-testid="door-board-state"][data-state="leave"]').waitFor({ timeout: 5_000 });
      const acting = boardCard().getByTestId('door-board-acting');
      await acting.waitFor({ timeout: 5_000 });
      bName = (await acting.locator('strong').innerText()).trim();
      expect(bName).not.toBe('');
      await step(kiosk, 'door-board-a-on-leave');
    });

    it('the office assigns a task on A’s post (交办); B, acting for A, sees it under 我的任务 as 代A岗', async () => {
      keepEvidence();
      expect(bName).not.toBe('');
      office = await j.signIn('office');
      await j.menu(office, 'tasks');
      await office.waitForURL((u) => u.pathname === '/tasks');
      await office.getByTestId('task-create-button').click();
      await office.locator('.ant-drawer-open').waitFor();
      await pickInSelect(office, 'task-measure-select', MEASURE, '.ant-select-tree-node-content-wrapper', '重大项目“一周一调度”');
      await fillByTestId(office, 'task-title-input', title);
      await fillByTestId(office, 'task-statement-input', '每周五前报送重大项目调度周报，逐项标注红黄绿灯。');
      await pickDepartment(office, 'task-lead-department-select', DEPARTMENT);
      await pickInSelect(office, 'task-post-select', POST, '.ant-select-item-option', POST);
      const dates = office.locator('input[data-testid="task-dates"]'); // the range's two inputs both carry it
      await typeDate(dates.nth(0), TASK_START, 'Enter');
      await typeDate(dates.nth(1), TASK_DUE, 'Enter');
      await expect.poll(() => dates.nth(0).inputValue()).toBe(TASK_START);
      await office.getByTestId('task-working-days').waitFor();
      await step(office, 'office-creates-task-on-post');
      await office.getByTestId('task-save').click();
      await office.waitForURL((u) => /^\/tasks\/[^/]+$/.test(u.pathname));
      const taskId = office.url().split('/tasks/')[1]!.split(/[?#]/)[0]!;
      const statusIs = (page: Page, status: string) =>
        page
          .locator(`[data-testid="task-header"][data-task-id="${taskId}"] [data-testid="task-status"][data-status="${status}"]`)
          .waitFor();
      await statusIs(office, 'draft');
      await office.getByTestId('task-action-assign').click();
      await office.locator('[data-testid="action-dialog"][data-action="assign"]').waitFor();
      await fillByTestId(office, 'action-comment-input', 'A岗请假期间由B岗代岗办理，按周报送。');
      await office.getByTestId('action-submit').click();
      await office.locator('[data-testid="action-dialog"][data-action="assign"]').waitFor({ state: 'detached' });
      await statusIs(office, 'assigned');
      await expectText(office.getByTestId('task-facts'), POST);
      await expectText(office.getByTestId('task-handler'), bName);
      await expectText(office.getByTestId('task-acting-for'), `代${aName}岗`);
      await step(office, 'office-task-assigned');

      b = await j.signIn(B_USER);
      expect((await session(b)).user.name).toBe(bName);
      await j.menu(b, 'tasks');
      await b.waitForURL((u) => u.pathname === '/tasks');
      await b.getByTestId('task-tab-mine').click();
      await b.locator('[role="tab"][aria-selected="true"]', { has: b.getByTestId('task-tab-mine') }).waitFor();
      await searchByTestId(b, 'task-search', title);
      await b.waitForURL((u) => u.searchParams.get('q') === title);
      const row = b.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`);
      await row.waitFor();
      await expect.poll(() => b.getByTestId('task-row').count()).toBe(1);
      expect(await row.getByTestId('task-acting-for').innerText()).toBe(`代${aName}岗`);
      await step(b, 'b-my-tasks-acting-for');
      await row.getByTestId('task-link').click();
      await statusIs(b, 'assigned');
      await expectText(b.getByTestId('task-handler'), bName);
      expect(await b.getByTestId('task-acting-for').innerText()).toBe(`代${aName}岗`);
      await step(b, 'b-task-acting-for');
    });

    it('a citizen on a slow phone opens A’s badge (load measured) and rates it 1 star; the head finds the 差评 整改, the comment as text', async () => {
      keepEvidence();
      expect(aPersonId).not.toBe('');
      await j.menu(a, 'my-badge');
      await a.waitForURL((u) => u.pathname === '/badges/mine');
      const publicPath = await a.getByTestId('badge-public-link').getAttribute('href');
      expect(publicPath).toMatch(/^\/p\/b\/[^/]+$/);

      // the door board has shown what it must: its live page would share the two cores with the phone
      await kiosk.context().close();
      // the first scan, nothing cached: the badge comes in the page's HTML, before any script
      // (each try a new phone, its cache empty; the fastest counts, as for the later scans below)
      const coldTries: { painted: number; polled: number }[] = [];
      for (let t = 1; t <= BADGE_TRIES; t++) {
        if (t > 1) await citizen.context().close();
        citizen = await slowPhone();
        await citizen.goto(publicPath!, { waitUntil: 'commit' });
        const polled = await shownAt(citizen, '[data-testid="badge-name"]', aName);
        coldTries.push({ painted: (await paintedAt(citizen, 'badge-name')) ?? polled, polled });
        if (coldTries.at(-1)!.painted < BADGE_BUDGET_MS) break;
      }
      const coldMs = Math.min(...coldTries.map((c) => c.painted));
      const coldPolledMs = coldTries.find((c) => c.painted === coldMs)!.polled;
      await citizen.waitForLoadState('load');
      const coldKB = await transferredKB(citizen);
      // the SPA starts from the badge in the page: its answer is not asked for again
      expect(await badgeAnswersFetched(citizen)).toBe(0);
      // a later scan: the hashed files are cached for a year (immutable), the page and its answer are asked again
      const [load] = os.loadavg();
      const holdTime = load! < 3 * os.cpus().length;
      const tries: number[] = [];
      for (let t = 1; t <= BADGE_TRIES; t++) {
        await citizen.goto('/p', { waitUntil: 'load' });
        await citizen.goto(publicPath!, { waitUntil: 'commit' });
        const polled = await shownAt(citizen, '[data-testid="badge-name"]', aName);
        tries.push((await paintedAt(citizen, 'badge-name')) ?? polled);
        if (tries.at(-1)! < BADGE_BUDGET_MS) break;
      }
      const badgeLoadMs = Math.min(...tries);
      const cpu = await calibratedCpuSlowdown(browser);
      console.log(
        `[office-rules ${size.label}] badge page on Slow 4G, CPU ${cpu.rate}× slower (host BenchmarkIndex ${cpu.hostIndex}, ` +
          `the phone's ${MOBILE_PROFILE_BENCHMARK_INDEX}): first scan (empty cache) painted at ${coldMs} ms ` +
          `(seen by the test's polling at ${coldPolledMs} ms; tries: ${coldTries.map((c) => c.painted).join(', ')} ms), ${coldKB} KB; ` +
          `later scan (files cached) ${badgeLoadMs} ms (tries: ${tries.join(', ')} ms); ` +
          (holdTime ? `both held to ${BADGE_BUDGET_MS} ms` : `not held: load average ${load!.toFixed(1)} on ${os.cpus().length} cores`),
      );
      // held only while the shared two cores are not overloaded: then they measure the queue, not the page
      if (holdTime) {
        expect(coldMs, 'ms from the navigation to the badge on the screen, empty cache').toBeLessThan(BADGE_BUDGET_MS);
        expect(badgeLoadMs, 'ms from the navigation to the badge on the screen, files cached').toBeLessThan(BADGE_BUDGET_MS);
      }
      await expectText(citizen.getByTestId('badge-post'), POST);
      await step(citizen, 'citizen-badge');

      await citizen.getByTestId('rate-level-1').click();
      await citizen.getByTestId('rate-bad-note').waitFor();
      await citizen.getByTestId('rate-comment').fill(comment);
      await citizen.getByTestId('rate-submit').click();
      await citizen.getByTestId('rate-thanks').waitFor({ timeout: 20_000 });
      await step(citizen, 'citizen-rated');

      head = await j.signIn('depthead');
      await j.menu(head, 'rectifications');
      await head.waitForURL((u) => u.pathname === '/rectifications');
      const item = head.getByTestId('rectification-row').filter({ hasText: `差评整改：${aName}（非常不满意）` });
      await item.first().waitFor();
      await step(head, 'head-rectifications');
      const links = item.getByTestId('rectification-link');
      // the demo may hold older 差评 of the same person: the new one is the one whose detail holds this comment
      let found = false;
      for (let i = 0; i < (await links.count()) && !found; i++) {
        await links.nth(i).click();
        await head.waitForURL((u) => /^\/rectifications\/[^/]+$/.test(u.pathname));
        const facts = head.getByTestId('rectification-facts');
        await facts.waitFor();
        found = (await facts.innerText()).includes(comment);
        if (!found) await head.goBack();
      }
      expect(found, 'the new 差评 rectification with the citizen’s comment').toBe(true);
      await expectText(head.getByTestId('rectification-title'), `差评整改：${aName}`);
      // inert: the markup is read as the characters typed, no <b> element made of it
      expect(await head.getByTestId('rectification-facts').locator('b').count()).toBe(0);
      await step(head, 'head-rectification-bad-review');
    });

    /** A phone with an empty cache on the slow link, its CPU slowed (Chrome DevTools Protocol). */
    async function slowPhone(): Promise<Page> {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: PHONE,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: (await calibratedCpuSlowdown(browser)).rate });
      return page;
    }
  });
}

/** How many times the page asked the public API for the badge (the SPA should start from the one in its HTML). */
const badgeAnswersFetched = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByType('resource').filter((e) => /\/api\/public\/badges\/[^/]+$/.test(new URL(e.name).pathname)).length,
  );

/**
 * When the browser painted the element marked `elementtiming="<identifier>"` (Element Timing API), in
 * ms since the navigation began; null if it reports none. The polling of shownAt runs on the throttled
 * page's own main thread and sees a paint hundreds of ms late; this is the paint itself.
 */
async function paintedAt(page: Page, identifier: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve) => {
        type ElementTiming = PerformanceEntry & { identifier: string; renderTime: number; loadTime: number };
        new PerformanceObserver((list, observer) => {
          const entry = (list.getEntries() as ElementTiming[]).find((e) => e.identifier === id);
          if (!entry) return;
          observer.disconnect();
          resolve(Math.round(entry.renderTime || entry.loadTime));
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => resolve(null), 2_000);
      }),
    identifier,
  );
}

/** What the page has received over the network so far (compressed as sent), in KB. */
const transferredKB = (page: Page) =>
  page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return Math.round(entries.reduce((n, e) => n + e.transferSize, 0) / 102.4) / 10;
  });
