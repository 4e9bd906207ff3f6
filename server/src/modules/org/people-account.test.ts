import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser } from '../../../test/factories.ts';

describe.each(ENGINES)('accounts and contact details of registered people on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const roleId = async (code: string) =>
    (await t.admin.request({ method: 'GET', url: '/api/roles' })).json().items.find((r: { code: string }) => r.code === code).id;

  it('opens an account for a person who has none, shows its roles, and refuses a second one', async () => {
    const person = await buildPerson(t);
    const staff = await roleId('staff');
    const res = await t.admin.request({
      method: 'POST',
      url: `/api/people/${person.id}/account`,
      payload: { username: 'zhangsan.demo', roleIds: [staff] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'zhangsan.demo', roleIds: [staff], accountDisabled: false });
    expect(res.json().initialPassword).toBeTruthy();
    const s = await signIn(t.app, 'zhangsan.demo', res.json().initialPassword);
    expect(s.user.username).toBe('zhangsan.demo');
    const again = await t.admin.request({
      method: 'POST',
      url: `/api/people/${person.id}/account`,
      payload: { username: 'another.name', roleIds: [] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('account_exists');
    const detail = (await t.admin.request({ method: 'GET', url: `/api/people/${person.id}` })).json();
    expect(detail.roleIds).toEqual([staff]);
    await t.admin.request({ method: 'POST', url: `/api/users/${detail.userId}/disable` });
    expect((await t.admin.request({ method: 'GET', url: `/api/people/${person.id}` })).json().accountDisabled).toBe(true);
  });

  it('refuses a duplicate username and needs users.manage to open accounts', async () => {
    const dept = await buildDepartment(t);
    const [a, b] = [await buildPerson(t, { departmentId: dept.id }), await buildPerson(t, { departmentId: dept.id })];
    expect(
      (await t.admin.request({ method: 'POST', url: `/api/people/${a.id}/account`, payload: { username: 'taken.name' } })).statusCode,
    ).toBe(201);
    const dup = await t.admin.request({ method: 'POST', url: `/api/people/${b.id}/account`, payload: { username: 'taken.name' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].message).toContain('taken.name');
    const { session } = await buildSignedInUser(t, { permissions: ['people.read', 'people.manage'] });
    expect(
      (await session.request({ method: 'POST', url: `/api/people/${b.id}/account`, payload: { username: 'not.allowed' } })).statusCode,
    ).toBe(403);
  });

  it('keeps an e-mail address for notifications, validated, shown to managers only', async () => {
    const dept = await buildDepartment(t);
    const created = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '李邮件', departmentId: dept.id, email: 'li@example.gov.cn' },
    });
    expect(created.json().email).toBe('li@example.gov.cn');
    const bad = await t.admin.request({ method: 'PATCH', url: `/api/people/${created.json().id}`, payload: { email: 'not-an-address' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.email');
    const { session } = await buildSignedInUser(t, { permissions: ['people.read'] });
    expect((await session.request({ method: 'GET', url: `/api/people/${created.json().id}` })).json().email).toBeNull();
  });
});
