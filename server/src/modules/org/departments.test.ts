import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Person } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser, rootDepartment } from '../../../test/factories.ts';

const pathOf = async (t: TestApp, id: string) =>
  await t.db.db.selectFrom('departments').select(['path', 'depth']).where('id', '=', id).executeTakeFirstOrThrow();

describe.each(ENGINES)('departments on %s', (engine) => {
  let t: TestApp;
  let root: { id: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    root = await rootDepartment(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates under a parent with an audit record; a second root is refused', async () => {
    const res = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: '数据局', parentId: root.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '数据局', parentId: root.id, kind: 'department', archived: false, headcount: 0, version: 1 });
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['department.create']);
    const second = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: '另一个顶级', parentId: null } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('root_department_exists');
    const dup = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: '数据局', parentId: root.id } });
    expect(dup.statusCode).toBe(409);
    const nul = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: '数据\u0000局', parentId: root.id } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields).toEqual([{ path: 'body.name', message: expect.any(String) }]);
  });

  it('renames with an optimistic version; sibling names stay unique', async () => {
    const d = await buildDepartment(t, { name: '旧名称局' });
    await buildDepartment(t, { name: '已占用局' });
    const ok = await t.admin.request({ method: 'PATCH', url: `/api/departments/${d.id}`, payload: { name: '新名称局', version: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '新名称局', version: 2 });
    const stale = await t.admin.request({ method: 'PATCH', url: `/api/departments/${d.id}`, payload: { name: '再改', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const clash = await t.admin.request({ method: 'PATCH', url: `/api/departments/${d.id}`, payload: { name: '已占用局' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toMatchObject([{ path: 'body.name' }]);
  });

  it('moves a department with its whole subtree, and refuses cycles', async () => {
    const a = await buildDepartment(t, { name: '甲局' });
    const a1 = await buildDepartment(t, { name: '甲一科', parentId: a.id });
    const a11 = await buildDepartment(t, { name: '甲一组', parentId: a1.id });
    const b = await buildDepartment(t, { name: '乙局' });
    const person = await buildPerson(t, { departmentId: a11.id });

    const moved = await t.admin.request({ method: 'PATCH', url: `/api/departments/${a.id}`, payload: { parentId: b.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().parentId).toBe(b.id);
    const bPath = (await pathOf(t, b.id)).path;
    expect(await pathOf(t, a.id)).toEqual({ path: `${bPath}${a.id}/`, depth: 2 });
    expect(await pathOf(t, a1.id)).toEqual({ path: `${bPath}${a.id}/${a1.id}/`, depth: 3 });
    expect(await pathOf(t, a11.id)).toEqual({ path: `${bPath}${a.id}/${a1.id}/${a11.id}/`, depth: 4 });
    const underB = (await t.admin.request({ method: 'GET', url: '/api/people', query: { departmentId: b.id } })).json() as {
      items: Person[];
    };
    expect(underB.items.map((p) => p.id)).toEqual([person.id]);
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', a.id).orderBy('seq').execute();
    expect(audit.map((x) => x.action)).toEqual(['department.create', 'department.move']);

    for (const target of [a.id, a1.id, a11.id]) {
      const cycle = await t.admin.request({ method: 'PATCH', url: `/api/departments/${a.id}`, payload: { parentId: target } });
      expect(cycle.statusCode, target).toBe(409);
      expect(cycle.json().error).toMatchObject({ code: 'department_cycle', fields: [{ path: 'body.parentId' }] });
    }
    expect(await pathOf(t, a11.id)).toEqual({ path: `${bPath}${a.id}/${a1.id}/${a11.id}/`, depth: 4 });
  });

  it('archives only when no live children or people remain, and never deletes', async () => {
    const d = await buildDepartment(t, { name: '撤销测试局' });
    const child = await buildDepartment(t, { name: '撤销测试科', parentId: d.id });
    const person = await buildPerson(t, { departmentId: child.id });

    const withChild = await t.admin.request({ method: 'POST', url: `/api/departments/${d.id}/archive` });
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.code).toBe('department_has_active_children');
    const withPeople = await t.admin.request({ method: 'POST', url: `/api/departments/${child.id}/archive` });
    expect(withPeople.statusCode).toBe(409);
    expect(withPeople.json().error).toMatchObject({ code: 'department_has_people' });
    expect(withPeople.json().error.message).toContain('1');

    // someone who has left does not hold the department open
    await t.admin.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { status: 'left' } });
    expect((await t.admin.request({ method: 'POST', url: `/api/departments/${child.id}/archive` })).json().archived).toBe(true);
    const archived = await t.admin.request({ method: 'POST', url: `/api/departments/${d.id}/archive` });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true });
    expect((await t.admin.request({ method: 'POST', url: `/api/departments/${d.id}/archive` })).statusCode).toBe(200);

    const live = (await t.admin.request({ method: 'GET', url: '/api/departments' })).json() as { items: Department[] };
    expect(live.items.map((x) => x.id)).not.toContain(d.id);
    const all = (await t.admin.request({ method: 'GET', url: '/api/departments', query: { includeArchived: 'true' } })).json() as {
      items: Department[];
    };
    expect(all.items.find((x) => x.id === d.id)?.archived).toBe(true);
    expect(await t.db.db.selectFrom('departments').select('id').where('id', 'in', [d.id, child.id]).execute()).toHaveLength(2);
    const under = await t.admin.request({ method: 'POST', url: '/api/departments', payload: { name: '挂到撤销部门下', parentId: d.id } });
    expect(under.statusCode).toBe(409);
    expect(under.json().error.code).toBe('department_archived');
  });

  it('allows and denies by permission and scope', async () => {
    const mine = await buildDepartment(t, { name: '本部门' });
    const theirs = await buildDepartment(t, { name: '他部门' });
    const me = await buildPerson(t, { departmentId: mine.id });
    const reader = (await buildSignedInUser(t, { permissions: ['org.read'], dataScope: 'dept', personId: me.id })).session;
    const items = ((await reader.request({ method: 'GET', url: '/api/departments' })).json() as { items: Department[] }).items;
    expect(items.map((x) => x.id)).toEqual([mine.id]);
    expect(items[0]!.abilities.manage).toBe(false);
    expect((await reader.request({ method: 'GET', url: `/api/departments/${theirs.id}` })).statusCode).toBe(404);
    expect(
      (await reader.request({ method: 'POST', url: '/api/departments', payload: { name: '无权', parentId: mine.id } })).statusCode,
    ).toBe(403);
    expect((await reader.request({ method: 'PATCH', url: `/api/departments/${mine.id}`, payload: { name: '无权' } })).statusCode).toBe(403);
    expect((await reader.request({ method: 'POST', url: `/api/departments/${mine.id}/archive` })).statusCode).toBe(403);
    const nobody = (await buildSignedInUser(t, { permissions: ['people.read'] })).session;
    expect((await nobody.request({ method: 'GET', url: '/api/departments' })).statusCode).toBe(403);

    const mePerson = await buildPerson(t, { departmentId: mine.id });
    const manager = (
      await buildSignedInUser(t, { permissions: ['org.read', 'org.manage'], dataScope: 'dept_and_below', personId: mePerson.id })
    ).session;
    const child = await manager.request({ method: 'POST', url: '/api/departments', payload: { name: '下设科', parentId: mine.id } });
    expect(child.statusCode, child.body).toBe(201);
    expect(
      (await manager.request({ method: 'POST', url: '/api/departments', payload: { name: '越界', parentId: theirs.id } })).statusCode,
    ).toBe(404);
    expect((await manager.request({ method: 'PATCH', url: `/api/departments/${theirs.id}`, payload: { name: '越界' } })).statusCode).toBe(
      404,
    );
  });
});
