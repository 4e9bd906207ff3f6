import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server.ts';
import { launchBrowser, newContext, screenshots } from './support/browser.ts';
import { expectText, fillByTestId, searchByTestId, pickDepartment, settle, switchLanguage } from './support/ui.ts';

describe('the administrator in the console (real server, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const suffix = Date.now().toString(36).slice(-5);

  const openPage = async (locale?: string): Promise<Page> => {
    const context = await newContext(browser, server.url, locale);
    contexts.push(context);
    return context.newPage();
  };

  async function signIn(page: Page, password = ADMIN_PASSWORD) {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('signs in, creates a department and a person in it, and finds both in the audit log', async () => {
    const page = await openPage();
    const shots = screenshots('admin-journey', page);
    const department = `E2E督查专班${suffix}`;
    const person = `测试员${suffix}`;

    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    await shots.take('login');
    await signIn(page);
    await page.waitForURL((u) => u.pathname === '/');
    await settle(page);
    await shots.take('dashboard');

    // 部门管理: new department under the top-level organisation
    await page.getByTestId('menu-departments').click();
    await page.waitForURL('**/org/departments');
    await page.getByTestId('dept-create-button').click();
    await fillByTestId(page, 'dept-name-input', department);
    // the save's own answer first, so a slow or refused save says so instead of a missing tree node
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/departments', { timeout: 30_000 }),
      page.getByTestId('dept-save').click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    await expectText(page.locator('.ant-tree'), department);
    await settle(page);
    await shots.take('departments');

    // 人员管理: a person in that department
    await page.getByTestId('menu-people').click();
    await page.waitForURL('**/org/people');
    await page.getByTestId('person-create-button').click();
    await fillByTestId(page, 'person-name-input', person);
    await pickDepartment(page, 'person-department-select', department);
    await page.getByTestId('person-save').click();
    await page
      .locator('.ant-drawer-open')
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {});
    await searchByTestId(page, 'people-search', person);
    await expectText(page.getByTestId('people-table').locator('tbody'), person);
    await settle(page);
    await shots.take('people');

    // 审计日志: both changes are on the chain and found by the search box
    await page.getByTestId('menu-audit').click();
    await page.waitForURL('**/system/audit');
    await searchByTestId(page, 'audit-search', department);
    await expectText(page.getByTestId('audit-table').locator('tbody'), '新建部门'); // department.create, by its name
    await expectText(page.getByTestId('audit-table').locator('tbody'), department);
    await settle(page);
    await shots.take('audit-department');

    await searchByTestId(page, 'audit-search', person);
    await expectText(page.getByTestId('audit-table').locator('tbody'), '新建人员'); // person.create
    await expectText(page.getByTestId('audit-table').locator('tbody'), person);
    await settle(page);
    await shots.take('audit-person');
  });

  it('switches the console to English', async () => {
    const page = await openPage();
    const shots = screenshots('english', page);
    await page.goto('/login');
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/);
    await switchLanguage(page, 'en');
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toBe('Sign in');
    expect(await page.locator('label[for="username"]').innerText()).toBe('Username');
    await shots.take('login-en');

    await signIn(page);
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByTestId('menu-departments').innerText()).toBe('Departments');
    expect(await page.getByTestId('menu-people').innerText()).toBe('People');
    expect(await page.getByTestId('menu-audit').innerText()).toBe('Audit log');
    await settle(page);
    await shots.take('dashboard-en');
  });

  it("shows the server's message for a wrong password, in the chosen language", async () => {
    const page = await openPage();
    const shots = screenshots('wrong-password', page);
    await page.goto('/login');
    await signIn(page, 'not-the-password');
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    expect(page.url()).toContain('/login');
    await shots.take('login-error-zh');

    await switchLanguage(page, 'en');
    await signIn(page, 'still-not-it');
    await expectText(page.getByTestId('login-error'), 'Wrong username or password');
    await shots.take('login-error-en');
  });
});
