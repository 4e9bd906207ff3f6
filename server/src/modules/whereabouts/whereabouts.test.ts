import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonWhereabouts, WhereaboutsHistoryPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildSignedInUser, setWhereaboutsOf } from '../../../test/factories.ts';
import { HOUR, whereaboutsWorld } from './whereabouts.test-support.ts';

/** 工作人员去向牌: who sets whose state, what it does to presence (AB岗), and who reads the history. */
describe.each(ENGINES)('whereabouts on %s', (engine) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof whereaboutsWorld>>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await whereaboutsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a person never set as in the office, and answers 409 for an account bound to nobody', async () => {
    const me = await w.s.colleague.request({ method: 'GET', url: '/api/whereabouts/me' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      personId: w.people.colleague.id,
      state: 'in_office',
      version: 0,
      source: null,
      abilities: { set: true },
    });
    const nobody = await buildSignedInUser(t, { permissions: ['whereabouts.read'] });
    const res = await nobody.session.request({ method: 'GET', url: '/api/whereabouts/me' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('whereabouts_needs_person');
  });

  it('lets a person set their own state: history, audit, and presence follow (away ⇄ active)', async () => {
    const back = w.at(4 * HOUR);
    const out = await w.set(w.s.colleague, w.people.colleague.id, {
      state: 'out',
      place: '市政务服务中心',
      expectedReturnAt: back,
      note: '报送材料',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({
      state: 'out',
      place: '市政务服务中心',
      expectedReturnAt: back,
      note: '报送材料',
      source: 'self',
      version: 1,
    });
    expect(await w.status(w.people.colleague.id)).toBe('away');
    const meeting = await w.set(w.s.colleague, w.people.colleague.id, { state: 'meeting', place: '三楼会议室', version: 1 });
    expect(meeting.json()).toMatchObject({ state: 'meeting', expectedReturnAt: null, version: 2 });
    expect(await w.status(w.people.colleague.id)).toBe('active'); // a meeting counts as present
    const history = (
      await w.s.colleague.request({ method: 'GET', url: `/api/whereabouts/people/${w.people.colleague.id}/history` })
    ).json() as WhereaboutsHistoryPage;
    expect(history.items.map((h) => h.state)).toEqual(['meeting', 'out']);
    expect(history.total).toBe(2);
    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', w.people.colleague.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'person.create',
      'whereabouts.set',
      'person.presence',
      'whereabouts.set',
      'person.presence',
    ]);
  });

  it('lets the head set a person of the department, and refuses a colleague (403), another head (404) and no permission (403)', async () => {
    const target = w.people.a.id;
    const byColleague = await w.set(w.s.colleague, target, { state: 'out' });
    expect(byColleague.statusCode).toBe(403);
    const byOtherHead = await w.set(w.s.otherHead, target, { state: 'out' });
    expect(byOtherHead.statusCode).toBe(404);
    const byNoPermission = await w.set(w.s.noPermission, target, { state: 'out' });
    expect(byNoPermission.statusCode).toBe(403);
    expect((await w.card(w.s.head, target)).version).toBe(0); // nothing written by the refusals
    const byHead = await w.set(w.s.head, target, { state: 'training', place: '省委党校', expectedReturnAt: w.at(48 * HOUR) });
    expect(byHead.statusCode, byHead.body).toBe(200);
    expect(byHead.json()).toMatchObject({ state: 'training', source: 'head', setByName: expect.any(String) });
    const byOffice = await w.set(w.s.office, target, { state: 'in_office', version: 1 });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    expect(await w.status(target)).toBe('active');
  });

  it('refuses bad input with a field message and writes nothing; keeps HTML as text', async () => {
    const me = w.people.b.id;
    const past = await w.set(w.s.b, me, { state: 'out', expectedReturnAt: w.at(-HOUR) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual([{ path: 'body.expectedReturnAt', message: '预计返回时间须晚于现在' }]);
    const english = await w.s.b.request({
      method: 'PUT',
      url: `/api/whereabouts/people/${me}`,
      payload: { state: 'out', expectedReturnAt: w.at(-HOUR) },
      headers: { 'accept-language': 'en-US' },
    });
    expect(english.json().error.fields[0].message).toBe('the expected return must be in the future');
    expect((await w.set(w.s.b, me, { state: 'asleep' })).statusCode).toBe(400);
    expect((await w.set(w.s.b, me, { state: 'out', expectedReturnAt: '明天下午' })).statusCode).toBe(400);
    expect((await w.card(w.s.b, me)).version).toBe(0);
    const html = '<img src=x onerror="alert(1)"><b>加粗</b>';
    const ok = await w.set(w.s.b, me, { state: 'meeting', place: html.slice(0, 40), note: html });
    expect(ok.json()).toMatchObject({ note: html, place: html.slice(0, 40) });
    expect((await w.card(w.s.b, me)).note).toBe(html);
    const stale = await w.set(w.s.b, me, { state: 'in_office', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('refuses whereabouts for someone who has left', async () => {
    const gone = await buildPerson(t, { departmentId: w.dept.id, status: 'left' });
    const res = await w.set(w.s.head, gone.id, { state: 'leave' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('whereabouts_person_left');
  });

  it('shows the history to the person, the department head and the office; refuses a colleague and a leader (403), another head (404)', async () => {
    const target = w.people.head.id;
    await w.set(w.s.head, target, { state: 'trip', place: '北京', expectedReturnAt: w.at(72 * HOUR) });
    const url = `/api/whereabouts/people/${w.people.a.id}/history`;
    for (const who of [w.s.a, w.s.head, w.s.office]) expect((await who.request({ method: 'GET', url })).statusCode).toBe(200);
    for (const who of [w.s.colleague, w.s.leader, w.s.b]) expect((await who.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await w.s.otherHead.request({ method: 'GET', url })).statusCode).toBe(404);
    // the same rules read from the card's abilities
    expect((await w.card(w.s.colleague, w.people.a.id)).abilities).toEqual({ set: false, history: false });
    expect((await w.card(w.s.head, w.people.a.id)).abilities).toEqual({ set: true, history: true });
    await w.set(w.s.head, target, { state: 'in_office', version: 1 });
  });

  it('gives the department overview: everyone, counts, who acts for whom; notes only to those who may set them', async () => {
    const note = '家中有事';
    await w.set(w.s.a, w.people.a.id, { state: 'leave', note, expectedReturnAt: w.at(24 * HOUR), version: 2 });
    const byHead = await w.board(w.s.head);
    const a = byHead.people.find((p) => p.personId === w.people.a.id)!;
    expect(a).toMatchObject({ state: 'leave', note, actingPersonId: w.people.b.id, posts: [{ id: w.post.id, name: '综合岗', role: 'A' }] });
    expect(byHead.people.find((p) => p.personId === w.people.b.id)!.posts).toEqual([{ id: w.post.id, name: '综合岗', role: 'B' }]);
    expect(byHead.counts).toMatchObject({ total: byHead.people.length, away: 1, present: byHead.people.length - 1 });
    expect(byHead.counts.byState.leave).toBe(1);
    expect(byHead.abilities.manage).toBe(true);
    const byColleague = await w.board(w.s.colleague);
    expect(byColleague.people.find((p) => p.personId === w.people.a.id)!).toMatchObject({
      state: 'leave',
      note: null,
      actingPersonName: expect.any(String),
    });
    expect(byColleague.abilities.manage).toBe(false);
    expect((await w.s.otherHead.request({ method: 'GET', url: `/api/whereabouts/departments/${w.dept.id}` })).statusCode).toBe(404);
    expect((await w.s.noPermission.request({ method: 'GET', url: `/api/whereabouts/departments/${w.dept.id}` })).statusCode).toBe(403);
    // with B away too, nobody acts for 综合岗: the overview lists it
    await w.set(w.s.b, w.people.b.id, { state: 'out', version: 1 });
    const uncovered = await w.board(w.s.head);
    expect(uncovered.uncoveredPosts).toEqual([
      { id: w.post.id, name: '综合岗', aPersonName: expect.any(String), bPersonName: expect.any(String) },
    ]);
    expect(uncovered.people.find((p) => p.personId === w.people.a.id)!.actingPersonId).toBeNull();
    await w.set(w.s.b, w.people.b.id, { state: 'in_office', version: 2 });
    await w.set(w.s.a, w.people.a.id, { state: 'in_office', version: 3 });
  });

  it('no longer takes "away" by hand on people: the board sets it, and "active" by hand leaves an away person away', async () => {
    const p = await buildPerson(t, { departmentId: w.dept.id });
    const byHand = await t.admin.request({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { status: 'away' } });
    expect(byHand.statusCode).toBe(400);
    const created = await t.admin.request({
      method: 'POST',
      url: '/api/people',
      payload: { name: '新人', departmentId: w.dept.id, status: 'away' },
    });
    expect(created.statusCode).toBe(400);
    await setWhereaboutsOf(t, p.id, 'trip');
    const edited = await t.admin.request({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { title: '副科长', status: 'active' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '副科长', status: 'away' });
    const card = (await t.admin.request({ method: 'GET', url: `/api/whereabouts/people/${p.id}` })).json() as PersonWhereabouts;
    expect(card.state).toBe('trip');
  });
});
