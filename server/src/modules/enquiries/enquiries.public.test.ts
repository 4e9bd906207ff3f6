import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicEnquiry } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPost } from '../../../test/factories.ts';
import { newTrackingCode } from '../../platform/public/tracking-code.ts';
import { enquiryForRating } from './index.ts';
import { act, ENQUIRER, enquiryUnit, register } from './enquiries.test-support.ts';

/**
 * The enquirer follows an enquiry by its tracking code (查询码), without an account: status, reply
 * and dates; of staff only the name, post and unit — never a contact, nor the enquirer's own name.
 */
describe.each(ENGINES)('public enquiry lookup on %s', (engine) => {
  let t: TestApp;
  let caller = 0;
  beforeAll(async () => (t = await startTestApp(engine)));
  afterAll(() => t.close());

  /** Each lookup from its own address and device, so rate limits never spill between cases. */
  const lookup = (code: string, lang = 'zh-CN') => {
    caller += 1;
    return t.app.inject({
      method: 'GET',
      url: `/api/public/enquiries/${encodeURIComponent(code)}`,
      remoteAddress: `198.51.100.${caller}`,
      headers: { 'x-device-id': `enquiry-device-${engine}-${caller}`.padEnd(20, '0'), 'accept-language': lang },
    });
  };

  it('answers 400 to a mistyped code and 404 to a well-formed one that matches nothing', async () => {
    const bad = await lookup('ABC');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'params.code' });
    expect((await lookup(newTrackingCode())).statusCode).toBe(404);
  });

  it('shows status, post and unit, then the reply and dates — and nothing personal', async () => {
    const { staff, dept } = await enquiryUnit(t);
    await buildPost(t, { departmentId: dept.id, name: '综合窗口岗', aPersonId: staff.personId, bPersonId: null });
    const subject = '<script>alert("x")</script>咨询社保转移';
    const e = await register(staff.session, { subject });
    const open = await lookup(e.code.toLowerCase().replaceAll('-', ' '));
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({
      code: e.code,
      subject,
      status: 'open',
      handledBy: { name: staff.name, postName: '综合窗口岗', departmentName: dept.name },
      reply: null,
      closedAt: null,
    } satisfies Partial<PublicEnquiry>);
    for (const secret of [ENQUIRER.name, ENQUIRER.contact, staff.personId, e.id]) expect(open.body).not.toContain(secret);

    const replied = await act(staff.session, `${e.id}/reply`, { reply: '请到社保窗口办理', replyWay: 'in_person', version: e.version });
    await act(staff.session, `${e.id}/close`, { version: replied.json().version });
    const closed = (await lookup(e.code)).json() as PublicEnquiry;
    expect(closed).toMatchObject({ status: 'closed', reply: '请到社保窗口办理', replyWay: 'in_person' });
    expect(closed.steps.map((s) => [s.kind, s.departmentName])).toEqual([
      ['registered', dept.name],
      ['replied', dept.name],
      ['closed', dept.name],
    ]);

    // what the ratings module reads of it
    const plain = e.code.replaceAll('-', '');
    expect(await enquiryForRating(t.db.db, plain)).toEqual({
      id: e.id,
      ownerPersonId: staff.personId,
      departmentId: dept.id,
      closedAt: closed.closedAt,
    });
    expect(await enquiryForRating(t.db.db, newTrackingCode())).toBeNull();
  });

  it('lists an accepted hand-over as a step to the receiving unit, and shows a pending one as in hand', async () => {
    const a = await enquiryUnit(t);
    const b = await enquiryUnit(t);
    const e = await register(a.staff.session);
    const offered = await act(a.staff.session, `${e.id}/handovers`, { toDepartmentId: b.dept.id, version: e.version });
    expect((await lookup(e.code)).json().status).toBe('open');
    const hid = offered.json().handovers[0].id as string;
    expect((await act(b.staff.session, `${e.id}/handovers/${hid}/accept`)).statusCode).toBe(200);
    const seen = (await lookup(e.code, 'en-US')).json() as PublicEnquiry;
    expect(seen.handledBy).toMatchObject({ name: b.staff.name, departmentName: b.dept.name });
    expect(seen.steps.map((s) => [s.kind, s.departmentName])).toEqual([
      ['registered', a.dept.name],
      ['transferred', b.dept.name],
    ]);
  });
});
