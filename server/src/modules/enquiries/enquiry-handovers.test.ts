import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnquiryDetail } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPost } from '../../../test/factories.ts';
import { act, detail, enquiryUnit, listIds, member, noticeKinds, register, setAway } from './enquiries.test-support.ts';

/**
 * The hand-over chain (首问移交) through the real app: ownership moves only when the receiver
 * accepts; declining or cancelling leaves it with its owner; a post's hand-over reaches its acting
 * holder (B while A is away, marked acting for A) and A again once back; refusals keep no trace.
 */
describe.each(ENGINES)('enquiry hand-overs on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp(engine)));
  afterAll(() => t.close());

  const offer = async (s: Parameters<typeof act>[0], e: EnquiryDetail, to: object, note?: string) => {
    const res = await act(s, `${e.id}/handovers`, { ...to, note, version: e.version });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json() as EnquiryDetail;
    return { after, hid: after.handovers.at(-1)!.id };
  };

  it('the whole chain: a person declines (the owner keeps it and is told), a department accepts (its member owns it), a cancel', async () => {
    const a = await enquiryUnit(t);
    const b = await enquiryUnit(t);
    const e = await register(a.staff.session);

    const first = await offer(a.staff.session, e, { toPersonId: b.staff.personId }, '涉及市场监管，请协助答复');
    expect(first.after).toMatchObject({
      status: 'handing_over',
      ownerPersonId: a.staff.personId, // not moved until accepted
      pendingTo: { kind: 'person', id: b.staff.personId, name: b.staff.name },
      abilities: { cancel: true, reply: false, handOver: false, accept: false },
    });
    expect(await noticeKinds(b.staff.session, e.id)).toEqual(['enquiry.handover']);
    expect(await listIds(b.staff.session, 'box=awaiting')).toEqual([e.id]);
    expect(await listIds(b.colleague.session, 'box=awaiting')).toEqual([]);
    const seen = await detail(b.staff.session, e.id);
    expect(seen).toMatchObject({ contactShown: true, abilities: { accept: true, decline: true, cancel: false } });

    // one pending hand-over at a time; no reply while it waits
    const second = await act(a.staff.session, `${e.id}/handovers`, { toDepartmentId: b.dept.id, version: first.after.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('enquiry_handover_pending');
    expect(
      (await act(a.staff.session, `${e.id}/reply`, { reply: '答复', replyWay: 'phone', version: first.after.version })).statusCode,
    ).toBe(409);
    // only the receiver decides; only the one who offered cancels
    expect((await act(b.colleague.session, `${e.id}/handovers/${first.hid}/accept`)).statusCode).toBe(404);
    expect((await act(a.colleague.session, `${e.id}/handovers/${first.hid}/accept`)).statusCode).toBe(403);
    expect((await act(b.staff.session, `${e.id}/handovers/${first.hid}/cancel`)).statusCode).toBe(403);

    const declined = await act(b.staff.session, `${e.id}/handovers/${first.hid}/decline`, { note: '不属本单位职责' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'open',
      ownerPersonId: a.staff.personId,
      pendingTo: null,
      abilities: { accept: false },
    });
    expect(await noticeKinds(a.staff.session, e.id)).toEqual(['enquiry.handover_declined']);
    const again = await act(b.staff.session, `${e.id}/handovers/${first.hid}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('enquiry_handover_not_pending');

    const now = await detail(a.staff.session, e.id);
    const toDept = await offer(a.staff.session, now, { toDepartmentId: b.dept.id });
    expect(await noticeKinds(b.head.session, e.id)).toEqual(['enquiry.handover']); // a department: its head is told
    expect(await listIds(b.colleague.session, 'box=awaiting')).toEqual([e.id]); // anyone of it on the desk may accept
    const accepted = await act(b.colleague.session, `${e.id}/handovers/${toDept.hid}/accept`, { note: '我来办理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'open',
      ownerPersonId: b.colleague.personId,
      departmentId: b.dept.id,
      actingForPersonId: null,
      abilities: { reply: true, handOver: true },
    });
    expect(await listIds(b.colleague.session, 'box=mine')).toEqual([e.id]);

    // the one who handed it on still follows it, masked and without abilities; A's head no longer sees it
    const formerOwner = await detail(a.staff.session, e.id);
    expect(formerOwner).toMatchObject({ contactShown: false, abilities: { reply: false, handOver: false, close: false } });
    await detail(a.head.session, e.id, 404);
    expect(await listIds(b.head.session, 'box=department')).toContain(e.id);

    const toPerson = await offer(b.colleague.session, accepted.json(), { toPersonId: a.colleague.personId });
    const cancelled = await act(b.colleague.session, `${e.id}/handovers/${toPerson.hid}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'open', ownerPersonId: b.colleague.personId });
    expect((await act(a.colleague.session, `${e.id}/handovers/${toPerson.hid}/accept`)).statusCode).toBe(409);

    const chain = (await detail(b.colleague.session, e.id)).handovers;
    expect(chain.map((h) => [h.fromName, h.to.kind, h.to.name, h.status, h.decidedByName])).toEqual([
      [a.staff.name, 'person', b.staff.name, 'declined', b.staff.name],
      [a.staff.name, 'department', b.dept.name, 'accepted', b.colleague.name],
      [b.colleague.name, 'person', a.colleague.name, 'cancelled', b.colleague.name],
    ]);
    expect(chain[0]).toMatchObject({ note: '涉及市场监管，请协助答复', decisionNote: '不属本单位职责' });
  });

  it('refuses a hand-over to oneself, to an archived unit or post, to someone who left, to a post nobody holds — leaving no trace', async () => {
    const a = await enquiryUnit(t);
    const e = await register(a.staff.session);
    const tryTo = (to: object, s = a.staff.session) => act(s, `${e.id}/handovers`, { ...to, version: e.version });
    const refused = async (to: object, code: string, path: string, message?: string) => {
      const res = await tryTo(to);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.fields[0].path).toBe(path);
      if (message) expect(res.json().error.message).toBe(message);
    };
    await refused(
      { toPersonId: a.staff.personId },
      'enquiry_handover_to_self',
      'body.toPersonId',
      '不能移交给自己：请选择其他人员、岗位或部门',
    );

    const archived = await buildDepartment(t);
    expect((await t.admin.request({ method: 'POST', url: `/api/departments/${archived.id}/archive` })).statusCode).toBe(200);
    await refused(
      { toDepartmentId: archived.id },
      'enquiry_handover_archived',
      'body.toDepartmentId',
      `“${archived.name}”已撤销，不能接收移交`,
    );

    const post = await buildPost(t, { departmentId: a.dept.id });
    expect((await t.admin.request({ method: 'POST', url: `/api/posts/${post.id}/archive` })).statusCode).toBe(200);
    await refused({ toPostId: post.id }, 'enquiry_handover_archived', 'body.toPostId');

    const gone = await member(t, a.dept.id);
    const left = await t.admin.request({ method: 'PATCH', url: `/api/people/${gone.personId}`, payload: { status: 'left' } });
    expect(left.statusCode, left.body).toBe(200);
    await refused({ toPersonId: gone.personId }, 'enquiry_handover_person_left', 'body.toPersonId', `“${gone.name}”已离职，不能接收移交`);

    const empty = await buildPost(t, { departmentId: a.dept.id, aPersonId: null, bPersonId: null });
    await refused({ toPostId: empty.id }, 'enquiry_handover_post_unheld', 'body.toPostId');
    const mine = await buildPost(t, { departmentId: a.dept.id, aPersonId: a.staff.personId, bPersonId: null });
    await refused({ toPostId: mine.id }, 'enquiry_handover_to_self', 'body.toPostId'); // its acting holder is me

    expect((await tryTo({ toPersonId: a.colleague.personId, toDepartmentId: a.dept.id })).statusCode).toBe(400);
    expect((await tryTo({})).statusCode).toBe(400);
    expect((await tryTo({ toPersonId: '0190f0a0-0000-7000-8000-00000000dead' })).statusCode).toBe(404);
    expect((await tryTo({ toDepartmentId: a.dept.id }, a.colleague.session)).statusCode).toBe(403); // not the owner
    expect((await tryTo({ toDepartmentId: a.dept.id }, a.head.session)).statusCode).toBe(403); // nor its head while the owner is here

    const after = await detail(a.staff.session, e.id);
    expect(after).toMatchObject({ status: 'open', version: e.version, handovers: [], ownerPersonId: a.staff.personId });
  });

  it('when the owner has left, the unit’s head hands it on for them', async () => {
    const a = await enquiryUnit(t);
    const e = await register(a.colleague.session);
    const left = await t.admin.request({ method: 'PATCH', url: `/api/people/${a.colleague.personId}`, payload: { status: 'left' } });
    expect(left.statusCode, left.body).toBe(200);
    expect((await detail(a.head.session, e.id)).abilities.handOver).toBe(true);
    const { hid } = await offer(a.head.session, e, { toPersonId: a.staff.personId });
    expect((await act(a.staff.session, `${e.id}/handovers/${hid}/accept`)).json()).toMatchObject({ ownerPersonId: a.staff.personId });
  });

  it('AB岗: while A is away a post’s hand-over reaches B, who owns it acting for A; once A is back the next one goes to A, and A takes back the rest', async () => {
    const front = await enquiryUnit(t); // where enquiries are received
    const unit = await enquiryUnit(t);
    const A = await member(t, unit.dept.id);
    const B = await member(t, unit.dept.id);
    const post = await buildPost(t, { departmentId: unit.dept.id, name: '登记岗', aPersonId: A.personId, bPersonId: B.personId });
    const byFront = (over = {}) => register(front.staff.session, over);

    await setAway(t, A.personId, true);
    const e1 = await byFront({ subject: 'A 外出时移交的咨询一' });
    const first = await offer(front.staff.session, e1, { toPostId: post.id });
    expect(first.after.pendingTo).toMatchObject({ kind: 'post', id: post.id, name: '登记岗', actingPersonName: B.name });
    expect(await noticeKinds(B.session, e1.id)).toEqual(['enquiry.handover']);
    expect(await noticeKinds(A.session, e1.id)).toEqual([]);
    expect((await act(A.session, `${e1.id}/handovers/${first.hid}/accept`)).statusCode).toBe(404); // not A's to accept now
    const byB = await act(B.session, `${e1.id}/handovers/${first.hid}/accept`);
    expect(byB.statusCode, byB.body).toBe(200);
    expect(byB.json()).toMatchObject({
      ownerPersonId: B.personId,
      actingForPersonId: A.personId,
      actingForName: A.name,
      departmentId: unit.dept.id,
    });
    expect(byB.json().handovers.at(-1)).toMatchObject({ status: 'accepted', decidedByName: B.name, actingForName: A.name });
    // B is the post's acting holder: handing it to the post would be handing it to oneself
    const toSelf = await act(B.session, `${e1.id}/handovers`, { toPostId: post.id, version: byB.json().version });
    expect(toSelf.json().error?.code).toBe('enquiry_handover_to_self');

    const e3 = await byFront({ subject: 'A 外出时移交的咨询二' });
    const third = await offer(front.staff.session, e3, { toPostId: post.id });
    expect((await act(B.session, `${e3.id}/handovers/${third.hid}/accept`)).statusCode).toBe(200);
    expect((await detail(A.session, e3.id)).abilities.takeBack).toBe(false); // A is still away

    await setAway(t, A.personId, false); // A is back: it flows back to A
    expect(await listIds(A.session, 'box=mine')).toEqual(expect.arrayContaining([e1.id, e3.id])); // held for A, shown to A
    const e2 = await byFront({ subject: 'A 返岗后移交的咨询' });
    const second = await offer(front.staff.session, e2, { toPostId: post.id });
    expect(await noticeKinds(A.session, e2.id)).toEqual(['enquiry.handover']);
    expect(await noticeKinds(B.session, e2.id)).toEqual([]);
    expect((await act(B.session, `${e2.id}/handovers/${second.hid}/accept`)).statusCode).toBe(404);
    const byA = await act(A.session, `${e2.id}/handovers/${second.hid}/accept`);
    expect(byA.json()).toMatchObject({ ownerPersonId: A.personId, actingForPersonId: null });

    // B hands what they held to the post: now A receives it
    const held = await detail(B.session, e1.id);
    const back = await offer(B.session, held, { toPostId: post.id });
    expect(back.after.pendingTo?.actingPersonName).toBe(A.name);
    const toA = await act(A.session, `${e1.id}/handovers/${back.hid}/accept`);
    expect(toA.json()).toMatchObject({ ownerPersonId: A.personId, actingForPersonId: null });

    // and A takes back the other one directly, on the record
    const mine = await detail(A.session, e3.id);
    expect(mine.abilities.takeBack).toBe(true);
    expect((await act(B.session, `${e3.id}/take-back`, { version: mine.version })).statusCode).toBe(403);
    const taken = await act(A.session, `${e3.id}/take-back`, { version: mine.version });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ ownerPersonId: A.personId, actingForPersonId: null, abilities: { takeBack: false, reply: true } });
    expect(taken.json().handovers.at(-1)).toMatchObject({
      kind: 'take_back',
      fromName: B.name,
      to: { kind: 'person', name: A.name },
      status: 'accepted',
    });
  });
});
