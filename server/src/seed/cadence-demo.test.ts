import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin, DispatchSheet, DispatchSheetPage } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { seedCadence } from './cadence-demo.ts';
import { seedCampaign } from './campaign.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

/**
 * The cadence demo as a Monday-morning start leaves it (e2e/cadence.e2e.test.ts opens it): this
 * week's area dispatch sheet drafted from the campaign, once; and a last quarter the office can
 * draft a bulletin of, with departments to rank, on the plan's default settings.
 */
describe.each(ENGINES)('cadence demo on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(new Date('2026-12-07T01:10:00Z')); // Monday 2026-12-07 09:10 in Shanghai, 2026-W50
    await seedDemo(t.db, t.clock);
    await seedCampaign(t.db, { dataDir: t.config.dataDir, clock: t.clock });
  }, 120_000);
  afterAll(() => t.close());

  it("drafts this week's area sheet once, by leader in charge; a day off drafts nothing", async () => {
    expect(await seedCadence(t.db, { clock: t.clock })).toEqual({ seeded: true, sheets: 1 });
    expect(await seedCadence(t.db, { clock: t.clock })).toEqual({ seeded: false, sheets: 0 });

    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const page = (await office.request({ method: 'GET', url: '/api/dispatch/sheets' })).json() as DispatchSheetPage;
    expect(page.currentWeek.week).toBe('2026-W50');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ week: '2026-W50', status: 'draft', departmentName: '勤廉新区党工委管委会' });
    const sheet = (await office.request({ method: 'GET', url: `/api/dispatch/sheets/${page.items[0]!.id}` })).json() as DispatchSheet;
    const named = sheet.groups.filter((g) => g.leaderName !== null);
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(named.every((g) => g.items.length > 0)).toBe(true);
    expect(sheet.groups.flatMap((g) => g.items).some((i) => i.source === 'task' && i.taskId !== null)).toBe(true);

    // a Saturday of a week without its sheet (2026-W51): a day off, nothing drafted — its Monday drafts it
    const saturday = new Date('2026-12-19T01:10:00Z');
    const before = t.clock.now();
    t.clock.set(saturday);
    try {
      expect(await seedCadence(t.db, { clock: t.clock })).toEqual({ seeded: false, sheets: 0 });
    } finally {
      t.clock.set(before);
    }
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it('leaves the last ended quarter (2026 Q3) a bulletin with departments to rank, numbered 赣新勤廉 by default', async () => {
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const plans = (await office.request({ method: 'GET', url: '/api/plans' })).json() as { items: { id: string; year: number }[] };
    const plan = plans.items.find((p) => p.year === 2026)!;
    const settings = (await office.request({ method: 'GET', url: `/api/bulletin-settings/${plan.id}` })).json() as {
      documentPrefix: string;
    };
    expect(settings.documentPrefix).toBe('赣新勤廉');
    const made = await office.request({ method: 'POST', url: '/api/bulletins', payload: { planId: plan.id, year: 2026, quarter: 3 } });
    expect(made.statusCode).toBe(201);
    const b = made.json() as Bulletin;
    expect(b.totals.ranked).toBeGreaterThanOrEqual(2);
    expect(b.ranking[0]).toMatchObject({ rank: 1, best: true });
  });
});
