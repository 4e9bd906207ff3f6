import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server.ts';
import { launchBrowser, newContext, screenshots } from '../support/browser.ts';
import { settle } from '../support/ui.ts';

/**
 * 6. Browser-side safety: script and HTML payloads stored through the API in every free-text field
 * (department, person name and title, post name and duties, role name, token name, plan,
 * programme, measure, task title / statement / deliverables / milestone, urging, calendar note, a
 * sign-in username) are shown by every page of the console as text: no script runs
 * (window.__xss stays undefined), no dialog opens, no element or javascript: link is made from
 * them, and the payload text itself is visible.
 */
const P = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=1</script>',
  js: 'javascript:window.__xss=1',
  svg: '"><svg onload=window.__xss=1>',
  alert: '<img src=x onerror=alert(1)>',
} as const;

type Api = { call(method: string, path: string, body?: unknown): Promise<any>; cookie: { name: string; value: string } };

async function apiSignIn(base: string): Promise<Api> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed ${res.status}`);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('qinlian_session='))!;
  const value = raw.split(';')[0]!.slice('qinlian_session='.length);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie: { name: 'qinlian_session', value },
    async call(method, path, body) {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: `qinlian_session=${value}`,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await r.json().catch(() => null);
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

describe('stored script and HTML payloads render inert in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Api;
  const dialogs: string[] = [];
  let taskId = '';

  beforeAll(async () => {
    server = await startServer({ QINLIAN_SEED_DEMO: 'false' });
    browser = await launchBrowser();
    api = await apiSignIn(server.url);

    // organisation
    const root = await api.call('POST', '/api/departments', { name: `${P.svg}新区`, parentId: null, kind: 'committee' });
    const dept = await api.call('POST', '/api/departments', { name: `${P.img}局`, parentId: root.id });
    await api.call('POST', '/api/departments', { name: `${P.script}科`, parentId: dept.id });
    await api.call('POST', '/api/departments', { name: `${P.js}办`, parentId: root.id });
    const person = await api.call('POST', '/api/people', {
      name: `${P.script}张`,
      title: P.img,
      departmentId: dept.id,
      account: { username: 'xss_person', roleIds: [] },
    });
    const other = await api.call('POST', '/api/people', { name: `${P.alert}李`.slice(0, 50), title: P.js, departmentId: dept.id });
    await api.call('POST', '/api/posts', {
      departmentId: dept.id,
      name: `${P.img}岗`,
      duties: `${P.script}${P.js}`,
      aPersonId: person.id,
      bPersonId: other.id,
    });
    await api.call('POST', '/api/roles', {
      code: 'xss_role',
      name: `${P.svg}角色`.slice(0, 50),
      permissions: ['org.read'],
      dataScope: 'dept',
    });
    await api.call('POST', '/api/api-tokens', { userId: person.userId, name: `${P.js}${P.img}` });
    await api.call('PUT', '/api/calendar/overrides', { date: '2026-05-06', working: false, note: P.img });
    // a sign-in attempt whose username is a payload (the sign-in log shows it)
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: P.script, password: 'x' }),
    });

    // campaign plan and a task with every free-text field
    const plan = await api.call('POST', '/api/plans', { name: `${P.img}计划`, year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' });
    const programme = await api.call('POST', '/api/plan/programmes', { planId: plan.id, code: 'X1', name: `${P.script}工程` });
    const measure = await api.call('POST', '/api/plan/measures', { programmeId: programme.id, code: 'M1', name: `${P.svg}举措` });
    const post = (await api.call('GET', `/api/posts?departmentId=${dept.id}`)).items[0];
    const task = await api.call('POST', '/api/tasks', {
      measureId: measure.id,
      title: `${P.img}任务`,
      statement: P.script,
      deliverables: P.js,
      leadDepartmentId: dept.id,
      responsiblePostId: post.id,
      startDate: '2026-03-02',
      dueDate: '2026-06-30',
      tagged: true,
      milestones: [{ name: P.svg, dueDate: '2026-04-01' }],
    });
    taskId = task.id;
    const assigned = await api.call('POST', `/api/tasks/${task.id}/transition`, {
      action: 'assign',
      version: task.version,
      comment: P.img,
    });
    await api.call('POST', `/api/tasks/${task.id}/urge`, { message: P.alert });
    await api.call('POST', `/api/tasks/${task.id}/instructions`, { text: P.script });
    void assigned;

    context = await newContext(browser, server.url);
    await context.addCookies([{ ...api.cookie, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** [path, payload texts that page must show] */
  const PAGES: [string, string[]][] = [
    ['/', []],
    ['/org/departments', [`${P.svg}新区`, `${P.img}局`]],
    ['/org/people', [`${P.script}张`]],
    ['/org/posts', [`${P.img}岗`]],
    ['/system/roles', [`${P.svg}角色`]],
    ['/system/tokens', [`${P.js}${P.img}`]],
    ['/system/sign-ins', [P.script]],
    ['/system/audit', []],
    ['/plan', [`${P.img}计划`]],
    ['/tasks', [`${P.img}任务`]],
    ['/tasks/:id', [`${P.img}任务`, P.script]],
    ['/board', [`${P.img}任务`]],
    ['/inbox', []],
    ['/account', []],
  ];

  it.each(PAGES)('%s shows the payloads as text and runs none of them', async (path, visible) => {
    const shots = screenshots(`xss${path.replace(/[/:]+/g, '-')}`, page);
    await page.goto(path.replace(':id', taskId));
    await settle(page);
    await page.waitForTimeout(300);
    await shots.take('page');
    expect(page.url(), 'still signed in').not.toContain('/login');

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${path}`).toBeUndefined();
    expect(dialogs, `dialog opened on ${path}`).toEqual([]);
    const made = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"]').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      inlineScripts: Array.from(document.querySelectorAll('script')).filter((s) => (s.textContent ?? '').includes('__xss')).length,
      jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) =>
        a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:'),
      ).length,
      handlers: Array.from(document.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => a.name.startsWith('on') && a.value.includes('__xss')),
      ).length,
    }));
    expect(made, `elements made from payloads on ${path}`).toEqual({ imgs: 0, svgs: 0, inlineScripts: 0, jsLinks: 0, handlers: 0 });

    const text = await page.evaluate(() => document.body.innerText);
    for (const v of visible) expect(text, `${path} should show ${v} as text`).toContain(v);
  });
});
