import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Post } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser, rootDepartment, setWhereaboutsOf } from '../../../test/factories.ts';

const countPosts = async (t: TestApp) =>
  Number(
    (
      await t.db.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(ENGINES)('posts (AB岗) on %s', (engine) => {
  let t: TestApp;
  let dept: { id: string }, other: { id: string };
  let a: { id: string; name: string },
    b: { id: string; name: string },
    c: { id: string; name: string },
    outsider: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp(engine);
    await rootDepartment(t);
    dept = await buildDepartment(t, { name: '应急管理局' });
    other = await buildDepartment(t, { name: '生态环境局' });
    a = await buildPerson(t, { name: '甲', departmentId: dept.id });
    b = await buildPerson(t, { name: '乙', departmentId: dept.id });
    c = await buildPerson(t, { name: '丙', departmentId: dept.id });
    outsider = await buildPerson(t, { name: '外人', departmentId: other.id });
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (payload: object) => t.admin.request({ method: 'POST', url: '/api/posts', payload });

  it('creates a post with A and B; A acts unless away or gone, then B', async () => {
    const res = await create({ departmentId: dept.id, name: '应急值守岗', duties: '24 小时值班', aPersonId: a.id, bPersonId: b.id });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json() as Post;
    expect(post).toMatchObject({
      departmentName: '应急管理局',
      aPersonName: '甲',
      bPersonName: '乙',
      actingPersonId: a.id,
      archived: false,
      version: 1,
      abilities: { manage: true },
    });
    const actingNow = async () =>
      (
        (await t.admin.request({ method: 'GET', url: '/api/posts', query: { departmentId: dept.id } })).json() as { items: Post[] }
      ).items.find((p) => p.id === post.id)!.actingPersonId;
    await setWhereaboutsOf(t, a.id, 'trip'); // away is the whereabouts board's (去向牌)
    expect(await actingNow(), 'away').toBe(b.id);
    await setWhereaboutsOf(t, a.id, 'in_office');
    expect(await actingNow(), 'back').toBe(a.id);
    for (const [status, acting] of [
      ['left', b.id],
      ['active', a.id],
    ] as const) {
      const person = (await t.admin.request({ method: 'GET', url: `/api/people/${a.id}` })).json() as Person;
      await t.admin.request({ method: 'PATCH', url: `/api/people/${a.id}`, payload: { status, version: person.version } });
      expect(await actingNow(), status).toBe(acting);
    }
    const holder = (await t.admin.request({ method: 'GET', url: `/api/people/${b.id}` })).json() as Person;
    expect(holder.posts).toContainEqual({ id: post.id, name: '应急值守岗', role: 'B' });
    const audit = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', post.id).execute();
    expect(audit.map((x) => x.action)).toEqual(['post.create']);
  });

  it('refuses the same person as A and B, and holders from another department', async () => {
    const before = await countPosts(t);
    const same = await create({ departmentId: dept.id, name: '同人岗', aPersonId: a.id, bPersonId: a.id });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'same_ab_holder', fields: [{ path: 'body.bPersonId' }] });
    const foreign = await create({ departmentId: dept.id, name: '外人岗', aPersonId: a.id, bPersonId: outsider.id });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error).toMatchObject({ code: 'person_not_in_department', fields: [{ path: 'body.bPersonId' }] });
    expect(foreign.json().error.message).toContain('外人');
    const foreignA = await create({ departmentId: dept.id, name: '外人岗', aPersonId: outsider.id });
    expect(foreignA.json().error.fields).toMatchObject([{ path: 'body.aPersonId' }]);
    const unknown = await create({ departmentId: dept.id, name: '幽灵岗', aPersonId: '0190aaaa-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const badType = await create({ departmentId: dept.id, name: 42 });
    expect(badType.statusCode).toBe(400);
    const archived = await buildDepartment(t);
    await t.admin.request({ method: 'POST', url: `/api/departments/${archived.id}/archive` });
    expect((await create({ departmentId: archived.id, name: '撤销部门岗' })).json().error.code).toBe('department_archived');
    expect(await countPosts(t)).toBe(before);
  });

  it('updates holders under the same rules, with an optimistic version', async () => {
    const post = await buildPost(t, { departmentId: dept.id });
    const swap = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { aPersonId: c.id, version: 1 } });
    expect(swap.statusCode, swap.body).toBe(200);
    expect(swap.json()).toMatchObject({ aPersonId: c.id, bPersonId: post.bPersonId, version: 2 });
    const same = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { bPersonId: c.id } });
    expect(same.json().error.code).toBe('same_ab_holder');
    const foreign = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { bPersonId: outsider.id } });
    expect(foreign.json().error.code).toBe('person_not_in_department');
    const stale = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { duties: '新职责', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const vacate = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { aPersonId: null } });
    expect(vacate.json()).toMatchObject({ aPersonId: null, actingPersonId: post.bPersonId });
  });

  it('archives a post: kept, out of the list, no longer editable', async () => {
    const post = await buildPost(t, { departmentId: dept.id });
    const res = await t.admin.request({ method: 'POST', url: `/api/posts/${post.id}/archive` });
    expect(res.statusCode).toBe(200);
    expect(res.json().archived).toBe(true);
    const listed = (await t.admin.request({ method: 'GET', url: '/api/posts', query: { departmentId: dept.id } })).json() as {
      items: Post[];
    };
    expect(listed.items.map((p) => p.id)).not.toContain(post.id);
    expect(await t.db.db.selectFrom('posts').select('id').where('id', '=', post.id).executeTakeFirst()).toBeDefined();
    const edit = await t.admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { name: '复活' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('post_archived');
    const holder = (await t.admin.request({ method: 'GET', url: `/api/people/${post.aPersonId}` })).json() as Person;
    expect(holder.posts.map((p) => p.id)).not.toContain(post.id);
  });

  it('lists by data scope and allows / denies every action', async () => {
    const mine = await buildPost(t, { departmentId: dept.id });
    const theirs = await buildPost(t, { departmentId: other.id });
    const viewerPerson = await buildPerson(t, { departmentId: dept.id });
    const reader = (await buildSignedInUser(t, { permissions: ['org.read'], dataScope: 'dept', personId: viewerPerson.id })).session;
    const listed = (await reader.request({ method: 'GET', url: '/api/posts' })).json() as { items: Post[] };
    expect(listed.items.every((p) => p.departmentId === dept.id)).toBe(true);
    expect(listed.items.map((p) => p.id)).toContain(mine.id);
    expect(listed.items.find((p) => p.id === mine.id)!.abilities.manage).toBe(false);
    expect((await reader.request({ method: 'GET', url: '/api/posts', query: { departmentId: other.id } })).json().items).toEqual([]);
    for (const req of [
      { method: 'POST' as const, url: '/api/posts', payload: { departmentId: dept.id, name: '无权岗' } },
      { method: 'PATCH' as const, url: `/api/posts/${mine.id}`, payload: { name: '无权' } },
      { method: 'POST' as const, url: `/api/posts/${mine.id}/archive` },
    ])
      expect((await reader.request(req)).statusCode, req.url).toBe(403);
    const nobody = (await buildSignedInUser(t, { permissions: ['people.read'] })).session;
    expect((await nobody.request({ method: 'GET', url: '/api/posts' })).statusCode).toBe(403);

    const managerPerson = await buildPerson(t, { departmentId: dept.id });
    const manager = (await buildSignedInUser(t, { permissions: ['org.read', 'org.manage'], dataScope: 'dept', personId: managerPerson.id }))
      .session;
    const ok = await manager.request({
      method: 'POST',
      url: '/api/posts',
      payload: { departmentId: dept.id, name: '本部门岗', aPersonId: a.id, bPersonId: c.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const out = await manager.request({ method: 'POST', url: '/api/posts', payload: { departmentId: other.id, name: '越界岗' } });
    expect(out.statusCode).toBe(404);
    expect((await manager.request({ method: 'PATCH', url: `/api/posts/${theirs.id}`, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await manager.request({ method: 'POST', url: `/api/posts/${theirs.id}/archive` })).statusCode).toBe(404);
  });

  it('refuses a duplicate post name within a department', async () => {
    const post = await buildPost(t, { departmentId: dept.id });
    const dup = await create({ departmentId: dept.id, name: post.name });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toMatchObject([{ path: 'body.name' }]);
    expect((await create({ departmentId: other.id, name: post.name })).statusCode).toBe(201);
  });
});
