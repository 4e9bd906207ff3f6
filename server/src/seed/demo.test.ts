import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Post } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { DEMO_PASSWORD, seedCounts, seedDemo } from './demo.ts';

describe.each(ENGINES)('demo seed on %s', (engine) => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    // No wall-clock budget: speed is the bench's to measure (bench/), not a test's to guess on a
    // shared machine. The tests below hold the seed to what it made.
    first = await seedDemo(t.db, t.clock);
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes a credible organisation: ≥30 departments, ≥150 people, posts everywhere', async () => {
    expect(first.seeded).toBe(true);
    expect(first.departments).toBeGreaterThanOrEqual(30);
    expect(first.people).toBeGreaterThanOrEqual(150);
    const names = (await t.db.db.selectFrom('departments').select('name').execute()).map((d) => d.name);
    for (const n of ['勤廉新区党工委管委会', '模范机关建设领导小组办公室', '纪检监察工委', '经济发展局', '儒乐湖新城', '新区城投集团'])
      expect(names).toContain(n);
    const people = await t.db.db.selectFrom('people').select(['name', 'phone', 'status']).execute();
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
    expect(people.every((p) => /^1\d{10}$/.test(p.phone ?? ''))).toBe(true);
    expect(people.filter((p) => p.status === 'away').length).toBeGreaterThan(0);
    expect(people.filter((p) => p.status === 'active').length).toBeGreaterThan(people.length * 0.8);
  });

  it('gives every post distinct A and B holders from its own department', async () => {
    const res = await t.admin.request({ method: 'GET', url: '/api/posts' });
    const posts = (res.json() as { items: Post[] }).items;
    expect(posts.length).toBe(first.posts);
    expect(posts.length).toBeGreaterThanOrEqual(30);
    const people = new Map((await t.db.db.selectFrom('people').select(['id', 'departmentId', 'status']).execute()).map((p) => [p.id, p]));
    for (const p of posts) {
      expect(p.aPersonId && p.bPersonId && p.aPersonId !== p.bPersonId, p.name).toBe(true);
      expect(people.get(p.aPersonId!)!.departmentId).toBe(p.departmentId);
      expect(people.get(p.bPersonId!)!.departmentId).toBe(p.departmentId);
    }
    expect(posts.some((p) => p.actingPersonId === p.bPersonId)).toBe(true);
  });

  it('opens the four demo accounts with their roles and scopes', async () => {
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const depthead = await signIn(t.app, 'depthead', DEMO_PASSWORD);
    const staff = await signIn(t.app, 'staff1', DEMO_PASSWORD);
    await signIn(t.app, 'inspector', DEMO_PASSWORD);
    const total = (s: typeof office) =>
      s.request({ method: 'GET', url: '/api/people', query: { pageSize: '1' } }).then((r) => (r.json() as { total: number }).total);
    expect(await total(office)).toBe(first.people);
    const headSees = await total(depthead);
    const staffSees = await total(staff);
    expect(headSees).toBeGreaterThan(staffSees);
    expect(staffSees).toBeGreaterThan(1);
    const session = (await depthead.request({ method: 'GET', url: '/api/auth/session' })).json() as {
      user: { mustChangePassword: boolean; dataScope: string };
    };
    expect(session.user).toMatchObject({ mustChangePassword: false, dataScope: 'dept_and_below' });
    const staffList = (await staff.request({ method: 'GET', url: '/api/people', query: { pageSize: '200' } })).json() as {
      items: Person[];
    };
    expect(new Set(staffList.items.map((p) => p.departmentName))).toEqual(new Set(['经济发展局']));
  });

  it('opens an account for every holder of a post, exactly as the README lists them', async () => {
    const rows = await t.db.db
      .selectFrom('posts')
      .innerJoin('departments', 'departments.id', 'posts.departmentId')
      .leftJoin('users as ua', 'ua.personId', 'posts.aPersonId')
      .leftJoin('users as ub', 'ub.personId', 'posts.bPersonId')
      .select(['departments.name as dept', 'posts.name as post', 'ua.username as a', 'ub.username as b'])
      .execute();
    expect(rows.every((r) => r.a && r.b)).toBe(true);
    const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const listed = [...readme.matchAll(/^\| (.+?) \| (.+?) \| `([\w.-]+)` \| `([\w.-]+)` \|$/gm)].map(
      (m) => `${m[1]}|${m[2]}|${m[3]}|${m[4]}`,
    );
    expect(listed.sort()).toEqual(rows.map((r) => `${r.dept}|${r.post}|${r.a}|${r.b}`).sort());
    const holders = new Set(rows.flatMap((r) => [r.a!, r.b!]));
    const named = ['office', 'depthead', 'staff1', 'inspector'];
    const accounts = (await t.db.db.selectFrom('users').select('username').execute()).map((u) => u.username).filter((u) => u !== 'admin');
    expect(accounts.filter((u) => !named.includes(u)).sort()).toEqual([...holders].filter((u) => !named.includes(u)).sort());
    // the README's count: the five named ones (leader comes with the campaign) and the holders
    const total = readme.match(/共 (\d+) 个，密码都是/)![1];
    expect(Number(total)).toBe(accounts.length + 1);
    expect(readme).toContain(`（${accounts.length - named.length} 个，见后表）`);
    const holder = await signIn(t.app, 'jfj.4', DEMO_PASSWORD); // 经济发展局 重大项目调度岗 A
    expect(holder.user.username).toBe('jfj.4');
  });

  it('records audit events for what it made, in an intact chain', async () => {
    const n = Number(
      (
        await t.db.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'person.create')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(n).toBe(first.people);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it('does nothing the second time', async () => {
    const seq = async () => (await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq;
    const before = [await seedCounts(t.db), await seq()];
    const again = await seedDemo(t.db, t.clock);
    expect(again.seeded).toBe(false);
    expect([await seedCounts(t.db), await seq()]).toEqual(before);
  });
});
