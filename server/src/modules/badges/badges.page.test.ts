import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadgeWall, PublicBadge } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser } from '../../../test/factories.ts';

/** The built index.html as vite writes it (web/dist): a boot line in #root, a stylesheet in the head. */
const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>勤廉</title>' +
  '<script type="module" crossorigin src="/assets/index-AAAAAAAA.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-BBBBBBBB.css">' +
  '</head><body><div id="root"><div class="boot">勤廉新区</div></div></body></html>';
const HOSTILE = '<script>alert(1)</script><b>王</b>$&';

/**
 * /p/b/<code> answered with the badge in the HTML (badges.page.ts): the card escaped, the JSON the
 * SPA starts from, and for an unknown or malformed code the plain page with a 404 that tells nothing.
 */
describe.each(ENGINES)('badge page in the HTML (亮牌) on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-badge-page-'));
  const visit = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: `198.51.100.${++seq}` });

  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
    t = await startTestApp(engine, { webDist: dist });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  /** A post whose A holder's name, the post and the duties hold markup; their badge's code. */
  const hostileBadge = async () => {
    const dept = await buildDepartment(t);
    const a = await buildPerson(t, { departmentId: dept.id, name: HOSTILE });
    const post = await buildPost(t, {
      departmentId: dept.id,
      aPersonId: a.id,
      name: `岗位<img src=x onerror=alert(2)>${seq}`,
      duties: '受理</dd><i>职责</i>',
    });
    const head = await buildSignedInUser(t, {
      permissions: ['people.read', 'badges.manage'],
      dataScope: 'dept',
      personId: (await buildPerson(t, { departmentId: dept.id })).id,
    });
    const wall = (await head.session.request({ method: 'GET', url: `/api/badges/departments/${dept.id}` })).json() as BadgeWall;
    return { post, code: wall.items.find((b) => b.personId === post.aPersonId)!.code! };
  };
  const embedded = (html: string) =>
    JSON.parse(/<script type="application\/json" id="badge-data">([^<]*)<\/script>/.exec(html)![1]!) as PublicBadge;

  it('answers the page with the card in #root, escaped, and the same badge the API gives as JSON', async () => {
    const { code, post } = await hostileBadge();
    const res = await visit(`/p/b/${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.body;
    expect(html).toContain('<div id="root"><div class="ssr-badge" data-testid="public-badge">');
    expect(html).not.toContain('class="boot"');
    expect(html).toContain(
      '<h2 class="ssr-name" data-testid="badge-name" elementtiming="badge-name">&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;王&lt;/b&gt;$&amp;</h2>',
    );
    expect(html).toContain(`岗位&lt;img src=x onerror=alert(2)&gt;`);
    expect(html).toContain('受理&lt;/dd&gt;&lt;i&gt;职责&lt;/i&gt;');
    // inert: the only script elements are the built one and the JSON; no element made of the markup
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<b>|<i>|<img src=x/);
    // the JSON cannot close its element, and reads back as the API's answer
    const api = (await visit(`/api/public/badges/${code}`)).json() as PublicBadge;
    expect(embedded(html)).toEqual(api);
    expect(api).toMatchObject({ name: HOSTILE, postName: post.name });
    // the stylesheet and the script no longer hold back the first paint: they follow the card, style first
    const card = html.indexOf('data-testid="badge-name"');
    expect(html.indexOf('index-BBBBBBBB.css')).toBeGreaterThan(card);
    expect(html.indexOf('index-AAAAAAAA.js')).toBeGreaterThan(html.indexOf('index-BBBBBBBB.css'));
    expect(html.slice(0, html.indexOf('</head>'))).not.toMatch(/<script|<link rel="stylesheet"/);
  });

  it('answers an unknown, malformed or path-tricking code with the plain page and 404, telling nothing', async () => {
    const bodies = new Set<string>();
    for (const url of [
      '/p/b/23456789ABCDE',
      '/p/b/not-a-code',
      '/p/b/..%2F..%2Fetc%2Fpasswd',
      `/p/b/${'Z'.repeat(500)}`,
      '/p/b/%3Cscript%3E',
    ]) {
      const res = await visit(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      bodies.add(res.body);
    }
    expect([...bodies]).toEqual([INDEX_HTML]);
  });
});
