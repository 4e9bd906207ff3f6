import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandAnalysis, PublicLivelihoodProjects, Solicitation } from '@qinlian/contracts';
import { ENGINES, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { seedCampaign } from './campaign.ts';
import { seedDemands } from './demands-demo.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

/** The demo campaign's analysis as `npm start` leaves it: clusters computed, two evaluated, one a project with its task. */
describe.each(ENGINES)('demand analysis demo on %s', (engine) => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedDemands>>;

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(new Date('2026-11-25T02:00:00Z'));
    await seedDemo(t.db, t.clock);
    await seedCampaign(t.db, { dataDir: t.config.dataDir, clock: t.clock });
    seeded = await seedDemands(t.db, { keys: t.config, clock: t.clock });
  });
  afterAll(() => t.close());

  it('leaves the demo campaign analysed, two clusters evaluated and one selected into a task of the 2026 plan', async () => {
    expect(seeded.seeded).toBe(true);
    const office = await signIn(t.app, 'office', DEMO_PASSWORD);
    const campaign = ((await office.request({ method: 'GET', url: '/api/solicitations' })).json() as { items: Solicitation[] }).items[0]!;
    const a = (await office.request({ method: 'GET', url: `/api/solicitations/${campaign.id}/analysis` })).json() as DemandAnalysis;
    expect(a.computedAt).not.toBeNull();
    expect(a.clusters[0]).toMatchObject({ status: 'selected', projectYear: 2026, projectTitle: '新城片区新建一所公办幼儿园' });
    expect(a.clusters[0]!.people).toBeGreaterThanOrEqual(5);
    expect(a.clusters.filter((c) => c.status === 'evaluated')).toHaveLength(1);
    expect(a.totals.urgent).toBeGreaterThan(0);
    expect(a.byArea.map((f) => f.label)).toEqual(expect.arrayContaining(['儒乐湖新城', '永修组团', '共青组团']));
    expect(a.byWeek.length).toBeGreaterThanOrEqual(1);

    const leader = await signIn(t.app, 'leader', DEMO_PASSWORD);
    const asLeader = (await leader.request({ method: 'GET', url: `/api/solicitations/${campaign.id}/analysis` })).json() as DemandAnalysis;
    expect(asLeader.abilities).toEqual({ recompute: true, evaluate: true, select: false });

    const page = await t.app.inject({ method: 'GET', url: '/api/public/livelihood-projects', remoteAddress: '198.51.100.201' });
    const projects = page.json() as PublicLivelihoodProjects;
    expect(projects).toMatchObject({ year: 2026, years: [2026] });
    expect(projects.items).toEqual([
      expect.objectContaining({
        title: '新城片区新建一所公办幼儿园',
        departmentName: '社会事务局',
        stage: 'preparing',
        dueDate: '2026-12-31',
      }),
    ]);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });
});
