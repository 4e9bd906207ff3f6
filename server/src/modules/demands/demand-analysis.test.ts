import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandAnalysis, DemandClusterDetail } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { createSolicitation, mergeDemand, receiveDemand } from './index.ts';
import { rejectDemand } from './demand-loop.service.ts';

/** 汇总分析 through the real app: what a recompute groups and counts, what it keeps, and who may read or run it. */
describe.each(ENGINES)('demand analysis (汇总分析) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let leader: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch', 'demands.evaluate', 'plan.manage'] })).session;
    leader = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.evaluate'] })).session;
    const dept = await buildDepartment(t);
    staff = (
      await buildSignedInUser(t, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept', customDepartmentIds: [dept.id] })
    ).session;
  });
  afterAll(() => t.close());

  const ctx = () => systemCtx({ ...t.db }, t.clock);
  // the test clock stands at 2026-03-02 (Asia/Shanghai): the campaign is open
  const campaign = () =>
    createSolicitation(ctx(), {
      title: '2027年民生实事项目征集',
      description: '您最希望办的实事是什么？',
      categories: ['教育', '养老服务'],
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    });
  let caller = 0;
  /** Each suggestion from a person of their own (a phone of their own), unless `over` says whose. */
  const suggest = (
    solicitationId: string,
    title: string,
    body: string,
    over: { category?: string; address?: string; phone?: string } = {},
  ) =>
    receiveDemand(ctx(), t.config, {
      kind: 'suggestion',
      channel: 'web',
      solicitationId,
      title,
      body,
      phone: `1391234${String(++caller).padStart(4, '0')}`,
      ...over,
    });
  const recompute = (who: Session, id: string, body: object = {}) =>
    who.request({ method: 'POST', url: `/api/solicitations/${id}/analysis`, payload: body });
  const analysisOf = async (who: Session, id: string) => {
    const res = await who.request({ method: 'GET', url: `/api/solicitations/${id}/analysis` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DemandAnalysis;
  };

  /** Four about kindergarten places (two more merged into the first), three about canteens, one about traffic, one rejected. */
  async function campaignWithSuggestions() {
    const s = await campaign();
    const k1 = await suggest(s.id, '新城片区幼儿园学位不足', '新城片区只有一所公办幼儿园，学位远远不够，建议再建一所公办幼儿园。', {
      category: '教育',
      address: '永修组团新城片区',
    });
    await suggest(s.id, '新城再建一所公办幼儿园', '新城片区孩子上公办幼儿园太难，学位紧张，建议新建公办幼儿园。', { category: '教育' });
    await suggest(s.id, '增加公办幼儿园学位', '公办幼儿园学位太少，摇号都摇不上，建议扩建幼儿园增加学位。', { category: '教育' });
    await suggest(s.id, '幼儿园入园难', '家门口没有公办幼儿园，入园难，希望增加普惠性幼儿园学位。', { category: '教育' });
    for (const title of ['新城片区幼儿园学位太紧张', '新城片区公办幼儿园学位不够']) {
      const m = await suggest(s.id, title, '新城片区公办幼儿园学位远远不够，建议再建一所公办幼儿园。');
      await mergeDemand(ctx(), m.id, { intoId: k1.id, version: m.version });
    }
    await suggest(s.id, '社区开办老年食堂', '建议在幸福社区开办老年食堂，解决独居老人吃饭难的问题。', { category: '养老服务' });
    await suggest(s.id, '小区建老年食堂', '建议在小区里开办老年食堂或者助餐点，方便独居老人吃饭。', { category: '养老服务' });
    await suggest(s.id, '老人吃饭难', '独居老人做饭不方便，希望社区开办老年食堂，提供助餐服务。', { category: '养老服务' });
    await suggest(s.id, '滨江路早晚高峰拥堵', '滨江路早晚高峰拥堵严重，建议增加左转车道并优化信号配时。');
    const spam = await suggest(s.id, '广告推销', '专业代办各类证件，价格优惠，欢迎来电咨询办理业务。');
    await rejectDemand(ctx(), spam.id, { reason: '与征集无关的广告', version: spam.version });
    return { s, k1 };
  }

  it('groups the suggestions by their words, counts every submitter of a merged item, and keeps the figures', async () => {
    await buildDepartment(t, { name: '永修组团', kind: 'town' });
    const { s, k1 } = await campaignWithSuggestions();
    const res = await recompute(office, s.id);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as DemandAnalysis;
    expect(a.totals).toEqual({ items: 8, people: 10, urgent: 0, clusters: 3 });
    expect(a.computedAt).toBe('2026-03-02T01:00:00.000Z');
    expect(a.newSince).toBe(false);

    const [kindergarten, canteen, traffic] = a.clusters;
    expect(kindergarten).toMatchObject({ rank: 1, people: 6, items: 4, status: 'open', headline: '新城片区幼儿园学位不足' });
    expect(kindergarten!.label).toContain('幼儿园');
    expect(kindergarten!.categories).toEqual([{ name: '教育', people: 6 }]);
    expect(kindergarten!.abilities).toEqual({ mark: true, evaluate: false, select: false, withdraw: false });
    expect(canteen).toMatchObject({ rank: 2, people: 3, items: 3 });
    expect(traffic).toMatchObject({ rank: 3, people: 1, items: 1 });
    expect(a.words.find((w) => w.word === '幼儿园')?.weight).toBe(6);
    expect(a.byCategory).toEqual([
      { key: '教育', label: '教育', people: 6, items: 4, urgent: 0 },
      { key: '养老服务', label: '养老服务', people: 3, items: 3, urgent: 0 },
      { key: '', label: '', people: 1, items: 1, urgent: 0 },
    ]);
    // the first suggestion names 永修组团 in its address: that town is its area (片区), with its two merged submitters
    expect(a.byArea.find((f) => f.label === '永修组团')).toMatchObject({ people: 3, items: 1 });
    expect(a.byWeek).toEqual([{ key: '2026-W10', label: '2026-03-02', people: 10, items: 8, urgent: 0 }]);
    expect(a.abilities).toEqual({ recompute: true, evaluate: true, select: true });

    const detail = await office.request({ method: 'GET', url: `/api/demand-clusters/${kindergarten!.id}` });
    expect(detail.statusCode).toBe(200);
    const members = (detail.json() as DemandClusterDetail).members;
    expect(members[0]).toMatchObject({ id: k1.id, people: 3, area: '永修组团', kind: 'suggestion' });
    expect(members).toHaveLength(4);
    expect(detail.body).not.toContain('1391234');
    expect(detail.body).not.toContain('139****');

    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select(['action', 'afterJson'])
      .where('action', '=', 'demand_analysis.recompute')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(audit.at(-1)!.afterJson!)).toMatchObject({ solicitationId: s.id, people: 10, clusters: 3 });

    // a new suggestion: the kept figures say they are out of date until the next recompute
    await suggest(s.id, '建设日间照料中心', '小区里老人很多，白天子女上班没人照看，希望建一个日间照料中心。');
    expect((await analysisOf(leader, s.id)).newSince).toBe(true);
    expect((await (await recompute(leader, s.id)).json()).newSince).toBe(false);
  });

  it('counts a person once however often they send the same thing: by phone, and by device through the public form', async () => {
    const s = await campaign();
    const same = '新城片区公办幼儿园学位远远不够，建议再建一所公办幼儿园。';
    for (const phone of ['13955550000', '139 5555 0000', '+8613955550000', '0086-139-5555-0000'])
      await suggest(s.id, '新城片区幼儿园学位不足', same, { phone });
    await suggest(s.id, '新城片区公办幼儿园学位不够', same);
    let a = (await (await recompute(office, s.id)).json()) as DemandAnalysis;
    expect(a.clusters).toHaveLength(1);
    expect(a.clusters[0]).toMatchObject({ people: 2, items: 5 });
    expect(a.totals).toMatchObject({ items: 5, people: 2 });

    const other = await campaign();
    const submit = (device: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/demands',
        payload: { kind: 'suggestion', solicitationCode: other.code, title: '新城片区幼儿园学位不足', body: same },
        headers: { 'x-device-id': `analysis-${engine}-${device}`.padEnd(24, '0') },
      });
    for (const device of ['one', 'one', 'one', 'one', 'two']) expect((await submit(device)).statusCode).toBe(201);
    a = (await (await recompute(office, other.id)).json()) as DemandAnalysis;
    expect(a.clusters[0]).toMatchObject({ people: 2, items: 5 });
    expect(a.words.find((w) => w.word === '幼儿园')?.weight).toBe(2);

    // the digest stays out of the audit chain's copies
    const receipts = await t.db.db.selectFrom('auditEvents').select('afterJson').where('action', '=', 'demand.receive').execute();
    expect(receipts.every((r) => !r.afterJson?.includes('submitterKey'))).toBe(true);
  });

  it('counts the period’s demands only when asked, and refuses a period that ends before it starts', async () => {
    const s = await campaign();
    await suggest(s.id, '增加公办幼儿园学位', '公办幼儿园学位太少，摇号都摇不上，建议扩建幼儿园增加学位。');
    await receiveDemand(ctx(), t.config, {
      kind: 'demand',
      channel: 'phone',
      title: '孩子上幼儿园太难',
      body: '家门口没有公办幼儿园，孩子入园难，公办幼儿园学位太少。',
    });
    expect((await (await recompute(office, s.id)).json()).totals.people).toBe(1);
    const withDemands = (await (await recompute(office, s.id, { includeDemands: true })).json()) as DemandAnalysis;
    expect(withDemands).toMatchObject({ includeDemands: true, totals: { people: 2, clusters: 1 } });

    const bad = await recompute(office, s.id, { from: '2026-03-10', to: '2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'demand_analysis_period_order',
      message: '统计截止日期（2026-03-01）不能早于开始日期（2026-03-10）',
    });
    const none = await recompute(office, s.id, { from: '2026-03-05' });
    expect((none.json() as DemandAnalysis).totals).toEqual({ items: 0, people: 0, urgent: 0, clusters: 0 });
  });

  it('keeps a cluster taken up for evaluation across recomputes, and an open one that found the same topic keeps its id', async () => {
    const { s } = await campaignWithSuggestions();
    const first = (await (await recompute(office, s.id)).json()) as DemandAnalysis;
    const [kindergarten, canteen] = first.clusters;
    const marked = await leader.request({
      method: 'POST',
      url: `/api/demand-clusters/${kindergarten!.id}/mark`,
      payload: { version: kindergarten!.version },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    await suggest(s.id, '幼儿园学位紧张', '公办幼儿园学位紧张，建议增加幼儿园学位，新建公办幼儿园。');

    const second = (await (await recompute(office, s.id)).json()) as DemandAnalysis;
    const kept = second.clusters.find((c) => c.id === kindergarten!.id)!;
    expect(kept).toMatchObject({ status: 'evaluating', people: 7, items: 5, version: 2 });
    // the canteen topic found the same items again: a page open on it still answers
    expect(second.clusters.find((c) => c.headline === canteen!.headline)).toMatchObject({ id: canteen!.id, status: 'open', people: 3 });
    const still = await office.request({ method: 'GET', url: `/api/demand-clusters/${canteen!.id}` });
    expect(still.statusCode).toBe(200);
    expect(new Set(second.clusters.map((c) => c.id)).size).toBe(second.clusters.length);
    const gone = await office.request({ method: 'GET', url: `/api/demand-clusters/${'0'.repeat(8)}-0000-7000-8000-000000000000` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('demand_cluster_not_found');
  });

  it('is read by those who see the whole picture and recomputed by the leadership group only', async () => {
    const s = await campaign();
    expect((await staff.request({ method: 'GET', url: `/api/solicitations/${s.id}/analysis` })).statusCode).toBe(403);
    expect((await recompute(staff, s.id)).statusCode).toBe(403);
    const empty = await analysisOf(leader, s.id);
    expect(empty).toMatchObject({ computedAt: null, clusters: [], totals: { people: 0 }, abilities: { recompute: true, select: false } });
    expect((await recompute(leader, s.id)).statusCode).toBe(200);
    expect((await office.request({ method: 'GET', url: '/api/solicitations/no-such-campaign/analysis' })).statusCode).toBe(404);
  });
});
