import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeLimitStats } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser, buildTimer } from '../../../test/factories.ts';

const morningOf = (date: string) => new Date(`${date}T02:00:00Z`);
const TODAY = '2026-12-07'; // Monday

/**
 * 按期办结统计 through the real app, over a small organisation R → A (A1 below it), B: per
 * department and per person, filtered by kind, department and due dates, within the caller's data
 * scope — the office sees all, A's head sees A and A1, a person with only their own scope sees their
 * own items, staff without the permission see nothing.
 */
describe.each(ENGINES)('on-time statistics on %s', (engine) => {
  let t: TestApp;
  let org: { r: string; a: string; a1: string; b: string };
  let who: { pa: string; pa1: string; pb: string };
  let office: Session;
  let headOfA: Session;
  let ownOnly: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(morningOf(TODAY)); // before anyone signs in: sessions live on this clock
    const r = await buildDepartment(t);
    const a = await buildDepartment(t, { parentId: r.id, name: '甲局' });
    const a1 = await buildDepartment(t, { parentId: a.id, name: '甲局一科' });
    const b = await buildDepartment(t, { parentId: r.id, name: '乙局' });
    org = { r: r.id, a: a.id, a1: a1.id, b: b.id };
    const [pa, pa1, pb] = [
      await buildPerson(t, { departmentId: a.id }),
      await buildPerson(t, { departmentId: a1.id }),
      await buildPerson(t, { departmentId: b.id }),
    ];
    who = { pa: pa.id, pa1: pa1.id, pb: pb.id };

    const week = morningOf('2026-11-30'); // Monday: enquiries due Thursday 3 December
    await buildTimer(t, { departmentId: a.id, ownerPersonId: pa.id, startAt: week, doneAt: morningOf('2026-12-02') }); // on time
    await buildTimer(t, { departmentId: a.id, ownerPersonId: pa.id, startAt: week, doneAt: morningOf('2026-12-04') }); // late
    await buildTimer(t, { departmentId: a.id, ownerPersonId: pa.id, startAt: morningOf(TODAY) }); // open, due 10 December
    await buildTimer(t, { departmentId: a1.id, ownerPersonId: pa1.id, startAt: morningOf('2026-11-23') }); // open, due 26 November
    await buildTimer(t, { kind: 'task', departmentId: a1.id, ownerPersonId: pa1.id, startAt: week, dueOn: '2026-12-31' }); // open
    await buildTimer(t, { departmentId: b.id, ownerPersonId: pb.id, startAt: week, doneAt: morningOf('2026-12-01') }); // on time
    await buildTimer(t, { departmentId: b.id, ownerPersonId: null, startAt: week }); // open past 3 December, nobody named

    office = (await buildSignedInUser(t, { permissions: ['time_limits.stats'] })).session;
    headOfA = (
      await buildSignedInUser(t, {
        permissions: ['time_limits.stats'],
        dataScope: 'dept_and_below',
        personId: (await buildPerson(t, { departmentId: a.id })).id,
      })
    ).session;
    ownOnly = (await buildSignedInUser(t, { permissions: ['time_limits.stats'], dataScope: 'self', personId: pa1.id })).session;
    staff = (
      await buildSignedInUser(t, {
        permissions: ['tasks.read', 'tasks.handle'],
        dataScope: 'dept',
        personId: (await buildPerson(t, { departmentId: a.id })).id,
      })
    ).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const stats = async (s: Session, query: string) => {
    const res = await s.request({ method: 'GET', url: `/api/time-limits/stats?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TimeLimitStats;
  };
  const figures = (f: {
    doneOnTime: number;
    doneLate: number;
    openWithinLimit: number;
    openOverdue: number;
    onTimeRate: number | null;
  }) => [f.doneOnTime, f.doneLate, f.openWithinLimit, f.openOverdue, f.onTimeRate];

  it('counts per department and per person for the office, with the on-time rate of decided items', async () => {
    const s = await stats(office, `departmentId=${org.r}`);
    expect(s.today).toBe(TODAY);
    expect(figures(s.total)).toEqual([2, 1, 2, 2, 40]);
    const dept = (id: string) => figures(s.departments.find((d) => d.departmentId === id)!);
    expect(s.departments.map((d) => d.departmentName)).toEqual(['甲局', '甲局一科', '乙局']); // most items first
    expect(dept(org.a)).toEqual([1, 1, 1, 0, 50]);
    expect(dept(org.a1)).toEqual([0, 0, 1, 1, 0]);
    expect(dept(org.b)).toEqual([1, 0, 0, 1, 50]);
    const person = (id: string) => s.people.find((p) => p.personId === id)!;
    expect(s.people).toHaveLength(3); // the item nobody owns counts for its department only
    expect(figures(person(who.pa))).toEqual([1, 1, 1, 0, 50]);
    expect(person(who.pa1)).toMatchObject({ departmentId: org.a1, departmentName: '甲局一科', onTimeRate: 0 });
    expect(figures(person(who.pb))).toEqual([1, 0, 0, 0, 100]);
  });

  it('filters by kind and by due dates', async () => {
    const tasks = await stats(office, `departmentId=${org.r}&kind=task`);
    expect(figures(tasks.total)).toEqual([0, 0, 1, 0, null]);
    expect(tasks.departments.map((d) => d.departmentId)).toEqual([org.a1]);
    const week = await stats(office, `departmentId=${org.r}&kind=enquiry&from=2026-12-01&to=2026-12-05`);
    expect(figures(week.total)).toEqual([2, 1, 0, 1, 50]);
    const reversed = await office.request({ method: 'GET', url: '/api/time-limits/stats?from=2026-12-05&to=2026-12-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('querystring.to');
  });

  it('shows a department head their department and those below it, and nothing outside', async () => {
    const s = await stats(headOfA, '');
    expect(s.departments.map((d) => d.departmentId).sort()).toEqual([org.a, org.a1].sort());
    expect(s.people.map((p) => p.personId).sort()).toEqual([who.pa, who.pa1].sort());
    expect(figures(s.total)).toEqual([1, 1, 2, 1, 33.3]);
    expect((await stats(headOfA, `departmentId=${org.a1}`)).departments.map((d) => d.departmentId)).toEqual([org.a1]);
    for (const outside of [org.b, org.r]) {
      const res = await headOfA.request({ method: 'GET', url: `/api/time-limits/stats?departmentId=${outside}` });
      expect(res.statusCode, outside).toBe(404);
    }
  });

  it('shows a person whose scope is their own only their own items', async () => {
    const s = await stats(ownOnly, '');
    expect(s.people.map((p) => p.personId)).toEqual([who.pa1]);
    expect(figures(s.total)).toEqual([0, 0, 1, 1, 0]);
  });

  it('refuses the figures to staff without the permission, and to nobody signed in', async () => {
    const res = await staff.request({ method: 'GET', url: '/api/time-limits/stats' });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/time-limits/stats' })).statusCode).toBe(401);
    const unknown = await office.request({ method: 'GET', url: '/api/time-limits/stats?departmentId=no-such-department' });
    expect(unknown.statusCode).toBe(404);
  });
});
