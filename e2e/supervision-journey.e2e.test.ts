import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser, newContext, screenshots } from './support/browser.ts';
import { pdf, png } from './support/files.ts';
import { pickInSelect } from './support/journey.ts';
import { expectText, fillByTestId, searchByTestId, inputByTestId, pickDepartment, settle } from './support/ui.ts';

/**
 * 督查督办 in the browser (issue 3, point 11): the office (account `office`) creates a task for
 * 经济发展局 and assigns it; the department (account `staff1`, 经济发展局科员, in a second browser
 * context) accepts it, reports progress with a file and requests close-out; the office returns it
 * once; the department's second request without new evidence is refused, with new evidence it goes
 * through; the office closes it (已销号). Then a second task due in 3 working days: the server is
 * stopped and started again on the same data with its clock (QINLIAN_CLOCK_START) five weeks on,
 * and the task shows red on the list, its page and the board — time injected, not waited for.
 *
 * Both servers run on a fixed clock, and each browser context's clock starts at the same instant,
 * so the seed, the working-day arithmetic and the console's own "today" agree on every run.
 */
const DEMO_PASSWORD = 'Demo@2026';
/** a Monday morning well clear of public holidays; the later one is five weeks on */
const CLOCK_START = '2026-06-01T09:10:00+08:00';
const CLOCK_LATER = '2026-07-06T09:10:00+08:00';
const DEPARTMENT = '经济发展局';
const POST = '重大项目调度岗';
const MEASURE = 'JC12';
/** 时间表: a milestone the office sets and the department marks done */
const MILESTONE = '完成首轮调度';
const MILESTONE_DUE = '2026-06-12';

type Upload = { name: string; mimeType: string; buffer: Buffer };
type TaskJson = {
  id: string;
  version: number;
  status: string;
  warning: string;
  measureId: string;
  leadDepartmentId: string;
  dueDate: string;
};

describe('supervision: assign, accept, report, close-out, return, close — and red when overdue (real server, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const suffix = Date.now().toString(36).slice(-5);
  const title = `E2E督办事项：重大项目周调度台账${suffix}`;
  const overdueTitle = `E2E临期事项：项目入库材料报送${suffix}`;
  let office: Page;
  let department: Page;
  let taskId = '';

  /** Screenshots of a test, and on failure the server's output next to them. */
  function shotsOf(journey: string, page: Page) {
    const shots = screenshots(journey, page);
    onTestFailed(() => fs.writeFileSync(path.join(shots.dir, 'server-output.log'), server?.output() ?? ''));
    return shots;
  }

  /** A signed-out page in a fresh profile whose clock starts where the server's did. */
  const openPage = async (clockAt: string): Promise<Page> => {
    const context = await newContext(browser, server.url);
    await context.clock.install({ time: new Date(clockAt) });
    contexts.push(context);
    return context.newPage();
  };

  async function signIn(page: Page, username: string) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
  }

  /** 任务清单 from the menu, on a tab, searched for `text`; resolves with the row of task `id`. */
  async function findInList(page: Page, id: string, text: string, tab?: string) {
    await page.getByTestId('menu-tasks').click();
    await page.waitForURL((u) => u.pathname === '/tasks');
    if (tab) {
      await page.getByTestId(`task-tab-${tab}`).click();
      // Wait for the tab to be *rendered* active, not only for the URL: react-router updates the URL
      // at once but renders the new location in a transition, and a search typed before that render
      // patches the old params (useListParams.patch: setParams(prev => …)) and drops the tab.
      await page.locator('[role="tab"][aria-selected="true"]', { has: page.getByTestId(`task-tab-${tab}`) }).waitFor();
      await page.waitForURL((u) => u.searchParams.get('tab') === tab);
    }
    await searchByTestId(page, 'task-search', text);
    await page.waitForURL((u) => u.searchParams.get('q') === text && (!tab || u.searchParams.get('tab') === tab));
    const row = page.locator(`[data-testid="task-row"][data-task-id="${id}"]`);
    await row.waitFor();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    return row;
  }

  async function openFromRow(page: Page, id: string, row: Awaited<ReturnType<typeof findInList>>) {
    await row.getByTestId('task-link').click();
    await page.waitForURL((u) => u.pathname === `/tasks/${id}`);
    await header(page).waitFor();
  }

  const header = (page: Page) => page.locator(`[data-testid="task-header"][data-task-id="${taskId}"]`);
  const statusIs = (page: Page, status: string) =>
    page.locator(`[data-testid="task-header"] [data-testid="task-status"][data-status="${status}"]`).waitFor();

  /** Opens the dialog of one action and fills it; the caller submits (and, for a refusal, looks at it first). */
  async function openAction(page: Page, action: string, fill: { comment?: string; percent?: number; files?: Upload[] } = {}) {
    await page.getByTestId(`task-action-${action}`).click();
    const dialog = page.locator(`[data-testid="action-dialog"][data-action="${action}"]`);
    await dialog.waitFor();
    if (fill.comment) await fillByTestId(page, 'action-comment-input', fill.comment);
    if (fill.percent !== undefined) {
      await fillByTestId(page, 'action-percent-input', String(fill.percent));
      await inputByTestId(page, 'action-percent-input').blur();
    }
    for (const file of fill.files ?? []) await attach(page, file);
    return dialog;
  }

  /** 佐证材料: the hidden file input uploads at once; the row appears when POST /api/files answered. */
  async function attach(page: Page, file: Upload) {
    await page.getByTestId('action-file-input').setInputFiles(file);
    await page.getByTestId('action-file-list').locator('.evidence-row', { hasText: file.name }).waitFor();
    await expect.poll(() => page.getByTestId('action-submit').isEnabled()).toBe(true);
  }

  async function submit(page: Page, action: string, next: string) {
    await page.getByTestId('action-submit').click();
    await page.locator(`[data-testid="action-dialog"][data-action="${action}"]`).waitFor({ state: 'detached' });
    await statusIs(page, next);
  }

  /** The console's own API calls, from the signed-in page (its cookie, its CSRF token). */
  async function api<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    server = await startServer({ QINLIAN_CLOCK_START: CLOCK_START });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('the office creates a task for 经济发展局 in the console and assigns it', async () => {
    office = await openPage(CLOCK_START);
    const shots = shotsOf('supervision-assign', office);
    await office.goto('/login');
    await office.getByTestId('login-username').waitFor();
    await shots.take('login');
    await signIn(office, 'office');
    await settle(office);
    await shots.take('office-dashboard');

    await office.getByTestId('menu-tasks').click();
    await office.waitForURL((u) => u.pathname === '/tasks');
    await office.getByTestId('task-row').first().waitFor();
    await settle(office);
    await shots.take('office-task-list');

    await office.getByTestId('task-create-button').click();
    const drawer = office.locator('.ant-drawer-open');
    await drawer.waitFor();
    await pickInSelect(office, 'task-measure-select', MEASURE, '.ant-select-tree-node-content-wrapper', '重大项目“一周一调度”');
    await fillByTestId(office, 'task-title-input', title);
    await fillByTestId(office, 'task-statement-input', '建立重大项目周调度台账，逐项明确责任人和节点，每周五前报送调度情况。');
    await fillByTestId(office, 'task-deliverables-input', '周调度台账、调度会议纪要');
    await pickDepartment(office, 'task-lead-department-select', DEPARTMENT);
    // 责任岗位: the lead department's posts, shown with their A and B holders
    await pickInSelect(office, 'task-post-select', POST, '.ant-select-item-option', POST);
    await office.getByTestId('task-milestone-add').click();
    await fillByTestId(office, 'task-milestone-name-0', MILESTONE);
    await fillByTestId(office, 'task-milestone-date-0', MILESTONE_DUE); // a typed valid date is taken at once
    await office.keyboard.press('Tab');
    // the default range is today (the injected clock) to a month on, counted by the server's calendar
    await office.getByTestId('task-working-days').waitFor();
    await settle(office);
    await shots.take('office-create-drawer');
    await office.getByTestId('task-save').click();
    await office.waitForURL((u) => /^\/tasks\/[^/]+$/.test(u.pathname));
    taskId = office.url().split('/tasks/')[1]!.split(/[?#]/)[0]!;
    await header(office).waitFor();
    await statusIs(office, 'draft');
    await expectText(office.getByTestId('task-title'), title);
    await expectText(office.getByTestId('task-facts'), DEPARTMENT);
    await expectText(office.getByTestId('task-facts'), POST);
    await expectText(office.locator('[data-testid="task-milestone"][data-state="open"]'), MILESTONE_DUE);
    await settle(office);
    await shots.take('office-task-draft');

    await openAction(office, 'assign', { comment: '请经济发展局牵头落实，按周报送调度情况。' });
    await submit(office, 'assign', 'assigned');
    await expect(office.getByTestId('task-status').innerText()).resolves.toBe('已交办');
    await office.locator('[data-testid="task-event"][data-kind="assign"]').waitFor();
    await settle(office);
    await shots.take('office-task-assigned');
  });

  it('the department accepts it, reports progress with a file and requests close-out', async () => {
    expect(taskId).not.toBe('');
    department = await openPage(CLOCK_START);
    const shots = shotsOf('supervision-department', department);
    await signIn(department, 'staff1');
    await settle(department);
    await shots.take('staff1-dashboard');

    // staff1 is not the post's handler, but 经济发展局 is their department: 本部门
    const row = await findInList(department, taskId, title, 'dept');
    expect(await row.getByTestId('task-status').getAttribute('data-status')).toBe('assigned');
    await settle(department);
    await shots.take('staff1-department-list');
    await openFromRow(department, taskId, row);
    await settle(department);
    await shots.take('staff1-task-assigned');

    await openAction(department, 'accept', { comment: '已签收，马上组织落实。' });
    await submit(department, 'accept', 'accepted');

    const report: Upload = {
      name: `重大项目调度情况-第1周-${suffix}.pdf`,
      mimeType: 'application/pdf',
      buffer: pdf('Qinlian e2e: weekly project scheduling report, week 1'),
    };
    await openAction(department, 'report', {
      comment: '已建立台账，完成首轮调度，12 个项目均已明确责任人。',
      percent: 40,
      files: [report],
    });
    await settle(department);
    await shots.take('staff1-report-dialog');
    await submit(department, 'report', 'in_progress');
    await expect.poll(() => department.getByTestId('task-progress').innerText()).toBe('40%');
    await department.getByTestId('task-evidence-link').filter({ hasText: report.name }).waitFor();
    await settle(department);
    await shots.take('staff1-task-reported');

    // 时间节点完成: marked on the task page's timetable, recorded on its history
    await department.getByTestId('task-timetable').getByTestId('milestone-complete').click();
    await expectText(department.locator('[data-testid="task-milestone"][data-state="done"]'), '标记完成');
    await expectText(department.locator('[data-testid="task-event"][data-kind="milestone_done"]'), MILESTONE);
    await settle(department);
    await shots.take('staff1-milestone-done');

    // the file reported this round is the evidence; no new one is needed yet
    await openAction(department, 'request_close', { comment: '台账已建立并运行，申请销号。' });
    await submit(department, 'request_close', 'close_requested');
    await expect(department.getByTestId('task-status').innerText()).resolves.toBe('申请销号');
    await settle(department);
    await shots.take('staff1-close-requested');
  });

  it('the office returns it once; the department needs new evidence to ask again; the office closes it (已销号)', async () => {
    expect(taskId).not.toBe('');
    const shots = shotsOf('supervision-return-close', office);
    // two people on one test: when it fails, keep how the other one's page looked as well
    onTestFailed(async () => {
      for (const [who, page] of [
        ['office', office],
        ['staff1', department],
      ] as const) {
        await page.screenshot({ path: path.join(shots.dir, `failed-${who}.png`), fullPage: true }).catch(() => {});
      }
    });
    const row = await findInList(office, taskId, title);
    expect(await row.getByTestId('task-status').getAttribute('data-status')).toBe('close_requested');
    await settle(office);
    await shots.take('office-list-close-requested');
    await openFromRow(office, taskId, row);
    // The office had this task open before the department's steps, and the console keeps a task
    // fresh for 30 s (web/src/app/queryClient.ts staleTime; useTask does not override it): within
    // that window the page shows the cached 已交办 although the list just said 申请销号. Reload.
    await office.reload();
    await statusIs(office, 'close_requested');
    await settle(office);
    await shots.take('office-task-close-requested');

    const reason = '佐证材料缺少调度会议纪要，请补充后重新申请。';
    await openAction(office, 'return', { comment: reason });
    await submit(office, 'return', 'in_progress');
    await expectText(office.locator('[data-testid="task-event"][data-kind="return"]'), reason);
    await settle(office);
    await shots.take('office-task-returned');

    await department.reload();
    await statusIs(department, 'in_progress');
    await expectText(department.locator('[data-testid="task-event"][data-kind="return"]'), reason);
    await settle(department);
    await shots.take('staff1-task-returned', department);

    // the same request as before, without a new file: refused, the return asks for new proof
    await openAction(department, 'request_close', { comment: '已按要求整改，再次申请销号。' });
    await department.getByTestId('action-submit').click();
    await expectText(department.getByTestId('action-dialog'), '申请销号须附佐证材料');
    await statusIs(department, 'in_progress');
    await settle(department);
    await shots.take('staff1-close-refused-without-evidence', department);

    const minutes: Upload = { name: `调度会议纪要-${suffix}.png`, mimeType: 'image/png', buffer: png(48, 32) };
    await attach(department, minutes);
    await settle(department);
    await shots.take('staff1-close-with-new-evidence', department);
    await submit(department, 'request_close', 'close_requested');
    await department.getByTestId('task-evidence-link').filter({ hasText: minutes.name }).waitFor();
    await settle(department);
    await shots.take('staff1-close-requested-again', department);

    await office.reload();
    await statusIs(office, 'close_requested');
    await openAction(office, 'close', { comment: '台账和会议纪要齐全，同意销号。' });
    await submit(office, 'close', 'closed');
    await expect(office.getByTestId('task-status').innerText()).resolves.toBe('已销号');
    await expect(office.getByTestId('task-progress').innerText()).resolves.toBe('100%');
    // closed in time: the page says 按期办结 where an open task shows its warning colour
    await expect(office.getByTestId('task-closed-late').getAttribute('data-days')).resolves.toBe('0');
    await expect(office.getByTestId('task-actions').getByTestId('task-action-reopen').isVisible()).resolves.toBe(true);
    const kinds = await office.getByTestId('task-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    // newest first: close, request_close, return, request_close, milestone_done, report, accept, assign, create
    expect(kinds.filter((k) => k !== 'warning' && k !== 'urge')).toEqual([
      'close',
      'request_close',
      'return',
      'request_close',
      'milestone_done',
      'report',
      'accept',
      'assign',
      'create',
    ]);
    await settle(office);
    await shots.take('office-task-closed');

    await department.reload();
    await statusIs(department, 'closed');
    await expect(department.getByTestId('task-status').innerText()).resolves.toBe('已销号');
    await expect(department.getByTestId('task-actions').locator('button').count()).resolves.toBe(0);
    await settle(department);
    await shots.take('staff1-task-closed', department);
  });

  it("a task due in 3 working days shows red once the server's clock has passed its deadline", async () => {
    expect(taskId).not.toBe('');
    const shots = shotsOf('supervision-overdue-red', office);

    // a second task for the same department, tagged for the board, due in 3 working days of the server's calendar
    const first = await api<TaskJson>(office, 'GET', `/api/tasks/${taskId}`);
    const start = CLOCK_START.slice(0, 10);
    const { date: due } = await api<{ date: string }>(office, 'GET', `/api/calendar/deadline?start=${start}&workingDays=3`);
    const created = await api<TaskJson>(office, 'POST', '/api/tasks', {
      measureId: first.measureId,
      title: overdueTitle,
      statement: '三个工作日内报送重大项目入库材料。',
      leadDepartmentId: first.leadDepartmentId,
      startDate: start,
      dueDate: due,
      tagged: true,
    });
    const assigned = await api<TaskJson>(office, 'POST', `/api/tasks/${created.id}/transition`, {
      action: 'assign',
      version: created.version,
    });
    expect(assigned.status).toBe('assigned');
    expect(assigned.warning).not.toBe('red');
    taskId = created.id;

    const before = await findInList(office, taskId, overdueTitle);
    expect(await before.getAttribute('data-warning')).not.toBe('red');
    expect(await before.getByTestId('task-warning').getAttribute('data-warning')).not.toBe('red');
    await settle(office);
    await shots.take('office-list-before-deadline');

    // the same data, five weeks later by the server's clock
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startServer({ QINLIAN_CLOCK_START: CLOCK_LATER }, { dataDir });
    const later = await openPage(CLOCK_LATER);
    await signIn(later, 'office');
    await settle(later);
    await shots.take('office-dashboard-later', later);

    const row = await findInList(later, taskId, overdueTitle, 'overdue');
    expect(await row.getAttribute('data-warning')).toBe('red');
    expect(await row.getByTestId('task-warning').getAttribute('data-warning')).toBe('red');
    await expectText(row.getByTestId('task-warning'), '红色预警');
    await expectText(row.getByTestId('task-days-left'), '逾期');
    await settle(later);
    await shots.take('office-overdue-list-red', later);

    await openFromRow(later, taskId, row);
    await expect(header(later).getByTestId('task-warning').getAttribute('data-warning')).resolves.toBe('red');
    await expectText(header(later).getByTestId('task-warning'), '红色预警');
    await expectText(header(later).getByTestId('task-days-left'), '逾期');
    await settle(later);
    await shots.take('office-task-red', later);

    await later.getByTestId('menu-board').click();
    await later.waitForURL((u) => u.pathname === '/board');
    const card = later.locator(`[data-testid="board-card"][data-task-id="${taskId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-warning')).toBe('red');
    await settle(later);
    await shots.take('office-board-red', later);

    await later.getByTestId('board-wall-toggle').click();
    await later.getByTestId('board-wall').waitFor();
    const wallCard = later.locator(`[data-testid="board-wall"] [data-testid="board-card"][data-task-id="${taskId}"]`);
    await wallCard.waitFor();
    expect(await wallCard.getAttribute('data-warning')).toBe('red');
    await settle(later);
    await shots.take('office-board-wall-red', later);
  });
});
