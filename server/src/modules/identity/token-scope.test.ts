import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, rootDepartment } from '../../../test/factories.ts';
import { identityRepo } from './identity.repo.ts';

/** Issue #11: a token's scope is fixed at issue — read-only or named permissions — and never exceeds its owner. */
describe.each(ENGINES)('API token scope on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const OWNER: Permission[] = ['org.read', 'org.manage', 'people.read'];
  const issue = (userId: string, scope?: unknown) =>
    t.admin.request({ method: 'POST', url: '/api/api-tokens', payload: { userId, name: '范围', ...(scope ? { scope } : {}) } });
  const as = (token: string) => ({
    get: (url: string, lang = 'zh-CN') =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'accept-language': lang } }),
    newDepartment: async (lang = 'zh-CN') =>
      t.app.inject({
        method: 'POST',
        url: '/api/departments',
        headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
        payload: { name: `令牌部门${Math.random().toString(36).slice(2, 7)}`, parentId: (await rootDepartment(t)).id },
      }),
  });

  it('issues a read-only token when no scope is picked: it reads, and every write is refused (zh-CN / en)', async () => {
    const { user } = await buildSignedInUser(t, { permissions: OWNER });
    const issued = await issue(user.id);
    expect(issued.statusCode).toBe(201);
    expect(issued.json().scope).toEqual({ kind: 'read_only' });
    const token = as(issued.json().token);
    expect((await token.get('/api/departments')).statusCode).toBe(200);
    const zh = await token.newDepartment();
    expect(zh.statusCode).toBe(403);
    expect(zh.json().error).toEqual({ code: 'token_read_only', message: '该 API 令牌为只读令牌，只能查询（GET），不能修改数据' });
    expect((await token.newDepartment('en-US')).json().error.message).toBe(
      'This API token is read-only: it may only read (GET), never change data',
    );
  });

  it('refuses to issue a scope beyond what the owner holds, naming the permissions too many', async () => {
    const { user } = await buildSignedInUser(t, { permissions: OWNER });
    const res = await issue(user.id, { kind: 'permissions', permissions: ['org.read', 'audit.read', 'users.manage'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'token_scope_exceeds_owner',
      message: '令牌权限不能超出持有人当前的权限：audit.read, users.manage',
      fields: [{ path: 'body.scope.permissions' }],
    });
    expect((await issue(user.id, { kind: 'permissions', permissions: ['no.such'] })).statusCode).toBe(400);
    expect((await issue(user.id, { kind: 'permissions', permissions: [] })).statusCode).toBe(400);
    const listed = (await t.admin.request({ method: 'GET', url: '/api/api-tokens' })).json().items;
    expect(listed.filter((x: { userId: string }) => x.userId === user.id)).toEqual([]);
  });

  it('lets a scoped token use its permissions and none of the owner’s others', async () => {
    const { user } = await buildSignedInUser(t, { permissions: OWNER });
    const issued = await issue(user.id, { kind: 'permissions', permissions: ['org.read', 'org.manage'] });
    expect(issued.json().scope).toEqual({ kind: 'permissions', permissions: ['org.manage', 'org.read'] });
    const token = as(issued.json().token);
    expect((await token.newDepartment()).statusCode).toBe(201);
    const people = await token.get('/api/people'); // the owner may (people.read); the token was not given it
    expect(people.statusCode).toBe(403);
    expect(people.json().error.code).toBe('forbidden');
  });

  it('narrows a scoped token when its owner loses a permission, and widens it back only as far as its scope', async () => {
    const { user, role } = await buildSignedInUser(t, { permissions: OWNER });
    const token = as((await issue(user.id, { kind: 'permissions', permissions: ['org.read', 'org.manage'] })).json().token);
    expect((await token.newDepartment()).statusCode).toBe(201);
    const setRole = async (permissions: Permission[]) => {
      const version = (await identityRepo.roleById(t.db.db, role.id))!.version;
      const res = await t.admin.request({ method: 'PATCH', url: `/api/roles/${role.id}`, payload: { permissions, version } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await setRole(['org.read', 'people.read']);
    expect((await token.newDepartment()).statusCode).toBe(403);
    expect((await token.get('/api/departments')).statusCode).toBe(200);
    await setRole([...OWNER, 'people.manage']);
    expect((await token.newDepartment()).statusCode).toBe(201);
    expect((await token.get('/api/people')).statusCode).toBe(403); // people.read came back to the owner, never was the token's
  });

  it('keeps a token issued before scopes acting with its owner’s permissions, shown as legacy', async () => {
    const { user } = await buildSignedInUser(t, { permissions: OWNER });
    const issued = (await issue(user.id)).json();
    // what the migration leaves on a token issued before it: the column default
    await t.db.db.updateTable('apiTokens').set({ scope: 'legacy', permissions: null }).where('id', '=', issued.id).execute();
    const listed = (await t.admin.request({ method: 'GET', url: '/api/api-tokens' })).json().items;
    expect(listed.find((x: { id: string }) => x.id === issued.id).scope).toEqual({ kind: 'legacy' });
    const token = as(issued.token);
    expect((await token.newDepartment()).statusCode).toBe(201);
    expect((await token.get('/api/people')).statusCode).toBe(200);
    expect((await token.get('/api/audit')).statusCode).toBe(403); // never beyond the owner
  });
});
