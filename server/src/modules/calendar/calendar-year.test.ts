import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser } from '../../../test/factories.ts';

describe.each(ENGINES)('calendar year and overrides by year on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (date: string, working: boolean, note: string) =>
    t.admin.request({ method: 'PUT', url: '/api/calendar/overrides', payload: { date, working, note } });

  it("lists a year's holidays, 调休 working weekends and local overrides — and nothing ordinary", async () => {
    await put('2026-03-09', false, '防汛调休');
    await put('2026-10-01', true, '值班');
    try {
      const { session } = await buildSignedInUser(t, { permissions: ['org.read'] });
      const res = await session.request({ method: 'GET', url: '/api/calendar/year?year=2026' });
      expect(res.statusCode).toBe(200);
      const year = res.json();
      expect(year).toMatchObject({ year: 2026, covered: true });
      const day = (date: string) => year.items.find((d: { date: string }) => d.date === date);
      // 国庆节 on a weekday, and the make-up Saturday after it
      expect(day('2026-10-02')).toEqual({ date: '2026-10-02', working: false, source: 'official', holiday: '国庆节', note: null });
      expect(day('2026-10-10')).toEqual({ date: '2026-10-10', working: true, source: 'official', holiday: '国庆节', note: null });
      // local overrides win, keeping the festival's name beside the note
      expect(day('2026-03-09')).toEqual({ date: '2026-03-09', working: false, source: 'local', holiday: null, note: '防汛调休' });
      expect(day('2026-10-01')).toMatchObject({ working: true, source: 'local', holiday: '国庆节', note: '值班' });
      // an ordinary Monday and an ordinary Saturday are not listed
      expect(day('2026-09-28')).toBeUndefined();
      expect(day('2026-09-12')).toBeUndefined();
      expect(year.items.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);

      const en = await session.request({ method: 'GET', url: '/api/calendar/year?year=2026', headers: { 'accept-language': 'en' } });
      expect(en.json().items.find((d: { date: string }) => d.date === '2026-10-02').holiday).toBe('National Day');
    } finally {
      await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2026-03-09' });
      await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2026-10-01' });
    }
  });

  it('shows only local overrides for a year the official data does not cover', async () => {
    await put('2199-05-04', false, '本地假日');
    try {
      const year = (await t.admin.request({ method: 'GET', url: '/api/calendar/year?year=2199' })).json();
      expect(year).toEqual({
        year: 2199,
        covered: false,
        items: [{ date: '2199-05-04', working: false, source: 'local', holiday: null, note: '本地假日' }],
      });
    } finally {
      await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2199-05-04' });
    }
  });

  it('filters the overrides by year and refuses a year out of range', async () => {
    await put('2026-06-01', false, '一');
    await put('2027-06-01', true, '二');
    try {
      const of2026 = (await t.admin.request({ method: 'GET', url: '/api/calendar/overrides?year=2026' })).json();
      expect(of2026.items.map((o: { date: string }) => o.date)).toEqual(['2026-06-01']);
      const all = (await t.admin.request({ method: 'GET', url: '/api/calendar/overrides' })).json();
      expect(all.items.map((o: { date: string }) => o.date)).toEqual(['2026-06-01', '2027-06-01']);
      const bad = await t.admin.request({ method: 'GET', url: '/api/calendar/year?year=99999' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('querystring.year');
    } finally {
      await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2026-06-01' });
      await t.admin.request({ method: 'DELETE', url: '/api/calendar/overrides/2027-06-01' });
    }
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/year?year=2026' })).statusCode).toBe(401);
  });
});
