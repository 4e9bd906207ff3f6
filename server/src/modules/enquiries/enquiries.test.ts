import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnquiryPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson, buildSignedInUser } from '../../../test/factories.ts';
import { act, detail, ENQUIRER, enquiryUnit, listIds, member, READER, register, STAFF, type Member } from './enquiries.test-support.ts';

/**
 * 首问登记, the lists, who sees what, reply and close, through the real app: the registrar owns the
 * enquiry, the enquirer is sealed at rest and masked in lists, HTML stays text, other units get 404.
 */
describe.each(ENGINES)('enquiries (首问负责) on %s', (engine) => {
  let t: TestApp;
  let leader: Member;
  let inspector: Member;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const root = (await enquiryUnit(t)).dept.id;
    leader = await member(t, root, READER, { dataScope: 'all', title: '管委会主任' });
    inspector = await member(t, root, READER, { dataScope: 'all' });
  });
  afterAll(() => t.close());

  it('registers an enquiry owned by its registrar: sealed at rest, masked in lists, HTML kept as text, a deadline running', async () => {
    const { staff, dept } = await enquiryUnit(t);
    const html = '<b>营业执照</b><script>alert(1)</script>';
    const e = await register(staff.session, { subject: html, body: `<img src=x onerror=alert(1)> 需要哪些材料？` });
    expect(e).toMatchObject({
      status: 'open',
      channel: 'visitor',
      ownerPersonId: staff.personId,
      ownerName: staff.name,
      registeredByName: staff.name,
      departmentId: dept.id,
      actingForPersonId: null,
      subject: html,
      body: '<img src=x onerror=alert(1)> 需要哪些材料？',
      enquirerName: ENQUIRER.name, // the owner answers it: in full
      enquirerContact: ENQUIRER.contact,
      contactShown: true,
      handovers: [],
      abilities: { handOver: true, reply: true, close: false, accept: false, decline: false, cancel: false, takeBack: false },
    });
    expect(e.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]$/);
    expect(e.timer).toMatchObject({ overdue: false, doneAt: null });
    expect(e.timer!.dueOn > '2026-03-02').toBe(true);

    const stored = await t.db.db.selectFrom('enquiries').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(stored.subject).toBe(html);
    for (const sealed of [stored.enquirerNameSealed, stored.enquirerContactSealed!]) {
      expect(sealed.startsWith('v1:')).toBe(true);
      expect(sealed).not.toContain(ENQUIRER.name);
      expect(sealed).not.toContain('5678');
    }

    const page = (await staff.session.request({ method: 'GET', url: '/api/enquiries?box=mine' })).json() as EnquiryPage;
    const item = page.items.find((i) => i.id === e.id)!;
    expect(item).toMatchObject({ enquirerName: '王**', enquirerContact: '138****5678', subject: html, status: 'open' });
  });

  it('refuses registration without enquiries.handle, to an account without a person, and bad input — keeping no record', async () => {
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('enquiries')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const post = (s: Member['session'], payload: object) => s.request({ method: 'POST', url: '/api/enquiries', payload });
    const good = { channel: 'phone', enquirerName: '李四', subject: '咨询', body: '咨询内容' };
    expect((await post(inspector.session, good)).statusCode).toBe(403);
    expect((await post(leader.session, good)).statusCode).toBe(403);
    const unbound = (await buildSignedInUser(t, { permissions: STAFF, personId: null })).session;
    const res = await post(unbound, good);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'enquiry_needs_person', message: '您的账号没有关联人员，不能登记或承接首问事项' });
    const { staff } = await enquiryUnit(t);
    expect((await post(staff.session, { ...good, subject: '' })).statusCode).toBe(400);
    expect((await post(staff.session, { ...good, channel: 'fax' })).statusCode).toBe(400);
    expect((await post(staff.session, { ...good, enquirerName: 'a'.repeat(51) })).statusCode).toBe(400);
    expect(await count()).toBe(before);
    // no enquiry right at all: the list is forbidden, a record is not found
    const outsider = (await buildSignedInUser(t, { permissions: ['tasks.read'], personId: (await buildPerson(t)).id })).session;
    expect((await outsider.request({ method: 'GET', url: '/api/enquiries' })).statusCode).toBe(403);
    const e = await register(staff.session);
    expect((await outsider.request({ method: 'GET', url: `/api/enquiries/${e.id}` })).statusCode).toBe(404);
  });

  it('scope: another unit gets 404 to read or act and never lists it; the head, colleagues and readers see it; only the owner answers', async () => {
    const a = await enquiryUnit(t);
    const b = await enquiryUnit(t);
    const e = await register(a.staff.session);
    const v = { version: e.version };
    for (const s of [b.staff.session, b.head.session]) {
      await detail(s, e.id, 404);
      expect((await act(s, `${e.id}/reply`, { reply: '已答复', replyWay: 'phone', ...v })).statusCode).toBe(404);
      expect((await act(s, `${e.id}/close`, v)).statusCode).toBe(404);
      expect((await act(s, `${e.id}/handovers`, { toDepartmentId: b.dept.id, ...v })).statusCode).toBe(404);
      expect(await listIds(s, 'box=all')).not.toContain(e.id);
    }
    // the head reads the department's (and, with enquiries.read, the enquirer in full); a colleague reads it masked
    const byHead = await detail(a.head.session, e.id);
    expect(byHead).toMatchObject({ contactShown: true, abilities: { reply: false, handOver: false } });
    expect(await listIds(a.head.session, 'box=department')).toContain(e.id);
    const byColleague = await detail(a.colleague.session, e.id);
    expect(byColleague).toMatchObject({ contactShown: false, enquirerName: '王**', enquirerContact: '138****5678' });
    expect(await listIds(a.colleague.session, 'box=department')).toContain(e.id);
    expect(await listIds(a.colleague.session, 'box=mine')).not.toContain(e.id);
    const replyBody = { reply: '已答复', replyWay: 'phone', ...v };
    expect((await act(a.head.session, `${e.id}/reply`, replyBody)).statusCode).toBe(403);
    expect((await act(a.colleague.session, `${e.id}/reply`, replyBody)).statusCode).toBe(403);
    // leaders and 纪检监察 read everything and act on nothing
    for (const s of [leader.session, inspector.session]) {
      expect((await detail(s, e.id)).subject).toBe(e.subject);
      expect(await listIds(s, 'box=all')).toContain(e.id);
      expect((await act(s, `${e.id}/reply`, replyBody)).statusCode).toBe(403);
    }
    expect((await act(a.staff.session, `${e.id}/reply`, replyBody)).statusCode).toBe(200);
  });

  it('closes only after a reply (400 saying so, in either language), stops the clock, and then refuses more', async () => {
    const { staff } = await enquiryUnit(t);
    const e = await register(staff.session);
    const early = await act(staff.session, `${e.id}/close`, { version: e.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'enquiry_reply_required', message: '办结前须先答复咨询人：请填写答复内容和答复方式' });
    const en = await act(staff.session, `${e.id}/close`, { version: e.version }, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Reply to the enquirer before closing: give the reply and how it was given');
    expect((await detail(staff.session, e.id)).status).toBe('open');

    expect((await act(staff.session, `${e.id}/reply`, { reply: '', replyWay: 'phone', version: e.version })).statusCode).toBe(400);
    expect((await act(staff.session, `${e.id}/reply`, { reply: '已告知', replyWay: 'fax', version: e.version })).statusCode).toBe(400);
    const answer = '<i>请携带身份证</i> & 经营场所证明';
    const replied = await act(staff.session, `${e.id}/reply`, { reply: answer, replyWay: 'phone', version: e.version });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'replied', reply: answer, replyWay: 'phone', repliedByName: staff.name });
    expect(replied.json().abilities).toMatchObject({ close: true, reply: false, handOver: false });
    expect((await act(staff.session, `${e.id}/close`, { version: e.version })).statusCode).toBe(409); // stale version

    const closed = await act(staff.session, `${e.id}/close`, { version: replied.json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', abilities: { close: false, reply: false, handOver: false } });
    expect(closed.json().closedAt).toBeTruthy();
    expect(closed.json().timer).toMatchObject({ onTime: true, overdue: false });
    expect(closed.json().timer.doneAt).toBeTruthy();

    const again = await act(staff.session, `${e.id}/reply`, { reply: '再答复', replyWay: 'sms', version: closed.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'enquiry_wrong_status', message: '这件首问事项已办结，现在不能这样做' });
    expect(await listIds(staff.session, 'box=mine&status=closed')).toEqual(expect.arrayContaining([e.id]));
    expect(await listIds(staff.session, 'box=mine&status=open')).not.toContain(e.id);
  });

  it('finds by subject words or tracking code, by channel, and pages', async () => {
    const { staff } = await enquiryUnit(t);
    const phone = await register(staff.session, { channel: 'phone', subject: '咨询 100%_退税 进度' });
    const visit = await register(staff.session, { channel: 'visitor', subject: '咨询公租房申请' });
    expect(await listIds(staff.session, `box=mine&q=${encodeURIComponent('100%_退税')}`)).toEqual([phone.id]);
    expect(await listIds(staff.session, `box=mine&q=${encodeURIComponent('100%退')}`)).toEqual([]); // % is a character, not a wildcard
    expect(await listIds(staff.session, `box=mine&q=${visit.code.toLowerCase()}`)).toEqual([visit.id]);
    expect(await listIds(staff.session, 'box=mine&channel=phone')).toEqual([phone.id]);
    const page = (await staff.session.request({ method: 'GET', url: '/api/enquiries?box=mine&pageSize=1&page=2' })).json() as EnquiryPage;
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((i) => i.id)).toEqual([phone.id]); // newest first
  });
});
