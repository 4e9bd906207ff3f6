import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rectification } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildRectification, buildSignedInUser } from '../../../test/factories.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { buildUnit, call, detailOf, listOf, noticesOf, stepOk, VERIFYING } from './rectification.test-support.ts';

const START = new Date('2026-03-02T01:00:00Z'); // Monday 2 March, 09:00 in Shanghai

/**
 * 整改 through the real app: a finding becomes an item for the department head, who assigns it; the
 * owner submits; the office revisits (回访) and verifies (办结) or returns it — and every step is
 * refused to whoever may not take it (403) or may not see the item (404).
 */
describe.each(ENGINES)('rectification (整改) steps on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let leader: Session;
  let inspector: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const as = async (permissions: Parameters<typeof buildSignedInUser>[1]['permissions']) =>
      (await buildSignedInUser(t, { permissions, personId: (await buildPerson(t)).id })).session;
    office = await as(VERIFYING);
    leader = await as(['rectification.read', 'tasks.read', 'tasks.instruct']);
    inspector = await as(['rectification.read', 'tasks.read', 'audit.read']);
  });
  afterEach(() => t.clock.set(START));
  afterAll(async () => {
    await t.close();
  });

  it('takes a bad review from the head to the owner, through 回访, to 办结 — each step refused to the others', async () => {
    const { dept, head, staff, member } = await buildUnit(t);
    const other = await member();
    const opened = await buildRectification(t, {
      departmentId: dept.id,
      source: 'bad_review',
      limitKind: 'bad_review',
      personId: staff.person.id,
    });
    expect(opened.code).toMatch(/^ZG-2026-\d{4}$/);
    expect(opened.dueOn).toBe((await calendarFor(t.db.db)).addWorkingDays('2026-03-02', 5)); // the bad_review rule: 5 working days
    expect(await noticesOf(head.session, opened.id)).toEqual(['rectification.open']);
    expect(await noticesOf(staff.session, opened.id)).toEqual([]);

    let item = await detailOf(head.session, opened.id);
    expect(item).toMatchObject({
      status: 'open',
      ownerPersonId: head.person.id,
      personName: staff.person.name,
      overdue: false,
      revisited: false,
    });
    expect(item.workingDaysLeft).toBe(5);
    expect(item.abilities).toEqual({ assign: true, submit: true, verify: false, return: false, revisit: false });
    expect(item.ownerCandidates.map((c) => c.id).sort()).toEqual([head.person.id, staff.person.id, other.person.id].sort());
    expect((await detailOf(staff.session, opened.id)).abilities).toMatchObject({ assign: false, submit: false });

    const submit = { resolution: 'fixed', note: '已约谈当事人，窗口增设引导员', attachmentRef: '整改台账第 3 页', version: item.version };
    // not theirs yet; not the department's; not the office's to submit
    expect((await call(staff.session, 'POST', `/api/rectifications/${item.id}/submit`, submit)).statusCode).toBe(403);
    expect((await call(office, 'POST', `/api/rectifications/${item.id}/submit`, submit)).statusCode).toBe(403);
    expect(
      (
        await call(staff.session, 'POST', `/api/rectifications/${item.id}/assign`, {
          ownerPersonId: staff.person.id,
          version: item.version,
        })
      ).statusCode,
    ).toBe(403);
    const stranger = await buildUnit(t);
    expect((await call(stranger.head.session, 'GET', `/api/rectifications/${item.id}`)).statusCode).toBe(404);
    expect((await call(stranger.head.session, 'POST', `/api/rectifications/${item.id}/submit`, submit)).statusCode).toBe(404);
    expect(
      (
        await call(stranger.head.session, 'POST', `/api/rectifications/${item.id}/assign`, {
          ownerPersonId: stranger.staff.person.id,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const outsider = await call(head.session, 'POST', `/api/rectifications/${item.id}/assign`, {
      ownerPersonId: stranger.staff.person.id,
      version: item.version,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields[0].path).toBe('body.ownerPersonId');

    item = await stepOk(head.session, item.id, 'assign', { ownerPersonId: staff.person.id, version: item.version });
    expect(item).toMatchObject({ ownerPersonId: staff.person.id, ownerName: staff.person.name });
    expect(await noticesOf(staff.session, item.id)).toEqual(['rectification.assign']);
    expect(
      (await call(other.session, 'POST', `/api/rectifications/${item.id}/submit`, { ...submit, version: item.version })).statusCode,
    ).toBe(403);
    item = await stepOk(staff.session, item.id, 'submit', { ...submit, version: item.version });
    expect(item).toMatchObject({ status: 'submitted', resolution: 'fixed', resolutionNote: submit.note, attachmentRef: '整改台账第 3 页' });
    const again = await call(head.session, 'POST', `/api/rectifications/${item.id}/submit`, { ...submit, version: item.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('rectification_state');

    // a bad review is revisited before it is verified
    expect((await detailOf(office, item.id)).abilities).toEqual({
      assign: false,
      submit: false,
      verify: false,
      return: true,
      revisit: true,
    });
    const early = await call(office, 'POST', `/api/rectifications/${item.id}/verify`, { version: item.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('rectification_revisit_first');
    const revisit = {
      revisitedOn: '2026-03-02',
      way: 'phone',
      contactName: '王建国',
      contactPhone: '13812345678',
      outcome: 'satisfied',
      version: item.version,
    };
    for (const s of [head.session, leader, inspector])
      expect((await call(s, 'POST', `/api/rectifications/${item.id}/revisit`, revisit)).statusCode).toBe(403);
    const future = await call(office, 'POST', `/api/rectifications/${item.id}/revisit`, { ...revisit, revisitedOn: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('body.revisitedOn');
    item = await stepOk(office, item.id, 'revisit', { ...revisit, note: '群众表示满意' });
    expect(item.revisited).toBe(true);
    expect(item.revisits[0]).toMatchObject({ contactName: '王建国', contactPhone: '13812345678', outcome: 'satisfied', way: 'phone' });
    // the department reads whom the office reached only masked
    expect((await detailOf(head.session, item.id)).revisits[0]).toMatchObject({ contactName: '王**', contactPhone: '138****5678' });
    const stored = await t.db.db
      .selectFrom('rectificationRevisits')
      .selectAll()
      .where('rectificationId', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stored.contactPhoneSealed).not.toContain('13812345678');

    for (const s of [leader, inspector, head.session])
      expect((await call(s, 'POST', `/api/rectifications/${item.id}/verify`, { version: item.version })).statusCode).toBe(403);
    item = await stepOk(office, item.id, 'verify', { note: '核实属实，同意办结', version: item.version });
    expect(item).toMatchObject({ status: 'verified', onTime: true, overdue: false });
    expect(item.closedAt).not.toBeNull();
    expect(item.abilities).toEqual({ assign: false, submit: false, verify: false, return: false, revisit: true });
    expect(item.events.map((e) => e.action)).toEqual(['open', 'assign', 'submit', 'revisit', 'verify']);
    expect(item.events[0]!.actorName).toBe('系统');
    expect(item.events[1]!.ownerName).toBe(staff.person.name);
    expect(
      (await call(office, 'POST', `/api/rectifications/${item.id}/return`, { reason: '再看看', version: item.version })).statusCode,
    ).toBe(409);
  });

  it('returns a submission with its reason to the owner; an item past its date is overdue in lists and finished late', async () => {
    const { dept, head } = await buildUnit(t);
    const opened = await buildRectification(t, { departmentId: dept.id });
    let item = await stepOk(head.session, opened.id, 'submit', { resolution: 'explained', note: '<b>情况说明</b>', version: 1 });
    expect(item.resolutionNote).toBe('<b>情况说明</b>'); // markup stays text
    for (const s of [head.session, leader, inspector])
      expect(
        (await call(s, 'POST', `/api/rectifications/${item.id}/return`, { reason: '说明不充分', version: item.version })).statusCode,
      ).toBe(403);
    expect((await call(office, 'POST', `/api/rectifications/${item.id}/return`, { reason: '  ', version: item.version })).statusCode).toBe(
      400,
    );
    item = await stepOk(office, item.id, 'return', { reason: '说明不充分，请补充佐证', version: item.version });
    expect(item).toMatchObject({ status: 'returned', dueOn: opened.dueOn });
    expect(item.abilities.submit).toBe(false); // the office's view
    expect((await noticesOf(head.session, item.id)).sort()).toEqual(['rectification.open', 'rectification.return']);
    expect(item.events.at(-1)).toMatchObject({ action: 'return', note: '说明不充分，请补充佐证' });

    expect(item.overdue).toBe(false);
    // two more, opened earlier (the clock moved back for the opening only: sessions live in the present)
    const cal = await calendarFor(t.db.db);
    const openedOn = async (day: string) => {
      t.clock.set(new Date(`${day}T01:00:00Z`));
      const made = await buildRectification(t, { departmentId: dept.id });
      t.clock.set(START);
      return made;
    };
    let start = '2026-03-02';
    while (cal.addWorkingDays(start, 15) > '2026-03-02')
      start = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const dueToday = await openedOn(start);
    expect(dueToday.dueOn).toBe('2026-03-02');
    const late = await openedOn('2026-01-05');
    const overdue = await listOf(head.session, 'overdue=true');
    expect(overdue.items.map((i) => i.id)).toEqual([late.id]); // due today is not overdue yet
    expect(overdue.items[0]).toMatchObject({ overdue: true, dueOn: late.dueOn });
    expect(overdue.items[0]!.workingDaysLeft).toBeLessThan(0);
    expect(overdue.counts.overdue).toBe(1);
    expect((await listOf(head.session, 'overdue=false')).items.map((i) => i.id).sort()).toEqual([item.id, dueToday.id].sort());

    const lateItem = await stepOk(head.session, late.id, 'submit', { resolution: 'fixed', note: '已补充', version: 1 });
    expect(await stepOk(office, late.id, 'verify', { version: lateItem.version })).toMatchObject({
      status: 'verified',
      onTime: false,
      overdue: true,
    });
    item = await stepOk(head.session, item.id, 'submit', { resolution: 'fixed', note: '已补充', version: item.version });
    item = await stepOk(office, item.id, 'verify', { version: item.version }); // an inspection finding needs no 回访 first
    expect(item).toMatchObject({ status: 'verified', onTime: true, revisited: false });
    expect((await listOf(office, `departmentId=${dept.id}&status=verified&revisited=false`)).items.map((i) => i.id).sort()).toEqual(
      [item.id, late.id].sort(),
    );
  });

  it('lets the office open one by hand for a unit it sees — refused to the department and to readers, nothing left by bad input', async () => {
    const { dept, head, staff } = await buildUnit(t);
    const body = {
      departmentId: dept.id,
      personId: staff.person.id,
      title: '<script>alert(1)</script> 窗口推诿',
      detail: '群众来信反映窗口推诿',
    };
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('rectifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const s of [head.session, leader, inspector]) expect((await call(s, 'POST', '/api/rectifications', body)).statusCode).toBe(403);
    const otherPerson = await buildPerson(t);
    const wrong = await call(office, 'POST', '/api/rectifications', { ...body, personId: otherPerson.id, dueOn: '2026-02-27' });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.dueOn', 'body.personId']);
    expect((await call(office, 'POST', '/api/rectifications', { ...body, title: '' })).statusCode).toBe(400);
    const english = await office.request({
      method: 'POST',
      url: '/api/rectifications',
      payload: { ...body, dueOn: '2026-02-27' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.fields[0].message).toBe('the deadline cannot be before today (2026-03-02)');
    expect(await count()).toBe(before);

    const res = await call(office, 'POST', '/api/rectifications', { ...body, dueOn: '2026-03-20' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as Rectification;
    expect(made).toMatchObject({ source: 'other', title: body.title, dueOn: '2026-03-20', status: 'open', ownerPersonId: head.person.id });
    expect(made.sourceId).toBe(made.id);
    expect(await noticesOf(head.session, made.id)).toEqual(['rectification.open']);
  });

  it('shows each department only its own items, the office, leaders and 纪检监察 all of them, with the counts of the tabs', async () => {
    const a = await buildUnit(t);
    const b = { dept: await buildDepartment(t) };
    const itemA = await buildRectification(t, { departmentId: a.dept.id });
    const itemB = await buildRectification(t, { departmentId: b.dept.id, source: 'spot_check' });
    const seenBy = async (s: Session) => (await listOf(s)).items.map((i) => i.id);
    expect(await seenBy(a.staff.session)).toContain(itemA.id);
    expect(await seenBy(a.staff.session)).not.toContain(itemB.id);
    expect((await call(a.staff.session, 'GET', `/api/rectifications/${itemB.id}`)).statusCode).toBe(404);
    for (const s of [office, leader, inspector]) {
      const seen = await seenBy(s);
      expect(seen).toEqual(expect.arrayContaining([itemA.id, itemB.id]));
    }
    const asLeader = await detailOf(leader, itemA.id);
    expect(Object.values(asLeader.abilities).some(Boolean)).toBe(false);
    expect(asLeader.ownerCandidates).toEqual([]);
    const page = await listOf(office, `departmentId=${b.dept.id}&source=spot_check`);
    expect(page.items.map((i) => i.id)).toEqual([itemB.id]);
    expect(page.counts).toMatchObject({ all: 1, open: 1, submitted: 0 });
    expect((await listOf(office, `departmentId=${b.dept.id}&status=submitted`)).total).toBe(0);
    const noRead = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
    expect((await call(noRead, 'GET', '/api/rectifications')).statusCode).toBe(403);
    expect((await call(noRead, 'GET', `/api/rectifications/${itemA.id}`)).statusCode).toBe(403);
  });

  it('answers 404 to a verifier whose data scope does not cover the department, for every step and for opening one there', async () => {
    const { dept, head } = await buildUnit(t);
    const elsewhere = { dept: await buildDepartment(t) };
    const narrow = (await buildSignedInUser(t, { permissions: VERIFYING, dataScope: 'custom', customDepartmentIds: [elsewhere.dept.id] }))
      .session;
    const opened = await buildRectification(t, { departmentId: dept.id });
    const item = await stepOk(head.session, opened.id, 'submit', { resolution: 'fixed', note: '已整改', version: 1 });
    const steps: [string, object][] = [
      ['verify', { version: item.version }],
      ['return', { reason: '不充分', version: item.version }],
      ['revisit', { revisitedOn: '2026-03-02', way: 'visit', outcome: 'satisfied', version: item.version }],
    ];
    for (const [step, body] of steps)
      expect((await call(narrow, 'POST', `/api/rectifications/${item.id}/${step}`, body)).statusCode, step).toBe(404);
    expect((await call(narrow, 'GET', `/api/rectifications/${item.id}`)).statusCode).toBe(404);
    expect(
      (await call(narrow, 'POST', '/api/rectifications', { departmentId: dept.id, title: '越权登记', detail: '不应成功' })).statusCode,
    ).toBe(404);
    expect(
      (await call(narrow, 'POST', '/api/rectifications', { departmentId: elsewhere.dept.id, title: '本范围登记', detail: '应当成功' }))
        .statusCode,
    ).toBe(201);
    expect((await detailOf(office, item.id)).status).toBe('submitted');
  });

  it('lets one of two crossing submissions through and answers the other 409', async () => {
    const { dept, head, staff } = await buildUnit(t);
    const opened = await buildRectification(t, { departmentId: dept.id });
    const item = await stepOk(head.session, opened.id, 'assign', { ownerPersonId: staff.person.id, version: 1 });
    const body = (note: string) => ({ resolution: 'fixed', note, version: item.version });
    const answers = await Promise.all([
      call(head.session, 'POST', `/api/rectifications/${item.id}/submit`, body('负责人报送')),
      call(staff.session, 'POST', `/api/rectifications/${item.id}/submit`, body('整改人报送')),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = await detailOf(office, item.id);
    expect(after.events.filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(after.version).toBe(item.version + 1);
  });
});
