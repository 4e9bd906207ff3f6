import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission, PublicDepartmentRatings, Rating, RatingStats } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildBadge, buildDepartment, buildEnquiryToRate, buildPerson, buildPost, buildSignedInUser } from '../../../test/factories.ts';

/**
 * 好差评 through the real app: the public rates from a badge or a closed enquiry, once per service
 * event and within the hourly limit; a bad review opens a rectification item; the department appeals,
 * the office reviews; the console lists (masked) and counts in scope; the department's results are public.
 */
describe.each(ENGINES)('ratings (好差评) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let leader: Session;
  let seq = 0;
  /** every case rates from an address and device of its own: the limits are per address and device */
  const origin = () => {
    seq += 1;
    return { remoteAddress: `198.51.100.${seq}`, device: `rating-device-${engine}-${String(seq).padStart(6, '0')}` };
  };
  const rate = (kind: 'badges' | 'enquiries', code: string, payload: object, from = origin(), lang?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/public/${kind}/${code}/ratings`,
      remoteAddress: from.remoteAddress,
      headers: { 'x-device-id': from.device, ...(lang ? { 'accept-language': lang } : {}) },
      payload,
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    const reviewing: Permission[] = ['ratings.read', 'ratings.review', 'people.read'];
    office = (await buildSignedInUser(t, { permissions: reviewing, personId: (await buildPerson(t)).id })).session;
    leader = (await buildSignedInUser(t, { permissions: ['ratings.read'], personId: (await buildPerson(t)).id })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A department with a head (ratings.read + appeal over it), a staff member (no ratings rights) and a post holder with a badge. */
  const unit = async () => {
    const dept = await buildDepartment(t);
    const post = await buildPost(t, { departmentId: dept.id });
    const head = (
      await buildSignedInUser(t, {
        permissions: ['ratings.read', 'ratings.appeal', 'people.read', 'enquiries.handle'],
        dataScope: 'dept_and_below',
        personId: (await buildPerson(t, { departmentId: dept.id, title: '局长' })).id,
      })
    ).session;
    const staff = (await buildSignedInUser(t, { permissions: ['people.read'], dataScope: 'dept', personId: post.bPersonId! })).session;
    const badge = await buildBadge(t, post.aPersonId!);
    return { dept, head, staff, holderId: post.aPersonId!, code: badge.code };
  };
  const get = async <T>(s: Session, url: string, status = 200) => {
    const res = await s.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const ratingsOf = async (s: Session, query: string) => (await get<{ items: Rating[] }>(s, `/api/ratings?${query}&pageSize=200`)).items;

  it('takes one rating per person, device and day from a badge; another device or another day is another event', async () => {
    const { code, head, holderId } = await unit();
    const me = origin();
    const first = await rate('badges', code, { score: 5, comment: '办事快，态度好' }, me);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ score: 5, bad: false, ratedOn: '2026-03-02' });
    const again = await rate('badges', code, { score: 4 }, me);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'rating_duplicate_badge',
      message: '您今天已经评价过这位工作人员了：同一次服务只能评价一次，明天可再次评价',
    });
    expect((await rate('badges', code, { score: 4 }, origin())).statusCode).toBe(201);
    t.clock.set(new Date('2026-03-03T01:00:00Z'));
    try {
      expect((await rate('badges', code, { score: 3 }, me)).statusCode).toBe(201);
    } finally {
      t.clock.set(new Date('2026-03-02T01:00:00Z'));
    }
    const listed = await ratingsOf(head, `personId=${holderId}`);
    expect(listed.map((r) => r.score).sort()).toEqual([3, 4, 5]);
    expect(JSON.stringify(listed)).not.toMatch(/deviceHash|addressHash/);
  });

  it('answers 429 beyond 5 ratings an hour from one device, whatever they were', async () => {
    const { code } = await unit();
    const me = origin();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await rate('badges', code, { score: 5 }, me)).statusCode);
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const over = await rate('badges', code, { score: 5 }, me, 'en-US');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect(over.json().error).toEqual({ code: 'rate_limited', message: 'Too many requests; please wait a moment' });
    // another device behind the same address has its own hour
    expect((await rate('badges', code, { score: 5 }, { ...origin(), remoteAddress: me.remoteAddress })).statusCode).toBe(201);
  });

  it('turns a bad review into a rectification item of the department, keeps HTML as text, and refuses a comment over 500', async () => {
    const { code, head, holderId, dept } = await unit();
    const comment = '<script>alert("差")</script> 窗口无人，电话 13812345678';
    const res = await rate('badges', code, { score: 1, comment });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ score: 1, bad: true });
    const [listed] = await ratingsOf(head, `personId=${holderId}`);
    expect(listed).toMatchObject({ bad: true, departmentId: dept.id, appealState: 'none', abilities: { appeal: true, decide: false } });
    expect(listed!.comment).toBe('<script>alert("差")</script> 窗口无人，电话 138****5678'); // masked in the list
    expect(listed!.rectification).toMatchObject({ status: 'open' });
    expect(listed!.rectification!.code).toMatch(/^ZG-2026-/);
    const one = await get<Rating>(head, `/api/ratings/${listed!.id}`);
    expect(one.comment).toBe(comment); // whole, as typed, in the detail
    const item = await t.db.db.selectFrom('rectifications').selectAll().where('sourceId', '=', listed!.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      source: 'bad_review',
      departmentId: dept.id,
      personId: holderId,
      limitKind: 'bad_review',
      status: 'open',
    });
    expect(item.detail).toContain(comment);

    const before = (await ratingsOf(head, `personId=${holderId}`)).length;
    const long = await rate('badges', code, { score: 2, comment: '长'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('body.comment');
    expect((await ratingsOf(head, `personId=${holderId}`)).length).toBe(before);
    expect((await rate('badges', code, { score: 6 })).statusCode).toBe(400);
  });

  it('lets the department head appeal a bad review and the office uphold it: out of the figures, rectification withdrawn', async () => {
    const { code, head, staff, holderId, dept } = await unit();
    const other = await unit();
    expect((await rate('badges', code, { score: 2, comment: '恶意差评' })).statusCode).toBe(201);
    expect((await rate('badges', code, { score: 5 })).statusCode).toBe(201);
    const [bad] = await ratingsOf(head, `personId=${holderId}&bad=true`);
    const [good] = await ratingsOf(head, `personId=${holderId}&bad=false`);
    const appeal = (s: Session, r: Rating, reason = '当日该同志在外培训，评价对象有误') =>
      s.request({ method: 'POST', url: `/api/ratings/${r.id}/appeal`, payload: { reason, version: r.version } });
    expect((await appeal(staff, bad!)).statusCode).toBe(403); // no ratings.appeal
    expect((await appeal(other.head, bad!)).statusCode).toBe(404); // another department's
    expect((await appeal(office, bad!)).statusCode).toBe(403);
    const notBad = await appeal(head, good!);
    expect(notBad.statusCode).toBe(409);
    expect(notBad.json().error.code).toBe('rating_not_bad');
    const appealed = await appeal(head, bad!);
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json()).toMatchObject({
      appealState: 'appealed',
      appeal: { reason: '当日该同志在外培训，评价对象有误', decision: null },
    });
    const twice = await appeal(head, appealed.json() as Rating);
    expect(twice.json().error).toMatchObject({ code: 'rating_appeal_exists', message: '这条差评已经申诉过（申诉待复核），不能再次申诉' });

    const decide = (s: Session, r: Rating, decision: string) =>
      s.request({
        method: 'POST',
        url: `/api/ratings/${r.id}/appeal/decision`,
        payload: { decision, note: '经核实属实', version: r.version },
      });
    expect((await decide(head, appealed.json(), 'upheld')).statusCode).toBe(403); // the department cannot judge its own appeal
    const upheld = await decide(office, appealed.json(), 'upheld');
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({
      appealState: 'upheld',
      appeal: { decision: 'upheld', note: '经核实属实' },
      rectification: { status: 'withdrawn' },
    });
    expect((await decide(office, upheld.json(), 'rejected')).json().error.code).toBe('rating_not_appealed');

    const stats = await get<RatingStats>(head, `/api/ratings/stats?departmentId=${dept.id}`);
    expect(stats.total).toMatchObject({ count: 1, average: 5, distribution: [0, 0, 0, 0, 1], bad: 0, appeals: { upheld: 1 } });
    expect(stats.people).toEqual([expect.objectContaining({ personId: holderId, count: 1, average: 5 })]);
  });

  it('lets a rejected appeal stand: the bad review and its rectification remain', async () => {
    const { code, head, holderId } = await unit();
    await rate('badges', code, { score: 1 });
    const [bad] = await ratingsOf(head, `personId=${holderId}`);
    const appealed = (
      await head.request({ method: 'POST', url: `/api/ratings/${bad!.id}/appeal`, payload: { reason: '误评', version: bad!.version } })
    ).json() as Rating;
    const rejected = await office.request({
      method: 'POST',
      url: `/api/ratings/${bad!.id}/appeal/decision`,
      payload: { decision: 'rejected', note: '群众反映属实', version: appealed.version },
    });
    expect(rejected.json()).toMatchObject({ appealState: 'rejected', rectification: { status: 'open' }, abilities: { appeal: false } });
    const stats = await get<RatingStats>(office, `/api/ratings/stats?departmentId=${bad!.departmentId}`);
    expect(stats.total).toMatchObject({ count: 1, bad: 1, distribution: [1, 0, 0, 0, 0], appeals: { rejected: 1, upheld: 0 } });
  });

  it('keeps ratings in scope: other departments’ are absent from lists and 404 to open; no ratings.read is 403', async () => {
    const a = await unit();
    const b = await unit();
    await rate('badges', a.code, { score: 4 });
    const [mine] = await ratingsOf(a.head, `personId=${a.holderId}`);
    expect((await ratingsOf(b.head, 'bad=false')).map((r) => r.id)).not.toContain(mine!.id);
    await get(b.head, `/api/ratings/${mine!.id}`, 404);
    await get(b.head, `/api/ratings/stats?departmentId=${a.dept.id}`, 404);
    await get(a.staff, '/api/ratings', 403);
    await get(a.staff, '/api/ratings/stats', 403);
    expect((await ratingsOf(leader, `personId=${a.holderId}`)).map((r) => r.id)).toEqual([mine!.id]); // scope all
  });

  it('counts per department, person and month over the last 12 months, and checks the period', async () => {
    const { code, head, dept, holderId } = await unit();
    for (const score of [5, 4, 2]) await rate('badges', code, { score });
    const stats = await get<RatingStats>(head, `/api/ratings/stats?departmentId=${dept.id}`);
    expect(stats).toMatchObject({ from: '2025-04-01', to: '2026-03-02' });
    expect(stats.total).toMatchObject({ count: 3, average: 3.67, distribution: [0, 1, 0, 1, 1], bad: 1 });
    expect(stats.departments).toEqual([expect.objectContaining({ departmentId: dept.id, departmentName: dept.name, count: 3 })]);
    expect(stats.people[0]).toMatchObject({ personId: holderId, count: 3, bad: 1 });
    expect(stats.months).toHaveLength(12);
    expect(stats.months.at(-1)).toMatchObject({ month: '2026-03', count: 3, bad: 1 });
    const reversed = await head.request({ method: 'GET', url: '/api/ratings/stats?from=2026-03-02&to=2026-01-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual([{ path: 'query.to', message: '不能早于开始日期 2026-03-02' }]);
    expect((await head.request({ method: 'GET', url: '/api/ratings/stats?from=2010-01-01' })).statusCode).toBe(400);
  });

  it('rates a closed enquiry once by its code; an open one is 409, an unknown code 404, a mistyped one 400', async () => {
    const { head, dept } = await unit();
    const open = await buildEnquiryToRate(head, { closed: false });
    const notClosed = await rate('enquiries', open.code, { score: 5 });
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().error).toEqual({ code: 'enquiry_not_closed', message: '这件事项尚未办结，办结后才能评价' });
    const closed = await buildEnquiryToRate(head);
    const rated = await rate('enquiries', closed.code, { score: 2, comment: '答复不清楚' });
    expect(rated.statusCode, rated.body).toBe(201);
    const again = await rate('enquiries', closed.code, { score: 5 }); // another device: still the same enquiry
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('rating_duplicate_enquiry');
    const [listed] = await ratingsOf(head, 'source=enquiry');
    expect(listed).toMatchObject({
      source: 'enquiry',
      enquiryId: closed.id,
      departmentId: dept.id,
      bad: true,
      rectification: { status: 'open' },
    });
    const wellFormed = `ZZZZ2345ZZZZ${checkFor('ZZZZ2345ZZZZ')}`;
    const mistyped = `ZZZZ2345ZZZZ${wellFormed.endsWith('2') ? '3' : '2'}`; // the check character is wrong
    const typo = await rate('enquiries', mistyped, { score: 5 });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.fields[0].path).toBe('params.code');
    expect((await rate('enquiries', wellFormed, { score: 5 })).statusCode).toBe(404);
  });

  it('publishes a department’s results by its public code: figures and how bad reviews were handled, no names or comments', async () => {
    const { code, dept, holderId } = await unit();
    await rate('badges', code, { score: 1, comment: '秘密意见内容' });
    await rate('badges', code, { score: 5 });
    const wall = await t.admin.request({ method: 'GET', url: `/api/badges/departments/${dept.id}` });
    expect(wall.statusCode, wall.body).toBe(200);
    const pageCode = wall.json().ratingPageCode as string;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/departments/${pageCode}/ratings`,
      remoteAddress: origin().remoteAddress,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as PublicDepartmentRatings;
    expect(page).toMatchObject({ departmentName: dept.name, summary: { count: 2, average: 3 }, distribution: [1, 0, 0, 0, 1] });
    expect(page.badReviews).toEqual([
      { ratedOn: '2026-03-02', score: 1, rectificationStatus: 'open', dueOn: expect.any(String), appealState: 'none' },
    ]);
    const holder = await t.db.db.selectFrom('people').select('name').where('id', '=', holderId).executeTakeFirstOrThrow();
    expect(res.body).not.toContain(holder.name);
    expect(res.body).not.toContain('秘密意见内容');
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/public/departments/${code}/ratings`,
      remoteAddress: origin().remoteAddress,
    });
    expect(unknown.statusCode).toBe(404); // a badge's code is not a department's
  });
});

/** The check character that makes `body` (12 characters) a well-formed tracking code. */
function checkFor(body: string): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const sum = [...body].reduce((s, c, i) => (s + (i + 1) * alphabet.indexOf(c)) % 31, 0);
  for (let c = 0; c < 31; c++) if ((sum + 13 * c) % 31 === 0) return alphabet[c]!;
  throw new Error('no check character');
}
