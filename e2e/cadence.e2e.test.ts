import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { DESKTOP, PHONE } from './support/layout.ts';
import { journeyAt, pickInSelect, typeDate, type Size } from './support/journey.ts';
import { expectText, fillByTestId, inputByTestId, pickDepartment } from './support/ui.ts';
import { confirmPopconfirm } from './support/demands-journey.ts';
import { docxParagraphs, docxTables, zipPart } from './support/docx.ts';

/**
 * 一线工作节奏 in the browser (issue 16, item 9), on the demo data (server/src/seed/cadence-demo.ts:
 * this week's area dispatch sheet drafted as the Monday 08:00 job drafts it; the bulletins use the
 * plan's default settings, 机关代字 赣新勤廉):
 *
 * 1. The office (领导小组办公室, 1440×900) opens 一周一调度 from the menu and this week's drafted sheet:
 *    its items grouped by leader in charge. It records the meeting (date, place, chair, attendance
 *    with one leader absent and why), adds a decision about one of the sheet's tasks with an owner
 *    department and a due date, turns it into a supervised task (转为督办任务) and follows the link
 *    to the task, whose statement names the meeting it came from.
 * 2. It opens 一季一通报, drafts the bulletin of the last ended quarter (2026 Q3; or opens it), reads
 *    the ranking, submits and publishes it (confirmed), and downloads the DOCX: word/document.xml
 *    holds the bulletin's title, the number the page shows (赣新勤廉〔2026〕N号) and, first in 表1,
 *    the department ranked first on the page.
 * 3. The dispatch sheet on a phone (390×844) fits its window, with the meeting just recorded.
 *
 * Screenshots: test-results/screenshots/cadence/<size>/NN-<step>.png.
 */
const CLOCK_START = '2026-12-07T09:10:00+08:00'; // a Monday morning clear of holidays: 2026-W50, in Q4
const TODAY = '2026-12-07';
const PLACE = '管委会三楼第一会议室';
const LEADERS = ['周建华', '李明远', '王志刚', '刘慧敏', '张卫东', '赵雅琴']; // the demo campaign's area leaders (seed/campaign-data.ts)
const CHAIR = LEADERS[0]!; // 党工委书记
const ABSENCE = '赴省参加专题会议';
const DECISION = '限本月底前完成整改并报送整改报告';
const OWNER = '经济发展局';
const DUE = '2026-12-25';

const DESK: Size = { label: '1440x900', ...DESKTOP, phone: false };
const MOBILE: Size = { label: '390x844', ...PHONE, phone: true };

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

describe('一线工作节奏: the office holds the weekly dispatch and publishes the quarterly bulletin (real server, Chromium)', () => {
  const desk = journeyAt(
    DESK,
    'cadence',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  const phone = journeyAt(
    MOBILE,
    'cadence',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  let office: Page;
  let onPhone: Page;
  let sheetTitle = '';

  afterAll(async () => {
    await desk.close();
    await phone.close();
  });
  const keepEvidence = () =>
    onTestFailed(async () => {
      await desk.failed({ office });
      await phone.failed({ onPhone });
      console.error(server.output().slice(-4000));
    });

  it("opens this week's drafted sheet, records the meeting and a decision, and turns the decision into a supervised task", async () => {
    keepEvidence();
    office = await desk.signIn('office');
    await desk.menu(office, 'dispatch');
    await office.waitForURL((u) => u.pathname === '/dispatch');
    const thisWeek = office.getByTestId('dispatch-this-week');
    await expectText(thisWeek, '2026-W50');
    await expectText(thisWeek, '工作调度单');
    await desk.step(office, 'dispatch-list');

    await office.getByTestId('dispatch-open-this-week').click();
    await office.waitForURL((u) => /^\/dispatch\/[^/]+$/.test(u.pathname));
    sheetTitle = (await office.getByTestId('dispatch-title').innerText()).trim();
    expect(sheetTitle).toBe('勤廉新区党工委管委会2026年第50周工作调度单');
    // drafted by the job from the campaign's red and yellow tasks and open instructions, by leader in charge
    const groups = office.getByTestId('dispatch-leader-group');
    await groups.first().getByTestId('dispatch-item').first().waitFor();
    expect(await groups.count()).toBeGreaterThanOrEqual(2);
    const headings = await groups.locator('h5').allInnerTexts();
    expect(headings.filter((h) => LEADERS.some((l) => h.startsWith(l))).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await groups.count()); i++) expect(await groups.nth(i).getByTestId('dispatch-item').count()).toBeGreaterThan(0);
    const taskItem = office.locator('[data-testid="dispatch-item"][data-source="task"]').first();
    const itemTitle = (await taskItem.locator('a').first().innerText()).trim(); // "JC05-01 …": the task's code and title
    const measureCode = itemTitle.slice(0, itemTitle.indexOf('-') + 1);
    expect(measureCode).toMatch(/^[A-Z]+\d+-$/);
    await expectText(office.getByTestId('dispatch-decisions'), '记录会议后');
    await desk.step(office, 'dispatch-sheet');

    // 记录会议: today at the hour, the place, the chair; the leaders in charge are listed, one is away
    await office.getByTestId('dispatch-record-meeting').click();
    const drawer = office.locator('.ant-drawer-open');
    await drawer.waitFor();
    await typeDate(inputByTestId(office, 'dispatch-meeting-date'), TODAY);
    await fillByTestId(office, 'dispatch-meeting-place', PLACE);
    await pickInSelect(office, 'dispatch-meeting-chair', CHAIR, '.ant-select-item-option');
    const rows = drawer.getByTestId('dispatch-attendee-row');
    const attendees = await rows.count();
    expect(attendees).toBeGreaterThanOrEqual(2);
    // the leaders in charge come listed as attending; one of them (not the chair) is away
    const away = rows.filter({ hasNotText: CHAIR }).last();
    const awayName = (await away.locator('.ant-select').first().innerText()).trim();
    expect(awayName).not.toBe('');
    await away.getByText('缺席', { exact: true }).click();
    await fillByTestId(office, 'dispatch-absence-reason', ABSENCE);
    await desk.step(office, 'meeting-form');
    await office.getByTestId('dispatch-meeting-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const meeting = office.getByTestId('dispatch-meeting');
    await expectText(meeting, PLACE);
    await expectText(meeting, TODAY);
    await expectText(meeting, CHAIR);
    await expectText(meeting, `出席 ${attendees - 1} 人，缺席 1 人`);
    await expectText(meeting, ABSENCE);
    const absent = meeting.locator('[data-testid="dispatch-attendee"][data-present="false"]');
    await expect.poll(() => absent.count()).toBe(1);
    await expectText(absent, awayName);

    // 议定事项: about one of the sheet's tasks (its measure carries over), an owner department, a due date
    await office.getByTestId('dispatch-decision-add').click();
    const dialog = office.locator('.ant-modal:visible');
    await dialog.waitFor();
    await fillByTestId(office, 'dispatch-decision-text', DECISION);
    await pickInSelect(office, 'dispatch-decision-item', itemTitle.slice(0, 12), '.ant-select-item-option');
    await pickDepartment(office, 'dispatch-decision-owner', OWNER);
    await typeDate(inputByTestId(office, 'dispatch-decision-due'), DUE);
    await desk.step(office, 'decision-form');
    await office.getByTestId('dispatch-decision-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    const decision = office.getByTestId('dispatch-decision').first();
    await expectText(decision, DECISION);
    await expectText(decision, `责任单位：${OWNER}`);
    await expectText(decision, `完成时限：${DUE}`);
    await expectText(decision, itemTitle);
    await expectText(decision, '未转任务');

    await decision.getByTestId('dispatch-make-task').click();
    const taskLink = decision.getByTestId('dispatch-decision-task');
    await taskLink.waitFor();
    const code = (await taskLink.innerText()).trim();
    expect(code.startsWith(measureCode), `${code} under the measure of ${itemTitle}`).toBe(true); // the item's measure carried over
    await expect.poll(() => decision.getByTestId('dispatch-make-task').count()).toBe(0);
    await desk.step(office, 'decision-task');

    // the task, linked back to the meeting it came from
    await taskLink.click();
    await office.waitForURL((u) => /^\/tasks\/[^/]+$/.test(u.pathname));
    await expectText(office.getByTestId('task-title'), `【调度】${DECISION}`);
    await expectText(office.getByTestId('task-code'), code);
    await expectText(office.getByTestId('task-header'), OWNER);
    const statement = office.getByTestId('task-statement');
    await expectText(statement, DECISION);
    await expectText(statement, `来源：${sheetTitle}`);
    await expectText(statement, `${PLACE}，主持：${CHAIR}）议定事项第 1 项`);
    await desk.step(office, 'task');
  });

  it('drafts the last quarter’s bulletin, publishes it with a number, and downloads the DOCX that names the first-ranked department', async () => {
    keepEvidence();
    await desk.menu(office, 'bulletins');
    await office.waitForURL((u) => u.pathname === '/bulletins');
    const quarter = office.getByTestId('bulletin-last-quarter');
    await expectText(quarter, '2026年第3季度（2026-07-01 至 2026-09-30）');
    await office.locator('[data-testid="bulletin-draft-quarter"], [data-testid="bulletin-open-quarter"]').first().waitFor();
    await desk.step(office, 'bulletins');
    if (await office.getByTestId('bulletin-draft-quarter').count()) await office.getByTestId('bulletin-draft-quarter').click();
    else await office.getByTestId('bulletin-open-quarter').click();
    await office.waitForURL((u) => /^\/bulletins\/[^/]+$/.test(u.pathname));

    const title = (await office.getByTestId('bulletin-title').innerText()).trim();
    expect(title).toContain('2026年第三季度');
    // the ranking: the first row is the best, and is ranked 1
    const first = office.getByTestId('bulletin-ranking-row').first();
    await first.waitFor();
    expect(await office.getByTestId('bulletin-ranking-row').count()).toBeGreaterThanOrEqual(2);
    await first.getByTestId('bulletin-best').waitFor();
    expect((await first.locator('td').first().innerText()).trim()).toMatch(/^1\b/);
    const topDepartment = (await first.locator('td').nth(1).innerText()).trim();
    expect(topDepartment.length).toBeGreaterThan(1);
    await desk.step(office, 'bulletin-draft');

    // 送审, then 发布 (confirmed): the next number of 赣新勤廉's 2026 series
    await office.getByTestId('bulletin-submit').click();
    await confirmPopconfirm(office);
    await office.getByTestId('bulletin-publish').click();
    const publish = office.locator('.ant-modal:visible');
    await publish.waitFor();
    await expectText(publish, '赣新勤廉');
    await office.getByTestId('bulletin-publish-confirm').click();
    await publish.waitFor({ state: 'hidden' });
    const numberShown = office.getByTestId('bulletin-number');
    await numberShown.waitFor();
    const number = (await numberShown.innerText()).trim();
    expect(number).toMatch(/^赣新勤廉〔2026〕[1-9]\d*号$/);
    await expect.poll(() => office.getByTestId('bulletin-publish').count()).toBe(0);
    await desk.step(office, 'bulletin-published');

    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('bulletin-docx').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${number}.*\\.docx$`)); // "文号 标题.docx"
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = zipPart(bytes, 'word/document.xml');
    const text = docxParagraphs(xml);
    expect(text).toContain(number);
    expect(text.join('')).toContain(title);
    // named first in the text, and first in 表1
    const best = text.find((p) => /^（[一二三四五六七八九十]+）表现突出。/.test(p));
    expect(best).toContain(`${topDepartment}综合得分`);
    expect(best).toContain('排名第一');
    const ranking = docxTables(xml).find((rows) => rows[0]?.[0] === '排名' && rows[0]?.[1] === '部门');
    expect(ranking, 'the ranking table (表1)').toBeDefined();
    expect(ranking![1]!.slice(0, 2)).toEqual(['1', topDepartment]);
  });

  it('fits a phone: the dispatch sheet with the meeting just recorded', async () => {
    keepEvidence();
    onPhone = await phone.signIn('office');
    await phone.menu(onPhone, 'dispatch');
    await onPhone.waitForURL((u) => u.pathname === '/dispatch');
    await onPhone.getByTestId('dispatch-open-this-week').waitFor();
    await phone.step(onPhone, 'dispatch-list');

    await onPhone.getByTestId('dispatch-open-this-week').click();
    await onPhone.getByTestId('dispatch-tabs').waitFor();
    await expectText(onPhone.getByTestId('dispatch-title'), sheetTitle);
    await onPhone.getByTestId('dispatch-leader-group').first().getByTestId('dispatch-item').first().waitFor();
    await phone.step(onPhone, 'dispatch-items');

    await onPhone.getByRole('tab', { name: '调度会议' }).click();
    await expectText(onPhone.getByTestId('dispatch-meeting'), PLACE);
    await phone.step(onPhone, 'dispatch-meeting');

    await onPhone.getByRole('tab', { name: '议定事项' }).click();
    await expectText(onPhone.getByTestId('dispatch-decision').first(), DECISION);
    await onPhone.getByTestId('dispatch-decision-task').first().waitFor();
    await phone.step(onPhone, 'dispatch-decisions');
  });
});
