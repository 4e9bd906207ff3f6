import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EnquiryPage,
  Person,
  PlannedAbsencePage,
  Post,
  PublicBadge,
  PublicDepartmentRatings,
  PublicDoorBoard,
  Rating,
  RectificationPage,
  WhereaboutsBoard,
} from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { verifyAuditRecords } from '../platform/audit/verify-records.ts';
import { DEMO_PASSWORD, seedCounts, seedDemo } from './demo.ts';
import { seedOfficeRules } from './office-rules-demo.ts';

describe.each(ENGINES)('demo seed on %s', (engine) => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  let rules: Awaited<ReturnType<typeof seedOfficeRules>>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    // No wall-clock budget: speed is the bench's to measure (bench/), not a test's to guess on a
    // shared machine. The tests below hold the seed to what it made.
    first = await seedDemo(t.db, t.clock);
    rules = await seedOfficeRules(t.db, { keys: t.config, clock: t.clock });
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

  it('records an audit event for every office-rules record, and the rows as their events left them', async () => {
    const count = async (table: 'enquiries' | 'ratings' | 'rectifications' | 'badges' | 'plannedAbsences' | 'departmentRatingPages') =>
      Number(
        (
          await t.db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audited = async (action: string) =>
      Number(
        (
          await t.db.db
            .selectFrom('auditEvents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const [table, action] of [
      ['enquiries', 'enquiry.create'],
      ['ratings', 'rating.create'],
      ['rectifications', 'rectification.open'],
      ['badges', 'badge.issue'],
      ['plannedAbsences', 'planned_absence.create'],
      ['departmentRatingPages', 'rating_page.issue'],
    ] as const) {
      expect(await count(table), table).toBeGreaterThan(0);
      expect(await audited(action), action).toBe(await count(table));
    }
    expect(await audited('whereabouts.set')).toBeGreaterThanOrEqual(10);
    expect((await verifyAuditRecords(t.db.db)).records?.problems).toEqual([]);
  });

  const departmentId = async (name: string) =>
    (await t.db.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const personOf = async (username: string) =>
    t.db.db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.personId')
      .select(['people.id', 'people.name'])
      .where('users.username', '=', username)
      .executeTakeFirstOrThrow();
  let visitors = 0;
  const visitor = () => ({
    remoteAddress: `203.0.113.${++visitors}`,
    headers: { 'x-device-id': `demo-visitor-${engine}-${visitors}-0000` },
  });

  it('puts today on the 去向牌: several states, B acting for A on leave, absences registered ahead', async () => {
    expect(rules.seeded).toBe(true);
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const jfj = await departmentId('经济发展局');
    const board: WhereaboutsBoard = (await office.request({ method: 'GET', url: `/api/whereabouts/departments/${jfj}` })).json();
    const states = board.people.map((p) => p.state);
    for (const s of ['in_office', 'meeting', 'out', 'trip', 'leave']) expect(states, s).toContain(s);
    const now = t.clock.now().toISOString();
    const meeting = board.people.find((p) => p.state === 'meeting')!;
    expect(meeting.place).toBeTruthy();
    expect(meeting.expectedReturnAt! > now).toBe(true);
    const staff1 = await personOf('staff1');
    const onLeave = board.people.find((p) => p.state === 'leave')!;
    expect(onLeave).toMatchObject({ actingPersonId: staff1.id, source: 'planned' });
    expect(onLeave.plannedAbsenceId).not.toBeNull();

    const { code } = (await office.request({ method: 'GET', url: `/api/whereabouts/departments/${jfj}/door-board` })).json() as {
      code: string;
    };
    const door: PublicDoorBoard = (await t.app.inject({ method: 'GET', url: `/api/public/door-boards/${code}`, ...visitor() })).json();
    expect(door.people.find((p) => p.state === 'leave')?.actingPersonName).toBe(staff1.name);
    expect(door.counts.away).toBeGreaterThanOrEqual(3);

    const absences = async (status: string): Promise<PlannedAbsencePage> =>
      (await office.request({ method: 'GET', url: '/api/whereabouts/planned-absences', query: { status } })).json();
    const ahead = await absences('scheduled');
    expect(ahead.items.length).toBeGreaterThanOrEqual(1);
    expect(ahead.items.every((a) => a.startsAt > now)).toBe(true);
    expect((await absences('active')).items.map((a) => a.kind).sort()).toEqual(['leave', 'training']);
  });

  it('has enquiries in every state; staff1 holds one for the A on leave', async () => {
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const all: EnquiryPage = (await office.request({ method: 'GET', url: '/api/enquiries', query: { box: 'all', pageSize: '50' } })).json();
    expect(all.total).toBe(7);
    expect(new Set(all.items.map((e) => e.status))).toEqual(new Set(['open', 'handing_over', 'replied', 'closed']));
    expect(new Set(all.items.map((e) => e.channel))).toEqual(new Set(['visitor', 'phone', 'message']));
    expect(all.items.find((e) => e.status === 'handing_over')?.pendingTo).toMatchObject({ kind: 'department', name: '财政金融局' });

    const staff = await signIn(t.app, 'staff1', DEMO_PASSWORD);
    const mine: EnquiryPage = (await staff.request({ method: 'GET', url: '/api/enquiries', query: { box: 'mine' } })).json();
    expect(mine.items.length).toBe(2);
    const held = mine.items.find((e) => e.actingForPersonId)!;
    expect(held).toMatchObject({ channel: 'message', status: 'open', departmentName: '经济发展局' });
    expect(held.enquirerName).not.toBe('赣江储能科技有限公司'); // masked in lists
  });

  it('has ten ratings, two bad ones with their 整改, one appealed; the office hand-made items, one awaiting verification', async () => {
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const ratings: { items: Rating[]; total: number } = (
      await office.request({ method: 'GET', url: '/api/ratings', query: { pageSize: '50' } })
    ).json();
    expect(ratings.total).toBe(10);
    expect(ratings.items.filter((r) => r.score >= 4).length).toBe(8);
    const bad = ratings.items.filter((r) => r.bad);
    expect(bad.map((r) => r.source).sort()).toEqual(['badge', 'enquiry']);
    expect(bad.every((r) => r.rectification?.status === 'open')).toBe(true);
    const appealed = ratings.items.filter((r) => r.appealState === 'appealed');
    expect(appealed).toHaveLength(1);
    expect(appealed[0]!.abilities.decide).toBe(true);

    const items: RectificationPage = (
      await office.request({ method: 'GET', url: '/api/rectifications', query: { pageSize: '50' } })
    ).json();
    expect(items.total).toBeGreaterThanOrEqual(3);
    expect(items.items.filter((i) => i.source === 'bad_review')).toHaveLength(2);
    const submitted = items.items.filter((i) => i.status === 'submitted');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ source: 'other', departmentName: '经济发展局', abilities: { verify: true } });
    expect(items.items.filter((i) => i.source === 'other' && i.status === 'open')).toHaveLength(1);
  });

  it('issues badges and ratings pages: a badge code answers publicly with its ratings', async () => {
    const window = await t.db.db
      .selectFrom('ratings')
      .innerJoin('badges', 'badges.personId', 'ratings.personId')
      .select(['badges.code', 'badges.personId'])
      .where('ratings.source', '=', 'badge')
      .where('ratings.score', '=', 5)
      .executeTakeFirstOrThrow();
    const badge: PublicBadge = (await t.app.inject({ method: 'GET', url: `/api/public/badges/${window.code}`, ...visitor() })).json();
    expect(badge.rating.count).toBeGreaterThanOrEqual(1);
    expect(badge.departmentName).toBeTruthy();
    const holders = await t.db.db.selectFrom('posts').select(['aPersonId', 'bPersonId']).where('archivedAt', 'is', null).execute();
    const badged = new Set((await t.db.db.selectFrom('badges').select('personId').execute()).map((b) => b.personId));
    expect(holders.flatMap((h) => [h.aPersonId, h.bPersonId]).every((id) => id && badged.has(id))).toBe(true);
    const land = await departmentId('自然资源和规划局');
    const page = await t.db.db
      .selectFrom('departmentRatingPages')
      .select('code')
      .where('departmentId', '=', land)
      .executeTakeFirstOrThrow();
    const pub: PublicDepartmentRatings = (
      await t.app.inject({ method: 'GET', url: `/api/public/departments/${page.code}/ratings`, ...visitor() })
    ).json();
    expect(pub.badReviews).toHaveLength(1);
    expect(pub.badReviews[0]).toMatchObject({ score: 2, appealState: 'appealed', rectificationStatus: 'open' });
  });

  it('does nothing the second time', async () => {
    const seq = async () => (await t.db.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq;
    const before = [await seedCounts(t.db), await seq()];
    const again = await seedDemo(t.db, t.clock);
    expect(again.seeded).toBe(false);
    expect((await seedOfficeRules(t.db, { keys: t.config, clock: t.clock })).seeded).toBe(false);
    expect([await seedCounts(t.db), await seq()]).toEqual(before);
  });
});
