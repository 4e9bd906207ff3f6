import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildRole, buildSignedInUser } from '../../../test/factories.ts';

describe.each(ENGINES)('accounts list and unlock on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { lockout: { attempts: 3, minutes: 15 } });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A new person with an account opened through the people API (its initial password, to be changed at first sign-in). */
  async function personWithAccount(roleIds: string[]) {
    const person = await buildPerson(t);
    const username = `acc${Math.random().toString(36).slice(2, 9)}`;
    const opened = await t.admin.request({ method: 'POST', url: `/api/people/${person.id}/account`, payload: { username, roleIds } });
    expect(opened.statusCode).toBe(201);
    return { person, username, userId: opened.json().userId as string, initialPassword: opened.json().initialPassword as string };
  }
  const list = async (query: string) => (await t.admin.request({ method: 'GET', url: `/api/users?pageSize=200&${query}` })).json();
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('lists accounts with person, department, roles and last sign-in; filters by name, state and role', async () => {
    const role = await buildRole(t, ['org.read'], 'dept');
    const a = await personWithAccount([role.id]);
    const b = await personWithAccount([]);
    expect((await login(a.username, a.initialPassword)).statusCode).toBe(200);
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${b.userId}/disable` })).statusCode).toBe(200);

    const found = await list(`q=${a.username.toUpperCase()}`);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({
      id: a.userId,
      username: a.username,
      personId: a.person.id,
      personName: a.person.name,
      departmentId: a.person.departmentId,
      departmentName: expect.stringMatching(/^部门/),
      roles: [{ id: role.id, code: role.code, name: role.name }],
      disabled: false,
      mustChangePassword: true,
      signInDelayedUntil: null,
      lastSignInAt: t.clock.now().toISOString(),
      abilities: { disable: true, enable: false, resetPassword: true, unlock: false, setRoles: true },
    });
    const byName = await list(`q=${encodeURIComponent(a.person.name)}`);
    expect(byName.items.map((u: any) => u.id)).toEqual([a.userId]);

    const disabled = await list('state=disabled');
    expect(disabled.items.map((u: any) => u.id)).toContain(b.userId);
    expect(disabled.items.map((u: any) => u.id)).not.toContain(a.userId);
    expect(disabled.items.find((u: any) => u.id === b.userId)).toMatchObject({
      disabled: true,
      lastSignInAt: null,
      abilities: { enable: true, disable: false },
    });
    const enabled = await list('state=enabled');
    expect(enabled.items.map((u: any) => u.id)).toContain(a.userId);
    expect(enabled.items.every((u: any) => !u.disabled)).toBe(true);

    const withRole = await list(`roleId=${role.id}`);
    expect(withRole.items.map((u: any) => u.id)).toEqual([a.userId]);
    expect((await t.admin.request({ method: 'GET', url: '/api/users?state=locked' })).statusCode).toBe(400);
  });

  it('shows a name delayed by failed sign-ins, and unlocking lets the owner in at once', async () => {
    const a = await personWithAccount([]);
    for (let i = 0; i < 3; i++) expect((await login(a.username, 'wrong-password')).statusCode).toBe(401);
    expect((await login(a.username, a.initialPassword)).statusCode).toBe(429);

    const delayed = await list('state=delayed');
    const row = delayed.items.find((u: any) => u.id === a.userId);
    expect(row).toMatchObject({ signInDelayedUntil: expect.any(String), abilities: { unlock: true } });
    expect(Date.parse(row.signInDelayedUntil)).toBeGreaterThan(t.clock.now().getTime());
    expect(delayed.items.every((u: any) => u.signInDelayedUntil !== null)).toBe(true);

    const unlocked = await t.admin.request({ method: 'POST', url: `/api/users/${a.userId}/unlock` });
    expect(unlocked.json()).toEqual({ released: 1 });
    expect((await list('state=delayed')).items.map((u: any) => u.id)).not.toContain(a.userId);
    expect((await login(a.username, a.initialPassword)).statusCode).toBe(200);

    const log = (await t.admin.request({ method: 'GET', url: `/api/sign-ins?username=${a.username}` })).json();
    expect(log.items.map((e: any) => e.result)).toEqual(['success', 'unlocked', 'delayed', 'bad_password', 'bad_password', 'bad_password']);
    const audit = (await t.admin.request({ method: 'GET', url: `/api/audit?entityType=user&entityId=${a.userId}` })).json();
    expect(audit.items.find((e: any) => e.action === 'user.unlock')).toBeTruthy();
    // nothing to release now: harmless
    expect((await t.admin.request({ method: 'POST', url: `/api/users/${a.userId}/unlock` })).json()).toEqual({ released: 0 });
  });

  it('keeps the list from everyone without users.manage, and a manager from accounts more powerful than theirs', async () => {
    const { session: reader } = await buildSignedInUser(t, { permissions: ['org.read', 'people.read'] });
    expect((await reader.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await reader.request({ method: 'POST', url: `/api/users/${reader.user.id}/unlock` })).statusCode).toBe(403);

    const { session: manager } = await buildSignedInUser(t, { permissions: ['users.manage', 'people.read'], dataScope: 'dept' });
    const admin = (await manager.request({ method: 'GET', url: '/api/users?q=admin' }))
      .json()
      .items.find((u: any) => u.username === 'admin');
    expect(admin.abilities).toEqual({ disable: false, enable: false, resetPassword: false, unlock: false, setRoles: false });
    const refused = await manager.request({ method: 'POST', url: `/api/users/${admin.id}/unlock` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_more_powerful');
    const self = (await manager.request({ method: 'GET', url: `/api/users?q=${manager.user.username}` })).json().items[0];
    expect(self.abilities.disable).toBe(false); // never oneself
  });

  it('answers 404 for an unknown account', async () => {
    expect((await t.admin.request({ method: 'POST', url: '/api/users/nobody/unlock' })).statusCode).toBe(404);
  });
});
