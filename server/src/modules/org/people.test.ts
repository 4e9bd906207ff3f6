import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import {
  buildDepartment,
  buildPerson,
  buildPost,
  buildRole,
  buildSignedInUser,
  buildViewerIn,
  rootDepartment,
  setWhereaboutsOf,
  uniquePhone,
} from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';

type Page = { items: Person[]; total: number };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const countRows = async (t: TestApp, table: 'people' | 'users' | 'auditEvents') =>
  Number(
    (
      await t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const list = async (s: Session, query: Record<string, string>) => {
  const res = await s.request({ method: 'GET', url: '/api/people', query: { pageSize: '200', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};
const names = (p: Page) => p.items.map((i) => i.name).sort();
const idsIn = async (t: TestApp, departmentId: string) =>
  new Set((await t.db.db.selectFrom('people').select('id').where('departmentId', '=', departmentId).execute()).map((r) => r.id));

describe.each(ENGINES)('people on %s', (engine) => {
  let t: TestApp;
  let d1: { id: string }, d1a: { id: string }, d2: { id: string };
  let p1: { id: string; name: string },
    p1b: { id: string; name: string },
    p1a: { id: string; name: string },
    p2: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    await rootDepartment(t);
    d1 = await buildDepartment(t, { name: '经济发展局' });
    d1a = await buildDepartment(t, { name: '综合科', parentId: d1.id });
    d2 = await buildDepartment(t, { name: '财政金融局' });
    p1 = await buildPerson(t, { name: '张局长', departmentId: d1.id, title: '局长' });
    p1b = await buildPerson(t, { name: '李科员', departmentId: d1.id });
    p1a = await buildPerson(t, { name: '王科长', departmentId: d1a.id, title: '科长' });
    p2 = await buildPerson(t, { name: '赵局长', departmentId: d2.id, title: '局长' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a person with its audit record and reads it back', async () => {
    const auditBefore = await countRows(t, 'auditEvents');
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '陈晓', phone: '13812345678', departmentId: d2.id, title: '科员' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Person & { initialPassword: string | null };
    expect(created).toMatchObject({
      name: '陈晓',
      phone: '13812345678',
      departmentId: d2.id,
      departmentName: '财政金融局',
      status: 'active',
      posts: [],
      username: null,
      userId: null,
      photoUrl: null,
      version: 1,
      initialPassword: null,
      abilities: { manage: true },
    });
    const got = await t.admin.request({ method: 'GET', url: `/api/people/${created.id}` });
    expect(got.json()).toEqual({ ...created, initialPassword: undefined });
    expect(got.json()).not.toHaveProperty('initialPassword');
    const audit = await t.db.db.selectFrom('auditEvents').selectAll().where('entityId', '=', created.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create']);
    expect(await countRows(t, 'auditEvents')).toBe(auditBefore + 1);
  });

  it('opens a sign-in account in the same transaction and shows its initial password once', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '孙敏', departmentId: d2.id, account: { username: 'sunmin' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Person & { initialPassword: string };
    expect(body.username).toBe('sunmin');
    expect(body.userId).toMatch(/.+/);
    expect(body.initialPassword).toMatch(/.{8,}/);
    const got = (await t.admin.request({ method: 'GET', url: `/api/people/${body.id}` })).json() as Person;
    expect(got.userId).toBe(body.userId);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sunmin', password: body.initialPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ personId: body.id, mustChangePassword: true });
  });

  it('writes no person when the account in the same request fails', async () => {
    const [people, users] = [await countRows(t, 'people'), await countRows(t, 'users')];
    const dup = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '重名账号', departmentId: d2.id, account: { username: 'admin' } },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toMatchObject([{ path: 'body.account.username' }]);
    // an unknown role fails inside createAccount, after the person row was inserted: all of it rolls back
    const badRole = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '无角色', departmentId: d2.id, account: { username: 'norole', roleIds: ['0190aaaa-0000-7000-8000-000000000000'] } },
    });
    expect(badRole.statusCode).toBe(404);
    expect([await countRows(t, 'people'), await countRows(t, 'users')]).toEqual([people, users]);
  });

  it('lets only users.manage holders open accounts (and roles.manage to grant roles)', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['people.read', 'people.manage'] });
    const people = await countRows(t, 'people');
    const res = await session.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '越权', departmentId: d2.id, account: { username: 'sneaky' } },
    });
    expect(res.statusCode).toBe(403);
    const withUsers = await buildSignedInUser(t, { permissions: ['people.read', 'people.manage', 'users.manage'] });
    const role = await buildRole(t, ['org.read']);
    const granting = await withUsers.session.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '授角色', departmentId: d2.id, account: { username: 'granted', roleIds: [role.id] } },
    });
    expect(granting.statusCode).toBe(403);
    expect(await countRows(t, 'people')).toBe(people);
    const plain = await withUsers.session.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '开账号', departmentId: d2.id, account: { username: 'plainacct' } },
    });
    expect(plain.statusCode, plain.body).toBe(201);
  });

  it('updates with an optimistic version and answers 409 to a stale one', async () => {
    const p = await buildPerson(t, { departmentId: d2.id });
    const ok = await t.admin.request({
      method: 'PATCH',
      url: `/api/people/${p.id}`,
      payload: { title: '副局长', status: 'left', version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '副局长', status: 'left', version: 2 });
    const stale = await t.admin.request({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { title: '局长', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', p.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create', 'person.update']);
  });

  it('moves a person between departments, refusing while they still hold posts there', async () => {
    const post = await buildPost(t, { departmentId: d2.id });
    const held = await t.admin.request({ method: 'PATCH', url: `/api/people/${post.aPersonId}`, payload: { departmentId: d1.id } });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('person_holds_posts');
    const free = await buildPerson(t, { departmentId: d2.id });
    const moved = await t.admin.request({ method: 'PATCH', url: `/api/people/${free.id}`, payload: { departmentId: d1a.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ departmentId: d1a.id, departmentName: '综合科' });
  });

  it('filters by department subtree, name or phone (wildcards literal) and status', async () => {
    const dx = await buildDepartment(t, { name: '筛选测试局' });
    const dxa = await buildDepartment(t, { name: '筛选测试科', parentId: dx.id });
    await buildPerson(t, { name: '百分%号', departmentId: dx.id, phone: '13700001111' });
    await setWhereaboutsOf(t, (await buildPerson(t, { name: '下划_线', departmentId: dx.id })).id, 'out');
    await buildPerson(t, { name: '普通人', departmentId: dxa.id, phone: '13700002222' });
    expect(names(await list(t.admin, { departmentId: dx.id }))).toEqual(['下划_线', '普通人', '百分%号'].sort());
    expect(names(await list(t.admin, { departmentId: dx.id, subtree: 'false' }))).toEqual(['下划_线', '百分%号'].sort());
    expect(names(await list(t.admin, { departmentId: dx.id, q: '%' }))).toEqual(['百分%号']);
    expect(names(await list(t.admin, { departmentId: dx.id, q: '_' }))).toEqual(['下划_线']);
    expect(names(await list(t.admin, { departmentId: dx.id, q: '普通' }))).toEqual(['普通人']);
    expect(names(await list(t.admin, { departmentId: dx.id, q: '0000111' }))).toEqual(['百分%号']);
    expect(names(await list(t.admin, { departmentId: dx.id, status: 'away' }))).toEqual(['下划_线']);
    const paged = await t.admin.request({ method: 'GET', url: '/api/people', query: { departmentId: dx.id, page: '2', pageSize: '2' } });
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.json().items).toHaveLength(1);
  });

  describe('data scopes', () => {
    const seen = (p: Page) => new Set(p.items.map((i) => i.id));

    it('dept: own department only; others answer 404', async () => {
      const { session } = await buildViewerIn(t, d1.id, { permissions: ['people.read'], dataScope: 'dept' });
      const page = await list(session, {});
      expect(page.items.every((i) => i.departmentId === d1.id)).toBe(true);
      const expected = await idsIn(t, d1.id);
      expect(seen(page)).toEqual(expected);
      expect(page.total).toBe(expected.size);
      expect(expected.has(p1b.id)).toBe(true);
      expect((await session.request({ method: 'GET', url: `/api/people/${p1.id}` })).statusCode).toBe(200);
      expect((await session.request({ method: 'GET', url: `/api/people/${p1a.id}` })).statusCode).toBe(404);
      expect((await session.request({ method: 'GET', url: `/api/people/${p2.id}` })).statusCode).toBe(404);
    });

    it('dept_and_below: the subtree', async () => {
      const { session } = await buildViewerIn(t, d1.id, { permissions: ['people.read'], dataScope: 'dept_and_below' });
      const page = await list(session, {});
      expect(page.items.every((i) => [d1.id, d1a.id].includes(i.departmentId))).toBe(true);
      expect(seen(page).has(p1a.id) && seen(page).has(p1.id)).toBe(true);
      expect(seen(page).has(p2.id)).toBe(false);
      expect((await session.request({ method: 'GET', url: `/api/people/${p2.id}` })).statusCode).toBe(404);
    });

    it('self: only themself, even when filtering their department', async () => {
      const { session, person } = await buildViewerIn(t, d1a.id, { permissions: ['people.read'], dataScope: 'self' });
      expect([...seen(await list(session, {}))]).toEqual([person.id]);
      expect([...seen(await list(session, { departmentId: d1a.id }))]).toEqual([person.id]);
      expect((await session.request({ method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(200);
      expect((await session.request({ method: 'GET', url: `/api/people/${p1a.id}` })).statusCode).toBe(404);
    });

    it('custom: exactly the listed departments', async () => {
      const { session } = await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'custom', customDepartmentIds: [d2.id] });
      const page = await list(session, {});
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((i) => i.departmentId === d2.id)).toBe(true);
      expect((await session.request({ method: 'GET', url: `/api/people/${p1.id}` })).statusCode).toBe(404);
    });

    it('managing out of scope answers 404 and writes nothing; in scope works', async () => {
      const { session } = await buildViewerIn(t, d1.id, { permissions: ['people.read', 'people.manage'], dataScope: 'dept' });
      const before = await countRows(t, 'people');
      for (const departmentId of [d2.id, d1a.id]) {
        const res = await session.request({ method: 'POST', url: '/api/people', payload: { name: '越界', departmentId } });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.fields).toMatchObject([{ path: 'body.departmentId' }]);
      }
      expect((await session.request({ method: 'PATCH', url: `/api/people/${p2.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
      expect((await session.request({ method: 'PATCH', url: `/api/people/${p1.id}`, payload: { departmentId: d2.id } })).statusCode).toBe(
        404,
      );
      expect(await countRows(t, 'people')).toBe(before);
      const ok = await session.request({ method: 'POST', url: '/api/people', payload: { name: '本部门新人', departmentId: d1.id } });
      expect(ok.statusCode, ok.body).toBe(201);
    });
  });

  it('allows and denies every permissioned action', async () => {
    const none = (await buildSignedInUser(t, { permissions: ['org.read'] })).session;
    const reader = (await buildSignedInUser(t, { permissions: ['people.read'] })).session;
    const photo = multipartFile({ filename: 'a.png', contentType: 'image/png', data: PNG });
    for (const [method, url] of [
      ['GET', '/api/people'],
      ['GET', `/api/people/${p2.id}`],
      ['GET', '/api/people/export.xlsx'],
      ['GET', `/api/people/${p2.id}/photo`],
    ] as const) {
      expect((await none.request({ method, url })).statusCode, url).toBe(403);
      expect((await reader.request({ method, url })).statusCode, url).not.toBe(403);
    }
    const before = await countRows(t, 'people');
    const writes = [
      { method: 'POST' as const, url: '/api/people', payload: { name: '无权', departmentId: d2.id } },
      { method: 'PATCH' as const, url: `/api/people/${p2.id}`, payload: { title: '无权' } },
      { method: 'POST' as const, url: `/api/people/${p2.id}/photo`, ...photo },
      {
        method: 'POST' as const,
        url: '/api/people/import',
        ...multipartFile({ filename: 'x.xlsx', contentType: 'application/octet-stream', data: Buffer.from('x') }),
      },
      { method: 'GET' as const, url: '/api/people/import-template.xlsx' },
    ];
    for (const w of writes) {
      const res = await reader.request(w);
      expect(res.statusCode, w.url).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await countRows(t, 'people')).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });

  it('shows phone numbers in full to managers and to the person, masked to read-only viewers', async () => {
    const phone = uniquePhone();
    const p = await buildPerson(t, { departmentId: d2.id, phone });
    const reader = (await buildSignedInUser(t, { permissions: ['people.read'] })).session;
    const masked = (await reader.request({ method: 'GET', url: `/api/people/${p.id}` })).json() as Person;
    expect(masked.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(masked.abilities.manage).toBe(false);
    expect(((await t.admin.request({ method: 'GET', url: `/api/people/${p.id}` })).json() as Person).phone).toBe(phone);
    const self = (await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'self', personId: p.id })).session;
    expect(((await self.request({ method: 'GET', url: `/api/people/${p.id}` })).json() as Person).phone).toBe(phone);
    const listed = await list(reader, { departmentId: d2.id, q: phone.slice(-4) });
    expect(listed.items.map((i) => i.phone)).toEqual([masked.phone]);
  });

  it('refuses bad input with 4xx and the fields to fix, writing nothing', async () => {
    const archived = await buildDepartment(t);
    await t.admin.request({ method: 'POST', url: `/api/departments/${archived.id}/archive` });
    const taken = await buildPerson(t, { departmentId: d2.id });
    const before = [await countRows(t, 'people'), await countRows(t, 'auditEvents')];
    const cases: [unknown, number, string][] = [
      [{ name: 123, departmentId: d2.id }, 400, 'body.name'],
      [{ name: '', departmentId: d2.id }, 400, 'body.name'],
      [{ name: 'x'.repeat(51), departmentId: d2.id }, 400, 'body.name'],
      [{ name: '号码错', phone: '12345', departmentId: d2.id }, 400, 'body.phone'],
      [{ name: '无部门' }, 400, 'body.departmentId'],
      [{ name: '坏部门', departmentId: '../etc' }, 400, 'body.departmentId'],
      [{ name: '坏状态', departmentId: d2.id, status: 'retired' }, 400, 'body.status'],
      [{ name: '坏账号', departmentId: d2.id, account: { username: 'a b' } }, 400, 'body.account.username'],
      [{ name: 'a\u0000b', departmentId: d2.id }, 400, 'body.name'],
      [{ name: '控制', title: '科\u0007员', departmentId: d2.id }, 400, 'body.title'],
      [{ name: '撤销部门', departmentId: archived.id }, 409, 'body.departmentId'],
      [{ name: '重复号码', departmentId: d2.id, phone: taken.phone }, 409, 'body.phone'],
      [{ name: '不存在部门', departmentId: '0190aaaa-0000-7000-8000-000000000000' }, 404, 'body.departmentId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await t.admin.request({ method: 'POST', url: '/api/people', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(res.json().error.message).toMatch(/\S/);
    }
    const json = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(json.statusCode).toBe(400);
    const patch = await t.admin.request({ method: 'PATCH', url: `/api/people/${taken.id}`, payload: { status: 'gone', version: 'one' } });
    expect(patch.statusCode).toBe(400);
    for (const query of [{ page: '0' }, { pageSize: '1000' }, { status: 'x' }, { subtree: 'maybe' }, { q: 'a\u0000' }] as Record<
      string,
      string
    >[]) {
      expect((await t.admin.request({ method: 'GET', url: '/api/people', query })).statusCode, JSON.stringify(query)).toBe(400);
    }
    expect([await countRows(t, 'people'), await countRows(t, 'auditEvents')]).toEqual(before);
  });

  it('stores HTML and SQL in names verbatim and returns them as data', async () => {
    const evil = ['<img src=x onerror=alert(1)>', "Robert'); DROP TABLE people;--", '" OR 1=1 --'];
    for (const name of evil) {
      const res = await t.admin.request({
        method: 'POST',
        url: '/api/people',
        payload: { name, departmentId: d2.id, title: '<b>科员</b>' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const got = (await t.admin.request({ method: 'GET', url: `/api/people/${res.json().id}` })).json() as Person;
      expect([got.name, got.title]).toEqual([name, '<b>科员</b>']);
    }
    expect(names(await list(t.admin, { departmentId: d2.id, q: "'); DROP" }))).toEqual([evil[1]]);
    expect(await countRows(t, 'people')).toBeGreaterThan(3);
  });

  it('an account bound to a person signs in and sees that person as self', async () => {
    const res = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '周婷', departmentId: d1.id, account: { username: 'zhouting' } },
    });
    const { initialPassword } = res.json() as { initialPassword: string };
    const s = await signIn(t.app, 'zhouting', initialPassword);
    expect(s.user.username).toBe('zhouting');
  });
});
