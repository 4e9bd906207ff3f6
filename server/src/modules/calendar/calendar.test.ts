import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ENGINES, signIn, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';

describe.each(ENGINES)('calendar API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers deadlines and working-day counts for other systems', async () => {
    const deadline = await t.admin.request({ method: 'GET', url: '/api/calendar/deadline?start=2026-09-30&workingDays=3' });
    expect(deadline.json()).toEqual({ date: '2026-10-10' });
    const count = await t.admin.request({ method: 'GET', url: '/api/calendar/working-days?from=2026-02-01&to=2026-02-28' });
    expect(count.json()).toEqual({ count: 5 + 5 + 1 + 4 + 1 }); // with both make-up Saturdays
  });

  it('refuses invalid dates and dates out of order, naming the field', async () => {
    const bad = await t.admin.request({ method: 'GET', url: '/api/calendar/deadline?start=2026-02-30&workingDays=3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.start');
    const reversed = await t.admin.request({ method: 'GET', url: '/api/calendar/working-days?from=2026-03-10&to=2026-03-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0]).toEqual({ path: 'querystring.to', message: '结束日期不能早于开始日期' });
    const negative = await t.admin.request({ method: 'GET', url: '/api/calendar/deadline?start=2026-03-01&workingDays=-1' });
    expect(negative.statusCode).toBe(400);
  });

  it('lets administrators add local days off, which every deadline then respects', async () => {
    const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
    const denied = await session.request({
      method: 'PUT',
      url: '/api/calendar/overrides',
      payload: { date: '2026-03-09', working: false, note: '防汛' },
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (
        await t.admin.request({
          method: 'PUT',
          url: '/api/calendar/overrides',
          payload: { date: '2026-03-09', working: false, note: '本地防汛调休' },
        })
      ).statusCode,
    ).toBe(200);
    const deadline = await session.request({ method: 'GET', url: '/api/calendar/deadline?start=2026-03-06&workingDays=1' });
    expect(deadline.json()).toEqual({ date: '2026-03-10' });
    const audit = await t.admin.request({ method: 'GET', url: '/api/audit?entityType=calendar_override' });
    expect(audit.json().total).toBe(1);
    await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2026-03-09' });
    expect((await session.request({ method: 'GET', url: '/api/calendar/deadline?start=2026-03-06&workingDays=1' })).json()).toEqual({
      date: '2026-03-09',
    });
  });

  it("warns when next year's holiday data is missing", async () => {
    t.clock.set(new Date('2027-06-01T00:00:00Z'));
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const status = (await admin.request({ method: 'GET', url: '/api/calendar/status' })).json();
    expect(status.coveredThrough).toBeGreaterThanOrEqual(2026);
    if (status.coveredThrough < 2028) expect(status.warning).toContain('2028');
  });
});
