import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { DESKTOP, PHONE } from './support/layout.ts';
import { journeyAt, type Size } from './support/journey.ts';
import { expectText, fillByTestId, inputByTestId, searchByTestId } from './support/ui.ts';
import {
  citizenPhone,
  confirmPopconfirm,
  headerStatus,
  openCampaignAndPoster,
  stepDialog,
  submitStep,
  submitThroughPublicApi,
} from './support/demands-journey.ts';

/**
 * 群众诉求 in the browser (issue 14, item 10), on the demo data (server/src/seed/demands-demo.ts:
 * the office's keyword rules, this year's open livelihood-project campaign, 40 submissions):
 *
 * 1. A citizen on a phone (390×844) opens the campaign's QR link — its `publicPath`, read as the
 *    office through GET /api/solicitations, the poster PNG checked too — then reports a broken
 *    street lamp (路灯) on the demand form /p/d/new with a phone number, keeps the tracking code
 *    and opens the tracking page.
 * 2. A neighbour reports the same lamp in nearly the same words (the public API).
 * 3. The office (领导小组办公室, 1440×900) finds the first item by its code in 群众诉求, sees the
 *    neighbour's under 相似诉求, merges that one into it (并单), accepts it (受理) and dispatches it
 *    to the department the routing suggestion names (路灯 → 市政设施 → 建设管理局, preselected).
 * 4. A member of 建设管理局 (`jsglj.2`, a post holder of the demo) finds it under 本部门, takes it
 *    (签收) and replies (答复) — to both submitters, the dialog says.
 * 5. The citizen reloads the tracking page: the reply and the unit, rated 4 (满意) with a comment;
 *    the page thanks them. The neighbour's tracking page shows the same reply.
 *
 * Run once, not per size: the public's pages at the phone's size, the console at the desktop's.
 * Screenshots: test-results/screenshots/demands/<size>/NN-<step>.png, each page checked to fit its
 * window (the phone's pages never scroll sideways).
 */
const CLOCK_START = '2026-12-07T09:10:00+08:00'; // a Monday morning clear of holidays
const DEPARTMENT = '建设管理局';
const CATEGORY = '市政设施';
const DEPARTMENT_USER = 'jsglj.2';
const PHONE_NUMBER = '13912345678';
const MASKED_PHONE = '139****5678';
const FIRST = {
  title: '小区门口路灯坏了',
  body: '翠苑小区南门口的两盏路灯坏了一个多星期，晚上门口漆黑一片，进出很不安全，请尽快修好。',
  address: '翠苑小区南门',
};
const SECOND = {
  title: '翠苑小区南门口路灯坏了',
  body: '翠苑小区南门口的路灯坏了一个多星期了，晚上漆黑一片，进出不安全，请尽快维修。',
};
const REPLY = '已安排市政养护人员到翠苑小区南门口现场检修，两盏路灯已更换灯具恢复照明，感谢您的反映。';
const RATING_COMMENT = '修得很快，晚上回家亮堂多了。';

const DESK: Size = { label: '1440x900', ...DESKTOP, phone: false };
const MOBILE: Size = { label: '390x844', ...PHONE, phone: true };

type SessionJson = { user: { departmentName: string | null } };

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

describe('群众诉求: a citizen’s phone report, merged, dispatched, answered and rated (real server, Chromium)', () => {
  const desk = journeyAt(
    DESK,
    'demands',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  const phone = journeyAt(
    MOBILE,
    'demands',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  let citizen: Page;
  let neighbour: Page;
  let office: Page;
  let handler: Page;
  let code = '';
  let displayCode = '';
  let neighbourCode = '';
  let neighbourDisplayCode = '';

  afterAll(async () => {
    for (const p of [citizen, neighbour]) await p?.context().close();
    await desk.close();
  });

  /**
   * The step's screenshot from the top of the page: a full-page shot of a page scrolled down draws
   * its sticky header part-way down the picture.
   */
  async function step(j: typeof desk, page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await j.step(page, name);
  }

  function keepEvidence() {
    onTestFailed(async () => {
      await desk.failed({ office, handler });
      await phone.failed({ citizen, neighbour });
      console.error(server.output().slice(-4000));
    });
  }

  it('a citizen opens the campaign’s QR link on a phone, reports a broken street lamp on the demand form and follows it by its code', async () => {
    keepEvidence();
    office = await desk.signIn('office');
    const campaign = await openCampaignAndPoster(office);

    citizen = await citizenPhone(browser, server.url, CLOCK_START);
    await citizen.goto(campaign.publicPath);
    await expectText(citizen.getByTestId('solicitation-title'), campaign.title);
    await citizen.getByTestId('demand-categories').waitFor();
    await step(phone, citizen, 'campaign-page');

    // a demand rather than a suggestion: the form for 急难愁盼 (我要反映)
    await citizen.goto('/p/d/new');
    await citizen.getByTestId('demand-form').waitFor();
    await fillByTestId(citizen, 'demand-title', FIRST.title);
    await fillByTestId(citizen, 'demand-body', FIRST.body);
    await fillByTestId(citizen, 'demand-address', FIRST.address);
    await fillByTestId(citizen, 'demand-phone', PHONE_NUMBER);
    await expectText(citizen.getByTestId('demand-body-count'), `${FIRST.body.length} / 2000`);
    await step(phone, citizen, 'demand-form-filled');
    await citizen.getByTestId('demand-submit').click();

    const receipt = citizen.getByTestId('demand-receipt-code');
    await receipt.waitFor();
    code = (await receipt.getAttribute('data-code'))!;
    displayCode = (await receipt.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{13}$/);
    expect(displayCode.replace(/-/g, '')).toBe(code);
    await expectText(citizen.getByTestId('demand-receipt'), '提交成功');
    await step(phone, citizen, 'receipt-with-code');

    await citizen.getByTestId('demand-receipt-track').click();
    await citizen.waitForURL((u) => u.pathname === `/p/d/${code}`);
    await citizen.locator('[data-testid="demand-status"][data-status="received"]').waitFor();
    await expectText(citizen.getByTestId('public-demand'), FIRST.title);
    await expectText(citizen.getByTestId('public-demand'), displayCode);
    await citizen.getByTestId('demand-rate-later').waitFor();
    // the public page never shows the submitter's personal data
    expect(await citizen.locator('body').innerText()).not.toContain(PHONE_NUMBER);
    await step(phone, citizen, 'tracking-received');
  });

  it('a neighbour reports the same lamp in nearly the same words', async () => {
    keepEvidence();
    expect(code).not.toBe('');
    neighbour = await citizenPhone(browser, server.url, CLOCK_START);
    const receipt = await submitThroughPublicApi(neighbour, { kind: 'demand', ...SECOND, phone: '13700001111' });
    expect(receipt.status).toBe('received');
    neighbourCode = receipt.code;
    neighbourDisplayCode = receipt.displayCode;
    expect(neighbourCode).not.toBe(code);
  });

  it('the office finds it by its code, merges the similar one into it (并单), accepts it and dispatches it to the suggested department', async () => {
    keepEvidence();
    expect(neighbourCode).not.toBe('');
    await desk.menu(office, 'demands');
    await office.waitForURL((u) => u.pathname === '/demands');
    await searchByTestId(office, 'demand-search', displayCode);
    await office.waitForURL((u) => u.searchParams.get('q') === displayCode);
    const row = office.locator('[data-testid="demand-row"][data-status="received"]', { hasText: FIRST.title });
    await row.waitFor();
    await expect.poll(() => office.getByTestId('demand-row').count()).toBe(1);
    // lists mask the contact: the full number only on a recorded click of the handling clerk
    const rowText = await row.innerText();
    expect(rowText).toContain(MASKED_PHONE);
    expect(rowText).not.toContain(PHONE_NUMBER);
    await step(desk, office, 'office-finds-by-code');

    await row.getByTestId('demand-link').click();
    await office.waitForURL((u) => /^\/demands\/[^/]+$/.test(u.pathname));
    const firstPath = new URL(office.url()).pathname;
    await expectText(office.getByTestId('demand-code'), displayCode);
    await headerStatus(office, 'received');
    await expectText(office.getByTestId('demand-suggested-category'), CATEGORY);
    await expectText(office.getByTestId('demand-suggested-department'), DEPARTMENT);
    const similar = office.getByTestId('demand-similar-item').filter({ hasText: neighbourDisplayCode });
    await similar.waitFor();
    await expectText(similar, SECOND.title);
    await step(desk, office, 'office-similar-offered');

    // 并单 moves the chosen item into another: the neighbour's joins the citizen's, from its own page
    await similar.getByRole('link', { name: SECOND.title }).click();
    await office.waitForURL((u) => u.pathname !== firstPath && /^\/demands\/[^/]+$/.test(u.pathname));
    await expectText(office.getByTestId('demand-code'), neighbourDisplayCode);
    const back = office.getByTestId('demand-similar-item').filter({ hasText: displayCode });
    await back.getByTestId('demand-merge').click();
    await expectText(office.locator('.ant-popconfirm:visible'), `将本件并入 ${displayCode}？`);
    await confirmPopconfirm(office);
    await office.getByTestId('demand-merged-into').waitFor();
    await expectText(office.getByTestId('demand-merge-card'), '本件已并入另一件诉求');
    await step(desk, office, 'office-merged-away');

    await office.getByTestId('demand-merged-into').click();
    await office.waitForURL((u) => u.pathname === firstPath);
    await expectText(office.getByTestId('demand-merged-item'), neighbourDisplayCode);
    await expectText(office.getByTestId('demand-header').getByTestId('demand-merged-count'), '已并入 1 件');
    await expect.poll(() => office.getByTestId('demand-similar-item').filter({ hasText: neighbourDisplayCode }).count()).toBe(0);

    // 受理: the suggested category filled in
    const accept = await stepDialog(office, () => office.getByTestId('demand-accept').click());
    await expect.poll(() => inputByTestId(office, 'demand-step-category').inputValue()).toBe(CATEGORY);
    await expectText(accept.locator('.ant-modal-title'), `受理 · ${displayCode}`);
    await submitStep(office);
    await headerStatus(office, 'accepted');

    // 派单: the routing suggestion's department preselected
    await expectText(office.getByTestId('demand-dispatch-suggested'), `按建议派给 ${DEPARTMENT}`);
    const dispatch = await stepDialog(office, () => office.getByTestId('demand-dispatch-suggested').click());
    await expectText(dispatch.locator('[data-testid="demand-step-department"]'), DEPARTMENT);
    await expectText(dispatch, `系统建议：${DEPARTMENT}`);
    await step(desk, office, 'office-dispatch-preselected');
    await submitStep(office);
    await headerStatus(office, 'dispatched');
    await expectText(office.getByTestId('demand-suggested-department'), '已采纳');
    await expectText(office.getByTestId('demand-facts'), DEPARTMENT);
    await step(desk, office, 'office-dispatched');
  });

  it(`${DEPARTMENT}'s member finds it under 本部门, takes it (签收) and replies (答复) to both submitters`, async () => {
    keepEvidence();
    handler = await desk.signIn(DEPARTMENT_USER);
    const session = (await (await handler.request.get('/api/auth/session')).json()) as SessionJson;
    expect(session.user.departmentName, `${DEPARTMENT_USER} works in the department the item went to`).toBe(DEPARTMENT);
    await desk.menu(handler, 'demands');
    await handler.waitForURL((u) => u.pathname === '/demands');
    await searchByTestId(handler, 'demand-search', displayCode);
    await handler.waitForURL((u) => u.searchParams.get('q') === displayCode);
    const row = handler.locator('[data-testid="demand-row"][data-status="dispatched"]', { hasText: FIRST.title });
    await row.waitFor();
    await step(desk, handler, 'department-list');
    await row.getByTestId('demand-link').click();
    await handler.waitForURL((u) => /^\/demands\/[^/]+$/.test(u.pathname));
    await headerStatus(handler, 'dispatched');

    await handler.getByTestId('demand-take').click();
    await expectText(handler.locator('.ant-popconfirm:visible'), '确定签收');
    await confirmPopconfirm(handler);
    await headerStatus(handler, 'handling');

    const reply = await stepDialog(handler, () => handler.getByTestId('demand-reply').click());
    await expectText(reply, '本件已并单，答复将同时送达 2 位提交人');
    await fillByTestId(handler, 'demand-step-reply', REPLY);
    await step(desk, handler, 'department-replies');
    await submitStep(handler);
    await headerStatus(handler, 'replied');
    await expectText(handler.getByTestId('demand-reply-text'), REPLY);
    await step(desk, handler, 'department-replied');
  });

  it('the citizen sees the reply and the unit, rates it 4 (满意) and is thanked; the merged neighbour sees the same reply', async () => {
    keepEvidence();
    await citizen.reload();
    await citizen.locator('[data-testid="demand-status"][data-status="replied"]').waitFor();
    await expectText(citizen.getByTestId('demand-department'), DEPARTMENT);
    await expectText(citizen.getByTestId('demand-reply'), REPLY);
    await citizen.locator('[data-testid="demand-stage"][data-stage="replied"][data-state="done"]').waitFor();
    await citizen.getByTestId('demand-rate-form').waitFor();
    await step(phone, citizen, 'tracking-replied');

    await citizen.getByTestId('demand-rate-4').click();
    await citizen.locator('[data-testid="demand-rate-4"].chosen').waitFor();
    await fillByTestId(citizen, 'demand-rate-comment', RATING_COMMENT);
    await citizen.getByTestId('demand-rate-submit').click();
    await expectText(citizen.getByTestId('demand-rated-thanks'), '感谢您的评价');
    await expectText(citizen.getByTestId('demand-rating'), '满意');
    expect(await citizen.getByTestId('demand-rate-form').count()).toBe(0);
    await step(phone, citizen, 'tracking-rated');
    // …and the department reads the rating with its comment on the item
    await handler.reload();
    await expectText(handler.getByTestId('demand-rating'), `满意：${RATING_COMMENT}`);

    await neighbour.goto(`/p/d/${neighbourCode}`);
    await neighbour.locator('[data-testid="demand-status"][data-status="replied"]').waitFor();
    await expectText(neighbour.getByTestId('public-demand'), SECOND.title);
    await expectText(neighbour.getByTestId('demand-department'), DEPARTMENT);
    await expectText(neighbour.getByTestId('demand-reply'), REPLY);
    await step(phone, neighbour, 'neighbour-tracking-replied');
  });
});
