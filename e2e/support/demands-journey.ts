import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE } from './layout.ts';

/**
 * Pieces of the 群众诉求 journey (e2e/demands.e2e.test.ts): a citizen's phone, the QR poster's
 * campaign as the office reads it, a submission through the public API, and the console's confirms.
 */

/** What the journey reads of the API's answers (contracts/src/demands.ts; the e2e package stands apart from it). */
type Campaign = { id: string; title: string; open: boolean; publicPath: string };
type Receipt = { code: string; displayCode: string; status: string };
type Submission = { kind: 'demand' | 'suggestion'; title: string; body: string; phone?: string; address?: string };

/** A phone with nobody signed in (390×844, touch), its clock where the server's started. */
export async function citizenPhone(browser: Browser, baseURL: string, clockAt: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(15_000);
  await context.clock.install({ time: new Date(clockAt) });
  return context.newPage();
}

/**
 * The campaign open now, read through the console's API as the office sees it, and its QR poster
 * (GET /api/solicitations/:id/poster.png) checked to answer a PNG: the poster encodes `publicPath`.
 */
export async function openCampaignAndPoster(office: Page): Promise<Campaign> {
  const list = await office.request.get('/api/solicitations');
  expect(list.status()).toBe(200);
  const campaign = ((await list.json()) as { items: Campaign[] }).items.find((s) => s.open);
  expect(campaign, 'the demo’s open solicitation campaign').toBeDefined();
  expect(campaign!.publicPath).toMatch(/^\/p\/s\/[^/]+$/);
  const poster = await office.request.get(`/api/solicitations/${campaign!.id}/poster.png`);
  expect(poster.status()).toBe(200);
  expect(poster.headers()['content-type']).toBe('image/png');
  const png = await poster.body();
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.length).toBeGreaterThan(10_000);
  return campaign!;
}

/** A submission as the public web shell sends it (its own device id), answered with the tracking code. */
export async function submitThroughPublicApi(page: Page, body: Submission): Promise<Receipt> {
  const res = await page.request.post('/api/public/demands', {
    data: body,
    headers: { 'x-device-id': randomUUID() },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Receipt;
}

/** Waits until the open item's header (诉求详情) shows this status. */
export const headerStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="demand-header"] [data-testid="demand-status"][data-status="${status}"]`).waitFor();

/** Clicks the confirming button of the popconfirm open now (签收, 并单) and waits for it to close. */
export async function confirmPopconfirm(page: Page) {
  const pop = page.locator('.ant-popconfirm:visible');
  await pop.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
  await pop.waitFor({ state: 'hidden' });
}

/** Opens the step's dialog (受理, 派单, 答复) with `open`, and returns the dialog once it is shown. */
export async function stepDialog(page: Page, open: () => Promise<void>) {
  await open();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.waitFor();
  return dialog;
}

/** Clicks the dialog's OK (demand-step-ok) and waits until the dialog has gone. */
export async function submitStep(page: Page) {
  await page.getByTestId('demand-step-ok').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
}
