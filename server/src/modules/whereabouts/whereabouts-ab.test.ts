import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnquiryDetail, PlannedAbsence, Task } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildAssignedTask, buildViewerIn } from '../../../test/factories.ts';
import { HOUR, inboxOf, LONG_SESSIONS, whereaboutsWorld } from './whereabouts.test-support.ts';

/**
 * AB岗 driven by the whereabouts board: what is addressed to a post reaches B, marked "acting for A"
 * (代A岗), while A is away, and flows back when A returns; a post with both holders away is told to
 * the department head at once, once per such change.
 */
describe.each(ENGINES)('A/B posts by whereabouts on %s', (engine) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof whereaboutsWorld>>;
  beforeAll(async () => {
    t = await startTestApp(engine, LONG_SESSIONS);
    w = await whereaboutsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const assignToPost = () => buildAssignedTask(t, w.s.office, { leadDepartmentId: w.dept.id, responsiblePostId: w.post.id });
  const taskAs = async (who = w.s.office, id: string) => (await who.request({ method: 'GET', url: `/api/tasks/${id}` })).json() as Task;

  it('sends a task addressed to the post to B while A is on a registered leave, marked 代A岗, and back to A after', async () => {
    const aName = w.people.a.name;
    const leave = (
      await w.s.a.request({
        method: 'POST',
        url: '/api/whereabouts/planned-absences',
        payload: { kind: 'leave', startsAt: w.at(HOUR), endsAt: w.at(25 * HOUR) },
      })
    ).json() as PlannedAbsence;
    const before = await assignToPost();
    expect(before).toMatchObject({ handlerPersonId: w.people.a.id, handlerActingForName: null });

    await w.tick(new Date(Date.parse(leave.startsAt) + 30_000));
    const whileAway = await assignToPost();
    expect(whileAway).toMatchObject({ handlerPersonId: w.people.b.id, handlerName: w.people.b.name, handlerActingForName: aName });
    expect(await inboxOf(t, w.people.a.id, whileAway.id)).toEqual([]);
    expect(await inboxOf(t, w.people.b.id, whileAway.id)).toEqual([
      {
        kind: 'task.assign',
        title: `【代${aName}岗】【交办】${whileAway.code} ${whileAway.title}`,
        titleEn: `[Acting for ${aName}] [Assigned] ${whileAway.code} ${whileAway.title}`,
      },
    ]);
    // the earlier task moved to B too, without being rewritten; B may open it
    expect(await taskAs(w.s.b, before.id)).toMatchObject({
      handlerPersonId: w.people.b.id,
      handlerActingForName: aName,
      version: before.version,
    });

    await w.tick(new Date(Date.parse(leave.endsAt) + 30_000));
    expect(await taskAs(w.s.office, whileAway.id)).toMatchObject({ handlerPersonId: w.people.a.id, handlerActingForName: null });
    const back = await assignToPost();
    expect(await inboxOf(t, w.people.a.id, back.id)).toEqual([
      { kind: 'task.assign', title: `【交办】${back.code} ${back.title}`, titleEn: `[Assigned] ${back.code} ${back.title}` },
    ]);
    expect(await inboxOf(t, w.people.b.id, back.id)).toEqual([]);
  });

  it('tells the department head at once when both A and B are away, once per change that leaves the post uncovered', async () => {
    const uncoveredNotices = async () =>
      (await inboxOf(t, w.people.head.id, w.post.id)).filter((n) => n.kind === 'whereabouts.post_uncovered');
    const cardOf = (personId: string) => w.card(w.s.head, personId);
    await w.set(w.s.a, w.people.a.id, { state: 'out', expectedReturnAt: w.at(3 * HOUR), version: (await cardOf(w.people.a.id)).version });
    expect(await uncoveredNotices()).toEqual([]); // B still acts
    await w.set(w.s.b, w.people.b.id, { state: 'trip', version: (await cardOf(w.people.b.id)).version });
    const first = await uncoveredNotices();
    expect(first).toHaveLength(1);
    expect(first[0]!.title).toContain('综合岗');
    expect(first[0]!.titleEn).toContain('[Post uncovered]');
    // still uncovered: a change from one away state to another is no new transition
    await w.set(w.s.a, w.people.a.id, { state: 'leave', version: (await cardOf(w.people.a.id)).version });
    await w.set(w.s.b, w.people.b.id, { state: 'training', version: (await cardOf(w.people.b.id)).version });
    expect(await uncoveredNotices()).toHaveLength(1);
    // covered again, then uncovered again: told again
    await w.set(w.s.b, w.people.b.id, { state: 'in_office', version: (await cardOf(w.people.b.id)).version });
    expect(await uncoveredNotices()).toHaveLength(1);
    await w.set(w.s.head, w.people.b.id, { state: 'out', version: (await cardOf(w.people.b.id)).version });
    expect(await uncoveredNotices()).toHaveLength(2);
    // nobody else is told: B and A are away, the colleague does not manage whereabouts
    for (const p of [w.people.a.id, w.people.b.id, w.people.colleague.id]) expect(await inboxOf(t, p, w.post.id)).toEqual([]);
    for (const p of [w.people.a.id, w.people.b.id]) await w.set(w.s.head, p, { state: 'in_office', version: (await cardOf(p)).version });
  });

  it('hands an enquiry addressed to the post to B while A is away, who owns it acting for A; to A once back', async () => {
    const desk = await buildViewerIn(t, w.dept.id, { permissions: ['enquiries.handle'], dataScope: 'dept' }); // 首问: whoever was asked first
    const register = async () => {
      const res = await desk.session.request({
        method: 'POST',
        url: '/api/enquiries',
        payload: { channel: 'visitor', enquirerName: '王小明', enquirerContact: '13812345678', subject: '咨询办证', body: '需要哪些材料' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const e = res.json() as EnquiryDetail;
      const handed = await desk.session.request({
        method: 'POST',
        url: `/api/enquiries/${e.id}/handovers`,
        payload: { toPostId: w.post.id, version: e.version },
      });
      expect(handed.statusCode, handed.body).toBe(201);
      return handed.json() as EnquiryDetail;
    };

    await w.set(w.s.a, w.people.a.id, { state: 'leave', expectedReturnAt: w.at(48 * HOUR) });
    const whileAway = await register();
    expect(whileAway.pendingTo).toMatchObject({ kind: 'post', id: w.post.id, actingPersonName: w.people.b.name });
    expect((await inboxOf(t, w.people.b.id, whileAway.id)).map((n) => n.kind)).toEqual(['enquiry.handover']);
    expect(await inboxOf(t, w.people.a.id, whileAway.id)).toEqual([]);
    const hid = whileAway.handovers.at(-1)!.id;
    const accepted = await w.s.b.request({ method: 'POST', url: `/api/enquiries/${whileAway.id}/handovers/${hid}/accept`, payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      ownerPersonId: w.people.b.id,
      actingForPersonId: w.people.a.id,
      actingForName: w.people.a.name,
    });

    await w.set(w.s.a, w.people.a.id, { state: 'in_office', version: (await w.card(w.s.a, w.people.a.id)).version });
    const back = await register();
    expect(back.pendingTo).toMatchObject({ kind: 'post', actingPersonName: w.people.a.name });
    expect((await inboxOf(t, w.people.a.id, back.id)).map((n) => n.kind)).toEqual(['enquiry.handover']);
    expect(await inboxOf(t, w.people.b.id, back.id)).toEqual([]);
    expect((await w.s.a.request({ method: 'GET', url: `/api/enquiries/${whileAway.id}` })).json().abilities.takeBack).toBe(true);
  });
});
