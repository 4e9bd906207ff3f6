import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server.ts';
import { launchBrowser, newContext, screenshots } from '../support/browser.ts';

/**
 * 6. Browser-side safety: script and HTML payloads stored through the API in every free-text field
 * (department, person name and title, post name and duties, role name, token name, plan,
 * programme, measure, task title / statement / deliverables / milestone, urging, instruction, a
 * sign-in username) and the notices the task's steps send to its handler are shown by every page
 * of the console as text: each page waits until its payloads are on screen, then no script has run
 * (window.__xss stays undefined), the browser blocked none (no CSP violation), no dialog opened,
 * and no element or javascript: link was made from them.
 *
 * Two people look: the administrator (the system pages), and the person who holds the task's post
 * (AB岗 A) — the one with an inbox full of payload-bearing notices (交办, 催办, 领导批示).
 */
const P = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=1</script>',
  js: 'javascript:window.__xss=1',
  svg: '"><svg onload=window.__xss=1>',
  alert: '<img src=x onerror=alert(1)>',
} as const;

const PERSON_USERNAME = 'xss_person';
const PERSON_PASSWORD = 'Xss-Person@2026';

type Api = {
  call(method: string, path: string, body?: unknown): Promise<any>;
  cookie: { name: string; value: string };
};

async function apiSignIn(base: string, username: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed ${res.status}`);
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

/** Elements, links and handlers that a payload would have made had it been parsed as HTML. */
const madeFromPayloads = (page: Page) =>
  page.evaluate(() => ({
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
const NOTHING_MADE = { imgs: 0, svgs: 0, inlineScripts: 0, jsLinks: 0, handlers: 0 };

type Watched = { context: BrowserContext; page: Page; dialogs: string[] };

/** A signed-in browser profile whose page records dialogs and, from the first script on, CSP violations. */
async function watchedPage(browser: Browser, base: string, api: Api): Promise<Watched> {
  const context = await newContext(browser, base);
  await context.addCookies([{ ...api.cookie, url: base, httpOnly: true, sameSite: 'Strict' }]);
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    // zod 4 probes `new Function("")` once, in a try, to pick its fast path; the CSP refusing that is
    // expected and has nothing to do with the payloads, which could only ever be inline code
    document.addEventListener('securitypolicyviolation', (e) => {
      if (e.blockedURI !== 'eval') w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, dialogs };
}

describe('stored script and HTML payloads render inert in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const as: Partial<Record<'admin' | 'person', Watched>> = {};
  let taskId = '';

  beforeAll(async () => {
    server = await startServer({ QINLIAN_SEED_DEMO: 'false' });
    browser = await launchBrowser();
    const api = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);

    // organisation
    const root = await api.call('POST', '/api/departments', { name: `${P.svg}新区`, parentId: null, kind: 'committee' });
    const dept = await api.call('POST', '/api/departments', { name: `${P.img}局`, parentId: root.id });
    await api.call('POST', '/api/departments', { name: `${P.script}科`, parentId: dept.id });
    await api.call('POST', '/api/departments', { name: `${P.js}办`, parentId: root.id });
    const role = await api.call('POST', '/api/roles', {
      code: 'xss_role',
      name: `${P.svg}角色`.slice(0, 50),
      // notices go only to someone who may act on the task (task-notices.service.ts): the post's holder handles it
      permissions: ['org.read', 'tasks.read', 'tasks.handle'],
      dataScope: 'dept',
    });
    const person = await api.call('POST', '/api/people', {
      name: `${P.script}张`,
      title: P.img,
      departmentId: dept.id,
      account: { username: PERSON_USERNAME, roleIds: [role.id] },
    });
    const other = await api.call('POST', '/api/people', { name: `${P.alert}李`.slice(0, 50), title: P.js, departmentId: dept.id });
    await api.call('POST', '/api/posts', {
      departmentId: dept.id,
      name: `${P.img}岗`,
      duties: `${P.script}${P.js}`,
      aPersonId: person.id,
      bPersonId: other.id,
    });
    await api.call('POST', '/api/api-tokens', { userId: person.userId, name: `${P.js}${P.img}` });
    await api.call('PUT', '/api/calendar/overrides', { date: '2026-05-06', working: false, note: P.img });
    // a sign-in attempt whose username is a payload (the sign-in log shows it)
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: P.script, password: 'x' }),
    });

    // campaign plan and a task with every free-text field, assigned to the post the person holds:
    // assigning, urging and instructing send them notices that carry the payloads (task-notices.ts)
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
      backfill: true, // dates of a past half-year, entered afterwards (补录)
      tagged: true,
      milestones: [{ name: P.svg, dueDate: '2026-04-01' }],
    });
    taskId = task.id;
    await api.call('POST', `/api/tasks/${task.id}/transition`, { action: 'assign', version: task.version, comment: P.img });
    await api.call('POST', `/api/tasks/${task.id}/urge`, { message: P.alert });
    await api.call('POST', `/api/tasks/${task.id}/instructions`, { text: P.script });

    // the person signs in with the initial password and sets their own, as the console makes them
    const first = await apiSignIn(server.url, PERSON_USERNAME, person.initialPassword);
    await first.call('POST', '/api/auth/password', { currentPassword: person.initialPassword, newPassword: PERSON_PASSWORD });
    const personApi = await apiSignIn(server.url, PERSON_USERNAME, PERSON_PASSWORD);
    const inbox = await personApi.call('GET', '/api/inbox?pageSize=50');
    expect(
      inbox.items.map((i: { kind: string }) => i.kind).sort(),
      'the person was told about the task through the real notification flow',
    ).toEqual(['task.assign', 'task.instruct', 'task.urge']);

    as.admin = await watchedPage(browser, server.url, api);
    as.person = await watchedPage(browser, server.url, personApi);
  });
  afterAll(async () => {
    await as.admin?.context.close().catch(() => {});
    await as.person?.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** [path, who looks, payload texts that page must show — every page shows some, then (optionally) a row to open] */
  type Opens = { row: string; shows: string };
  const PAGES: [string, 'admin' | 'person', string[], Opens?][] = [
    ['/', 'person', [`${P.script}张`, `${P.img}局`]],
    ['/org/departments', 'admin', [`${P.svg}新区`, `${P.img}局`, `${P.js}办`]],
    ['/org/people', 'admin', [`${P.script}张`, P.img, P.js]],
    ['/org/posts', 'admin', [`${P.img}岗`]],
    ['/system/roles', 'admin', [`${P.svg}角色`]],
    ['/system/tokens', 'admin', [`${P.js}${P.img}`]],
    ['/system/sign-ins', 'admin', [P.script]],
    // the row's before/after snapshot (AuditDetail) shows the payload inside JSON
    ['/system/audit', 'admin', [`${P.img}任务`, `${P.script}张`], { row: `${P.img}任务`, shows: `"${P.img}任务"` }],
    ['/plan', 'admin', [`${P.img}计划`, `${P.script}工程`]],
    ['/tasks', 'admin', [`${P.img}任务`]],
    ['/tasks/:id', 'admin', [`${P.img}任务`, P.script, P.js, P.svg, P.alert]],
    ['/board', 'admin', [`${P.img}任务`]],
    ['/inbox', 'person', [`${P.img}任务`, P.alert, P.script]],
    ['/account', 'person', [`${P.script}张`, `${P.img}局`, `${P.svg}角色`]],
  ];

  /** Wait until every text is on screen (the page's data has come), then for what rendering it would have fetched. */
  async function showing(page: Page, texts: string[]) {
    await page.waitForFunction((all) => all.every((v) => document.body.innerText.includes(v)), texts, { timeout: 15_000 }).catch(() => {}); // the assertions below name the text that never came
    await page.waitForLoadState('networkidle'); // an <img src=x> made from a payload asks the server for /x
  }

  async function expectInert(page: Page, dialogs: string[], where: string, visible: string[]) {
    const text = await page.evaluate(() => document.body.innerText);
    for (const v of visible) expect(text, `${where} should show ${v} as text`).toContain(v);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${where}`).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), `CSP blocked something on ${where}`).toEqual([]);
    expect(dialogs, `dialog opened on ${where}`).toEqual([]);
    expect(await madeFromPayloads(page), `elements made from payloads on ${where}`).toEqual(NOTHING_MADE);
  }

  it.each(PAGES)('%s as %s shows the payloads as text and runs none of them', async (path, who, visible, opens) => {
    const { page, dialogs } = as[who]!;
    const shots = screenshots(`xss${path.replace(/[/:]+/g, '-')}`, page);
    await page.goto(path.replace(':id', taskId));
    await showing(page, visible);
    await shots.take('page');
    expect(page.url(), 'still signed in').not.toContain('/login');
    await expectInert(page, dialogs, path, visible);

    if (opens) {
      await page.locator('tr', { hasText: opens.row }).first().click();
      await showing(page, [opens.shows]);
      await shots.take('opened');
      await expectInert(page, dialogs, `${path} (row opened)`, [opens.shows]);
    }
  });

  it('would notice a payload made into HTML (the checks above can fail)', async () => {
    const { page } = as.admin!;
    await page.goto('/org/departments');
    await page.waitForFunction((v) => document.body.innerText.includes(v), `${P.img}局`);
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), `${P.img}${P.svg}<a href="${P.js}">x</a>`);
    // CSP (script-src 'self', no inline handlers) stops the handler, and says so
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await madeFromPayloads(page)).toEqual({ imgs: 1, svgs: 1, inlineScripts: 0, jsLinks: 1, handlers: 2 });
    await page.goto('about:blank');
  });
});
