import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, DeskSection, EnquiryDetail, Rating } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildRectification, buildSignedInUser, buildViewerIn } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { act, detail, enquiryUnit, READER, register } from '../enquiries/enquiries.test-support.ts';
import { appealRating, rateBadgeHolder } from '../ratings/index.ts';
import { HANDLING, stepOk, VERIFYING } from '../rectification/rectification.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 in Shanghai
const TODAY = '2026-03-02';

/**
 * 待办中心 and the office rules through the real app: 首问负责 (hand-overs to accept, my open
 * enquiries), 整改 (to rectify, to verify) and 好差评 (appeals to review) — each section shown to whom
 * may act, counting exactly what the list behind its link shows, within the data scope, soonest
 * deadline first, and absent for an account without the right.
 */
describe.each(ENGINES)('the desk (工作台待办) with the office rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterEach(() => t.clock.set(START));
  afterAll(async () => {
    await t.close();
  });

  const at = (day: string) => t.clock.set(new Date(`${day}T02:00:00Z`));
  const sections = async (s: Session) => {
    const res = await s.request({ method: 'GET', url: '/api/desk' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Desk).sections;
  };
  const section = async (s: Session, key: string) => (await sections(s)).find((x) => x.key === key);
  const keys = async (s: Session) => (await sections(s)).map((x) => x.key);
  /** What the console list behind a link shows: its total and its ids (the API of the page at that path). */
  const listed = async (s: Session, link: string) => {
    const url = new URL(link, 'http://x');
    url.searchParams.set('pageSize', '200');
    const res = await s.request({ method: 'GET', url: `/api${url.pathname}?${url.searchParams}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { total: number; items: { id: string }[] };
    return { total: page.total, ids: page.items.map((i) => i.id).sort() };
  };
  const ids = (s: DeskSection | undefined) => (s?.items ?? []).map((i) => i.id).sort();
  const sorted = (...xs: string[]) => [...xs].sort();

  it('shows the enquiry desk its hand-overs to accept and its open enquiries, soonest deadline first, as its boxes list them', async () => {
    const a = await enquiryUnit(t);
    const b = await enquiryUnit(t);
    const offer = (s: Session, e: EnquiryDetail, to: object) => act(s, `${e.id}/handovers`, { ...to, version: e.version });
    at('2026-02-24');
    const old = await register(a.staff.session, { subject: '上周的咨询' }); // three working days: past its limit by now
    t.clock.set(START);
    const fresh = await register(a.staff.session);
    const replied = await register(a.staff.session);
    expect(
      (await act(a.staff.session, `${replied.id}/reply`, { reply: '已电话答复', replyWay: 'phone', version: replied.version })).statusCode,
    ).toBe(200);
    const closed = await register(a.staff.session);
    const answered = await act(a.staff.session, `${closed.id}/reply`, { reply: '已答复', replyWay: 'phone', version: closed.version });
    expect((await act(a.staff.session, `${closed.id}/close`, { version: answered.json().version })).statusCode).toBe(200);
    const handed = await register(a.staff.session); // still mine until b accepts it
    expect((await offer(a.staff.session, handed, { toDepartmentId: b.dept.id })).statusCode).toBe(201);
    const toMe = await register(a.colleague.session);
    expect((await offer(a.colleague.session, toMe, { toPersonId: a.staff.personId })).statusCode).toBe(201);
    const toMyDept = await register(b.staff.session);
    expect((await offer(b.staff.session, toMyDept, { toDepartmentId: a.dept.id })).statusCode).toBe(201);

    const accept = await section(a.staff.session, 'enquiryAccept');
    expect(accept).toMatchObject({ count: 2, overdue: 0, link: '/enquiries?box=awaiting' });
    expect(ids(accept)).toEqual(sorted(toMe.id, toMyDept.id));
    expect(accept!.items[0]).toMatchObject({ kind: 'enquiry', link: `/enquiries?box=awaiting&open=${accept!.items[0]!.id}` });
    expect(await listed(a.staff.session, accept!.link)).toEqual({ total: 2, ids: sorted(toMe.id, toMyDept.id) });
    const mine = await section(a.staff.session, 'enquiryMine');
    expect(mine).toMatchObject({ count: 4, overdue: 1, link: '/enquiries?box=mine&active=true' });
    expect(mine!.items.map((i) => i.id)[0]).toBe(old.id); // the soonest deadline first
    expect(ids(mine)).toEqual(sorted(old.id, fresh.id, replied.id, handed.id)); // not the closed one
    const timer = (await detail(a.staff.session, old.id)).timer!;
    expect(mine!.items[0]).toMatchObject({ dueDate: timer.dueOn, overdue: true, code: old.code, title: '上周的咨询' });
    expect(timer.dueOn < TODAY).toBe(true);
    expect(mine!.items[1]).toMatchObject({ overdue: false });
    expect(await listed(a.staff.session, mine!.link)).toEqual({ total: 4, ids: ids(mine) });

    // a colleague of the same unit: the department's hand-over, not the one addressed to the staff member
    expect(ids(await section(a.colleague.session, 'enquiryAccept'))).toEqual([toMyDept.id]);
    expect(ids(await section(a.colleague.session, 'enquiryMine'))).toEqual([toMe.id]);
    // the other unit: what was handed to it, never the first unit's own
    expect(ids(await section(b.colleague.session, 'enquiryAccept'))).toEqual([handed.id]);
    expect(await section(b.colleague.session, 'enquiryMine')).toMatchObject({ count: 0, items: [] });

    // accepting moves it at once: off my hand-overs, onto my enquiries
    const hid = (await detail(a.staff.session, toMe.id)).handovers.at(-1)!.id;
    expect((await act(a.staff.session, `${toMe.id}/handovers/${hid}/accept`)).statusCode).toBe(200);
    expect(await section(a.staff.session, 'enquiryAccept')).toMatchObject({ count: 1 });
    expect(await section(a.staff.session, 'enquiryMine')).toMatchObject({ count: 5 });

    // a reader of enquiries (a leader) is on no enquiry desk
    const reader = (await buildSignedInUser(t, { permissions: READER, personId: (await buildPerson(t)).id })).session;
    expect(await keys(reader)).not.toEqual(expect.arrayContaining(['enquiryAccept']));
    expect(await keys(reader)).not.toContain('enquiryMine');
  });

  it('shows 待整改 to whom may submit and 待核实 to the office, within scope, soonest deadline first, as its list', async () => {
    const dept = await buildDepartment(t);
    const headPerson = await buildPerson(t, { departmentId: dept.id, title: '局长' });
    const head = (await buildSignedInUser(t, { permissions: HANDLING, dataScope: 'dept', personId: headPerson.id })).session;
    const staff = await buildViewerIn(t, dept.id, { permissions: HANDLING, dataScope: 'dept' });
    const headless = await buildDepartment(t); // nobody heads it: its items are anyone's of it to answer
    const loner = await buildViewerIn(t, headless.id, { permissions: HANDLING, dataScope: 'dept' });
    const office = (await buildSignedInUser(t, { permissions: VERIFYING, personId: (await buildPerson(t)).id })).session;
    const unitOffice = (await buildViewerIn(t, dept.id, { permissions: VERIFYING, dataScope: 'dept' })).session; // sees one department

    at('2026-01-05');
    const old = await buildRectification(t, { departmentId: dept.id }); // 15 working days: past its date by now
    t.clock.set(START);
    const headsOwn = await buildRectification(t, { departmentId: dept.id });
    const assigned = await buildRectification(t, { departmentId: dept.id });
    const answered = await buildRectification(t, { departmentId: dept.id });
    const unowned = await buildRectification(t, { departmentId: headless.id });
    const elsewhere = await buildRectification(t, { departmentId: headless.id });
    const assign = (id: string, to = staff.person.id) => stepOk(head, id, 'assign', { ownerPersonId: to, version: 1 });
    expect((await assign(assigned.id)).ownerPersonId).toBe(staff.person.id);
    const given = await assign(answered.id);
    // owned by someone whose data scope is only themself (仅本人): out of their sight, so not on their desk either
    const selfOnly = await buildViewerIn(t, dept.id, { permissions: HANDLING, dataScope: 'self' });
    await assign(headsOwn.id, selfOnly.person.id);
    const submit = (s: Session, r: { id: string; version: number }) =>
      stepOk(s, r.id, 'submit', { resolution: 'fixed', note: '已整改到位', version: r.version });
    const submitted = await submit(staff.session, given);
    await submit(loner.session, { id: elsewhere.id, version: 1 }); // answered by the other department: out of the unit office's scope

    const staffHandle = await section(staff.session, 'rectificationHandle');
    expect(staffHandle).toMatchObject({ count: 1, overdue: 0, link: '/rectifications?desk=handle' });
    expect(staffHandle!.items).toEqual([
      expect.objectContaining({ kind: 'rectification', id: assigned.id, code: assigned.code, link: `/rectifications/${assigned.id}` }),
    ]);
    expect(await listed(staff.session, staffHandle!.link)).toEqual({ total: 1, ids: [assigned.id] });
    const headHandle = await section(head, 'rectificationHandle');
    expect(headHandle).toMatchObject({ count: 3, overdue: 1 }); // the head answers for all of the department's open ones
    expect(headHandle!.items.map((i) => i.id)).toEqual([old.id, ...[headsOwn.id, assigned.id].sort()]);
    expect(headHandle!.items[0]).toMatchObject({ dueDate: old.dueOn, overdue: true });
    expect(await listed(head, headHandle!.link)).toEqual({ total: 3, ids: sorted(old.id, headsOwn.id, assigned.id) });
    expect(ids(await section(loner.session, 'rectificationHandle'))).toEqual([unowned.id]); // not the other department's
    const outOfSight = await section(selfOnly.session, 'rectificationHandle');
    expect(outOfSight).toMatchObject({ count: 0, items: [] });
    expect((await listed(selfOnly.session, outOfSight!.link)).total).toBe(0);
    expect(await keys(staff.session)).not.toContain('rectificationVerify');

    const unitVerify = await section(unitOffice, 'rectificationVerify');
    expect(unitVerify).toMatchObject({
      count: 1,
      link: '/rectifications?status=submitted',
      items: [expect.objectContaining({ id: answered.id })],
    });
    expect(await listed(unitOffice, unitVerify!.link)).toEqual({ total: 1, ids: [answered.id] });
    const officeVerify = await section(office, 'rectificationVerify');
    const all = await listed(office, officeVerify!.link);
    expect(officeVerify!.count).toBe(all.total);
    expect(all.ids).toEqual(expect.arrayContaining([answered.id, elsewhere.id]));
    expect(await keys(office)).not.toContain('rectificationHandle'); // verifies, does not rectify

    // returned: back on the owner's desk, off the office's
    await stepOk(office, answered.id, 'return', { reason: '佐证不足', version: submitted.version });
    expect(await section(staff.session, 'rectificationHandle')).toMatchObject({ count: 2 });
    expect(await section(unitOffice, 'rectificationVerify')).toMatchObject({ count: 0, items: [] });
    const reader = (await buildViewerIn(t, dept.id, { permissions: ['rectification.read'], dataScope: 'dept' })).session;
    expect((await keys(reader)).filter((k) => k.startsWith('rectification'))).toEqual([]);
  });

  it('shows the office the appeals waiting for review within its scope, due with their bad reviews', async () => {
    const dept = await buildDepartment(t);
    const rated = await buildPerson(t, { departmentId: dept.id });
    const elsewhere = await buildPerson(t, { departmentId: (await buildDepartment(t)).id });
    const REVIEWING = ['ratings.read', 'ratings.review'] as const;
    const office = (await buildSignedInUser(t, { permissions: [...REVIEWING], personId: (await buildPerson(t)).id })).session;
    const unitOffice = (await buildViewerIn(t, dept.id, { permissions: [...REVIEWING], dataScope: 'dept' })).session;
    const leader = (await buildSignedInUser(t, { permissions: ['ratings.read'], personId: (await buildPerson(t)).id })).session;
    const ctx = () => systemCtx(t.db, t.clock);
    let device = 0;
    const rate = (personId: string, departmentId: string, score: number) =>
      rateBadgeHolder(ctx(), { personId, departmentId }, { score }, { deviceHash: `desk-${engine}-${++device}`, addressHash: 'desk' });
    const appeal = (r: { id: string; version: number }) =>
      appealRating(ctx(), r.id, { reason: '评价人所述与事实不符', version: r.version });

    at('2026-02-09');
    const old = await appeal(await rate(rated.id, dept.id, 1)); // five working days: past its date by now
    t.clock.set(START);
    const recent = await appeal(await rate(rated.id, dept.id, 2));
    await rate(rated.id, dept.id, 1); // a bad review nobody appealed
    const decided = await appeal(await rate(rated.id, dept.id, 1));
    const outside = await appeal(await rate(elsewhere.id, elsewhere.departmentId!, 1));
    const decision = await office.request({
      method: 'POST',
      url: `/api/ratings/${decided.id}/appeal/decision`,
      payload: { decision: 'rejected', note: '回访核实属实', version: decided.version },
    });
    expect(decision.statusCode, decision.body).toBe(200);

    const mine = await section(unitOffice, 'ratingAppeals');
    expect(mine).toMatchObject({ count: 2, overdue: 1, link: '/ratings?appealState=appealed' });
    expect(mine!.items.map((i) => i.id)).toEqual([old.id, recent.id]); // the sooner deadline first
    const oldRating = (await unitOffice.request({ method: 'GET', url: `/api/ratings/${old.id}` })).json() as Rating;
    expect(mine!.items[0]).toMatchObject({
      kind: 'rating',
      code: null,
      overdue: true,
      dueDate: oldRating.rectification!.dueOn,
      link: `/ratings?appealState=appealed&id=${old.id}`,
    });
    expect(mine!.items[0]!.title).toContain(rated.name);
    expect(mine!.items[1]).toMatchObject({ overdue: false });
    expect(await listed(unitOffice, mine!.link)).toEqual({ total: 2, ids: sorted(old.id, recent.id) });
    const all = await section(office, 'ratingAppeals');
    expect(all!.count).toBe((await listed(office, all!.link)).total);
    expect((await listed(office, all!.link)).ids).toEqual(expect.arrayContaining([old.id, recent.id, outside.id]));
    expect(await keys(leader)).not.toContain('ratingAppeals');
  });
});
