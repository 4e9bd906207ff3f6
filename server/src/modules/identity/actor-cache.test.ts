import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildRole, buildSignedInUser } from '../../../test/factories.ts';
import { ACTOR_TTL_MS } from './actor.ts';
import { identityRepo } from './identity.repo.ts';

/**
 * Actors are cached per account between requests: every change to what an actor is made of must
 * still apply to the very next request. Each test warms the cache with a request first.
 */
describe.each(ENGINES)('cached actors on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const admin = (method: 'PUT' | 'PATCH' | 'POST', url: string, payload?: object) => t.admin.request({ method, url, payload });
  const statusOf = async (res: Promise<{ statusCode: number }>) => (await res).statusCode;

  it('keeps a custom-scope role’s departments when a PATCH only renames it', async () => {
    const dept = await buildDepartment(t);
    const created = await admin('POST', '/api/roles', {
      code: `custom_${Date.now().toString(36)}`,
      name: '自定义范围',
      permissions: ['people.read'],
      dataScope: 'custom',
      customDepartmentIds: [dept.id],
    });
    expect(created.statusCode).toBe(201);
    const renamed = await admin('PATCH', `/api/roles/${created.json().id}`, { name: '改名后', version: created.json().version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '改名后', dataScope: 'custom', customDepartmentIds: [dept.id] });
  });

  it('applies new roles to the next request, in both directions', async () => {
    const { user, role, session } = await buildSignedInUser(t, { permissions: ['people.read'] });
    const without = await buildRole(t, ['org.read']);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    expect((await admin('PUT', `/api/users/${user.id}/roles`, { roleIds: [without.id] })).statusCode).toBe(200);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(403);
    expect((await admin('PUT', `/api/users/${user.id}/roles`, { roleIds: [role.id] })).statusCode).toBe(200);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
  });

  it('applies a permission taken from a role to sessions and API tokens at once', async () => {
    const { user, role, session } = await buildSignedInUser(t, { permissions: ['people.read', 'org.read'] });
    const issued = await admin('POST', '/api/api-tokens', { userId: user.id, name: '对接' });
    expect(issued.statusCode, issued.body).toBe(201);
    const bearer = { authorization: `Bearer ${issued.json().token}` };
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    expect(await statusOf(t.app.inject({ method: 'GET', url: '/api/people', headers: bearer }))).toBe(200);
    const edited = await admin('PATCH', `/api/roles/${role.id}`, { permissions: ['org.read'], version: role.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(403);
    expect(await statusOf(t.app.inject({ method: 'GET', url: '/api/people', headers: bearer }))).toBe(403);
  });

  it('refuses a disabled account on its next request', async () => {
    const { user, session } = await buildSignedInUser(t, { permissions: ['people.read'] });
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    expect((await admin('POST', `/api/users/${user.id}/disable`)).statusCode).toBe(200);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(401);
  });

  it("follows the account's person to another department", async () => {
    const before = await buildPerson(t);
    const colleague = await buildPerson(t, { departmentId: before.departmentId });
    const elsewhere = await buildPerson(t);
    const { session } = await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept', personId: before.id });
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).json().user.departmentId).toBe(before.departmentId);
    expect(await statusOf(session.request({ method: 'GET', url: `/api/people/${elsewhere.id}` }))).toBe(404);
    const moved = await admin('PATCH', `/api/people/${before.id}`, { departmentId: elsewhere.departmentId, version: before.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/auth/session' })).json().user.departmentId).toBe(elsewhere.departmentId);
    expect(await statusOf(session.request({ method: 'GET', url: `/api/people/${elsewhere.id}` }))).toBe(200);
    expect(await statusOf(session.request({ method: 'GET', url: `/api/people/${colleague.id}` }))).toBe(404);
  });

  it('widens and narrows a subtree scope as departments move in and out, and as new ones are made', async () => {
    const unit = await buildDepartment(t);
    const head = await buildPerson(t, { departmentId: unit.id });
    const { session } = await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept_and_below', personId: head.id });
    const office = await buildDepartment(t);
    const clerk = await buildPerson(t, { departmentId: office.id });
    const see = (id: string) => statusOf(session.request({ method: 'GET', url: `/api/people/${id}` }));
    expect(await see(clerk.id)).toBe(404);

    const moveIn = await admin('PATCH', `/api/departments/${office.id}`, { parentId: unit.id, version: office.version });
    expect(moveIn.statusCode, moveIn.body).toBe(200);
    expect(await see(clerk.id)).toBe(200);
    const moveOut = await admin('PATCH', `/api/departments/${office.id}`, { parentId: unit.parentId, version: moveIn.json().version });
    expect(moveOut.statusCode, moveOut.body).toBe(200);
    expect(await see(clerk.id)).toBe(404);

    const child = await admin('POST', '/api/departments', { name: '新设科室', parentId: unit.id });
    expect(child.statusCode, child.body).toBe(201);
    expect(await see(head.id)).toBe(200);
    const newcomer = await buildPerson(t, { departmentId: child.json().id });
    expect(await see(newcomer.id)).toBe(200);
  });

  it('sees a change written behind its back (another app instance) within ACTOR_TTL_MS', async () => {
    const { role, session } = await buildSignedInUser(t, { permissions: ['people.read'] });
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    // not through this process's services: as another instance on the same PostgreSQL would write it
    await t.db.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['org.read']) })
      .where('id', '=', role.id)
      .execute();
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    t.clock.advance(ACTOR_TTL_MS);
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(403);
  });

  it('rebuilds an expired actor once for the requests that find it expired together', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['people.read'] });
    expect(await statusOf(session.request({ method: 'GET', url: '/api/people' }))).toBe(200);
    t.clock.advance(ACTOR_TTL_MS);
    const builds = vi.spyOn(identityRepo, 'rolesOfUser');
    try {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, () => statusOf(session.request({ method: 'GET', url: '/api/people' }))),
      );
      expect(statuses).toEqual(Array(10).fill(200));
      expect(builds).toHaveBeenCalledTimes(1);
    } finally {
      builds.mockRestore();
    }
  });
});
