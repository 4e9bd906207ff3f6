import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { DESKTOP, PHONE } from './support/layout.ts';
import { journeyAt, pickInSelect, type Size } from './support/journey.ts';
import { expectText, fillByTestId, pickDepartment } from './support/ui.ts';
import { confirmPopconfirm } from './support/demands-journey.ts';

/**
 * 汇总、分析、论证 in the browser (issue 14, item 5), on the demo data (server/src/seed/
 * demand-analysis-demo.ts: the demo campaign computed, two clusters evaluated, one selected):
 *
 * 1. The office (领导小组办公室, 1440×900) opens 汇总分析 from the menu: the ranked clusters, the word
 *    cloud and the charts; it recomputes.
 * 2. It opens the first cluster nobody has taken up, marks it for evaluation (列入论证), records the
 *    evaluation (估算投资, 可行性, 责任部门) and selects it as a livelihood project under a measure of the
 *    demo plan: the drawer links the new task.
 * 3. The same page on a phone (390×844) fits its window.
 * 4. The public progress page (/p/projects) on a phone shows the new project beside the demo's one.
 *
 * Screenshots: test-results/screenshots/demand-analysis/<size>/NN-<step>.png.
 */
const CLOCK_START = '2026-12-07T09:10:00+08:00'; // a Monday morning clear of holidays
const PROJECT = '开通新城高铁站公交线路';

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

describe('汇总分析与论证: the office evaluates a cluster and selects it as a livelihood project (real server, Chromium)', () => {
  const desk = journeyAt(
    DESK,
    'demand-analysis',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  const phone = journeyAt(
    MOBILE,
    'demand-analysis',
    () => browser,
    () => server.url,
    CLOCK_START,
  );
  let office: Page;
  let onPhone: Page;

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

  it('the office recomputes, marks and evaluates a cluster, and selects it into a supervised task', async () => {
    keepEvidence();
    office = await desk.signIn('office');
    await desk.menu(office, 'demand-analysis');
    await office.waitForURL((u) => u.pathname === '/demands/analysis');
    await office.locator('[data-testid="cluster-row"][data-status="selected"]').waitFor();
    await office.getByTestId('analysis-word').first().waitFor();
    await desk.step(office, 'analysis');

    await office.getByTestId('analysis-recompute').click();
    await office.getByTestId('recompute-ok').click();
    await office.locator('.ant-modal:visible').waitFor({ state: 'hidden' });

    const open = office.locator('[data-testid="cluster-row"][data-status="open"]').first();
    await open.getByTestId('cluster-open').click();
    const drawer = office.getByTestId('cluster-drawer');
    await drawer.getByTestId('cluster-member').first().waitFor();
    await drawer.getByTestId('cluster-mark').click();
    await confirmPopconfirm(office);
    await drawer.getByTestId('cluster-evaluate').click();
    await fillByTestId(office, 'evaluation-cost', '2600000');
    await office.getByTestId('evaluation-feasibility').getByText('高').click();
    await fillByTestId(office, 'evaluation-note', '新开线路两条，公交公司已有车辆储备');
    await pickDepartment(office, 'evaluation-department', '综合行政执法局');
    await office.getByTestId('evaluation-save').click();
    await expectText(drawer.getByTestId('cluster-evaluation'), '260 万元');

    await drawer.getByTestId('cluster-select').click();
    await pickInSelect(office, 'select-project-measure', 'JC08', '.ant-select-tree-node-content-wrapper');
    await fillByTestId(office, 'select-project-title', PROJECT);
    await office.getByTestId('select-project-ok').click();
    await expectText(drawer.getByTestId('cluster-task-link'), '督办任务');
    await expectText(drawer.getByTestId('cluster-status'), '已列为民生实事');
    await desk.step(office, 'cluster-selected');
  });

  it('fits a phone: the analysis, and the public progress page with the new project', async () => {
    keepEvidence();
    onPhone = await phone.signIn('office');
    await onPhone.goto('/demands/analysis');
    await onPhone.getByTestId('cluster-row').first().waitFor();
    await phone.step(onPhone, 'analysis');

    await onPhone.goto('/p/projects');
    await onPhone.getByTestId('public-project').first().waitFor();
    const titles = await onPhone.getByTestId('public-project').allInnerTexts();
    expect(titles.some((t) => t.includes(PROJECT))).toBe(true);
    expect(titles.some((t) => t.includes('新城片区新建一所公办幼儿园'))).toBe(true);
    await phone.step(onPhone, 'public-projects');
  });
});
