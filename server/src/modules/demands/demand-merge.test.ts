import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandMergeResult, DemandSimilarList } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildSignedInUser, buildViewerIn } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { receiveDemand } from './demand-intake.service.ts';
import { dispatchDemand, rejectDemand } from './demand-loop.service.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/** 并单候选, 并单 and 撤销并单 through the real app: found by their words, merged by the office, undone, in scope only. */
describe.each(ENGINES)('similar demands and merging (并单) on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let staff: Session;
  let deptId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: ['demands.read', 'demands.dispatch'] })).session;
    deptId = (await buildDepartment(t)).id;
    staff = (await buildViewerIn(t, deptId, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).session;
  });
  afterAll(() => t.close());

  const ctx = () => systemCtx({ ...t.db }, t.clock);
  const receive = (title: string, body: string) => receiveDemand(ctx(), t.config, { kind: 'demand', channel: 'web', title, body });
  const current = async (id: string) => (await demandsRepo.byId(t.db.db, id))!;
  const similar = async (s: Session, id: string) => {
    const res = await s.request({ method: 'GET', url: `/api/demands/${id}/similar` });
    return { status: res.statusCode, items: res.statusCode === 200 ? (res.json() as DemandSimilarList).items : [] };
  };
  const merge = (s: Session, id: string, intoId: string, version: number) =>
    s.request({ method: 'POST', url: `/api/demands/${id}/merge`, payload: { intoId, version } });
  const unmerge = (s: Session, id: string, version: number) =>
    s.request({ method: 'POST', url: `/api/demands/${id}/unmerge`, payload: { version } });
  const eventKinds = async (id: string) => (await demandsRepo.events(t.db.db, id)).map((e) => [e.kind, e.note]);

  /** Two people about the same thing, in their own words; each test its own thing, so that no test's items crowd another's list. */
  const PAIRS = {
    light: [
      ['幸福路路灯坏了', '幸福路与学府大道路口的路灯坏了一个星期，晚上一片漆黑，行人过路口很危险，请尽快维修。'],
      ['幸福路口路灯不亮', '幸福路学府大道路口那几盏路灯晚上不亮，漆黑一片，过路口很危险，希望派人维修。'],
    ],
    water: [
      ['锦绣家园停水三天', '锦绣家园小区从周一开始停水，已经三天了，说是供水管道爆裂，居民做饭洗澡都成问题。'],
      ['锦绣家园小区停水', '锦绣家园停水三天了，供水管道爆裂一直没修好，居民做饭洗澡都很困难。'],
    ],
    noise: [
      ['湖畔名苑工地夜间施工噪音', '湖畔名苑旁边的工地每天晚上十一点以后还在打桩施工，噪音很大，严重影响休息。'],
      ['湖畔名苑工地半夜打桩', '湖畔名苑隔壁工地每天半夜还在打桩施工，噪音太大，影响居民休息。'],
    ],
    bus: [
      ['翠湖公交站没有遮雨棚', '翠湖公园公交站台没有遮雨棚，下雨天候车的老人小孩只能淋雨，希望加装雨棚和座椅。'],
      ['翠湖公园站台加装雨棚', '翠湖公园公交站台一直没有雨棚，雨天候车淋雨，老人小孩很辛苦，建议加装雨棚座椅。'],
    ],
    parking: [
      ['万达广场周边停车难', '万达广场周边停车位太少，车辆乱停乱放，周末经常堵车。'],
      ['万达广场附近乱停车', '万达广场附近停车位不够，车辆乱停乱放占道，周末堵车严重。'],
    ],
  } as const;
  const pair = async (about: keyof typeof PAIRS): Promise<[DemandRow, DemandRow]> => {
    const [[t1, b1], [t2, b2]] = PAIRS[about];
    return [await receive(t1, b1), await receive(t2, b2)];
  };
  const unrelated = () => receive('营业执照办理太慢', '申请个体工商户营业执照，材料交了两周还没有结果，也没有人告知办理进度。');

  it('finds two submissions about the same broken street light for each other, not an unrelated one', async () => {
    const [a, b] = await pair('light');
    const other = await unrelated();
    const ofA = await similar(office, a.id);
    expect(ofA.status).toBe(200);
    expect(ofA.items.map((i) => i.id)).toContain(b.id);
    expect(ofA.items.map((i) => i.id)).not.toContain(other.id);
    expect(ofA.items.map((i) => i.id)).not.toContain(a.id);
    const found = ofA.items.find((i) => i.id === b.id)!;
    expect(found).toMatchObject({ code: formatTrackingCode(b.code), title: b.title, status: 'received', createdAt: b.createdAt });
    expect(found.score).toBeGreaterThanOrEqual(0.35);
    expect(found.score).toBeLessThanOrEqual(1);
    expect((await similar(office, b.id)).items.map((i) => i.id)).toContain(a.id);
    expect((await similar(office, other.id)).items.map((i) => i.id)).not.toContain(a.id);
    expect((await similar(office, 'no-such-item')).status).toBe(404);
  });

  it('keeps an answer between lookups and takes in what arrives after it, and a rejection shows at once', async () => {
    const [[t1, b1], [t2, b2]] = PAIRS.bus;
    const a = await receive(t1, b1);
    expect((await similar(office, a.id)).items).toEqual([]); // kept: nothing like it yet
    const b = await receive(t2, b2);
    expect((await similar(office, a.id)).items.map((i) => i.id)).toEqual([b.id]); // the kept answer topped up
    await rejectDemand(ctx(), b.id, { reason: '重复提交，已合并处理', version: b.version });
    expect((await similar(office, a.id)).items).toEqual([]); // the rows are read fresh
  });

  it('shows a department only items in its scope: an item not yet dispatched is out of sight', async () => {
    const [a, b] = await pair('water');
    expect((await similar(staff, a.id)).status).toBe(404);
    await dispatchDemand(ctx(), b.id, { departmentId: deptId, version: b.version });
    const ofB = await similar(staff, b.id);
    expect(ofB.status).toBe(200);
    expect(ofB.items.map((i) => i.id)).not.toContain(a.id);
    expect((await similar(office, b.id)).items.map((i) => i.id)).toContain(a.id);
    const outsider = (await buildSignedInUser(t, { permissions: ['tasks.read'] })).session;
    expect((await similar(outsider, b.id)).status).toBe(403);
  });

  it('merges an item into another and undoes it: events on both, audited, out of the candidates while merged', async () => {
    const [a, b] = await pair('noise');
    const res = await merge(office, a.id, b.id, a.version);
    expect(res.statusCode).toBe(200);
    expect(res.json() as DemandMergeResult).toEqual({
      id: a.id,
      mergedIntoId: b.id,
      version: a.version + 1,
      target: { id: b.id, code: formatTrackingCode(b.code), version: b.version + 1 },
    });
    expect((await current(a.id)).mergedIntoId).toBe(b.id);
    expect(await eventKinds(a.id)).toContainEqual(['merged', formatTrackingCode(b.code)]);
    expect(await eventKinds(b.id)).toContainEqual(['merge_received', formatTrackingCode(a.code)]);
    expect((await similar(office, b.id)).items.map((i) => i.id)).not.toContain(a.id);

    const undo = await unmerge(office, a.id, a.version + 1);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({
      id: a.id,
      mergedIntoId: null,
      version: a.version + 2,
      target: { id: b.id, version: b.version + 2 },
    });
    expect((await current(a.id)).mergedIntoId).toBeNull();
    expect(await eventKinds(a.id)).toContainEqual(['unmerged', formatTrackingCode(b.code)]);
    expect(await eventKinds(b.id)).toContainEqual(['unmerged', formatTrackingCode(a.code)]);
    expect((await similar(office, b.id)).items.map((i) => i.id)).toContain(a.id);

    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select(['action', 'afterJson'])
      .where('entityId', '=', a.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['demand.receive', 'demand.merge', 'demand.unmerge']);
    expect(JSON.parse(audit[1]!.afterJson!)).toMatchObject({ mergedIntoId: b.id });

    const again = await unmerge(office, a.id, a.version + 2);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'demand_not_merged', message: '这件诉求没有并入其他诉求，无需撤销' });
  });

  it('refuses merges that would lose a reply or build a chain, each with its reason, and changes nothing', async () => {
    const [a, b] = await pair('parking');
    const [c, d] = [await unrelated(), await unrelated()];
    const refused = async (res: Awaited<ReturnType<typeof merge>>, status: number, code: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res.json().error.message as string;
    };
    await refused(await merge(office, a.id, a.id, a.version), 409, 'demand_merge_self');
    await refused(await merge(office, a.id, 'no-such-item', a.version), 404, 'demand_not_found');
    await refused(await merge(office, a.id, b.id, a.version + 7), 409, 'version_conflict');
    await refused(await merge(staff, a.id, b.id, a.version), 403, 'forbidden');

    expect((await merge(office, a.id, b.id, a.version)).statusCode).toBe(200);
    const b1 = await current(b.id);
    expect(await refused(await merge(office, a.id, c.id, a.version + 1), 409, 'demand_already_merged')).toBe(
      `这件诉求已并入 ${formatTrackingCode(b.code)}，如需改并，请先撤销并单`,
    );
    expect(await refused(await merge(office, b.id, c.id, b1.version), 409, 'demand_merge_has_merged')).toContain('已有 1 件诉求并入');
    expect(await refused(await merge(office, c.id, a.id, c.version), 409, 'demand_merge_target_merged')).toBe(
      `诉求 ${formatTrackingCode(a.code)} 本身已并入 ${formatTrackingCode(b.code)}，请直接并入 ${formatTrackingCode(b.code)}`,
    );

    const rejected = await rejectDemand(ctx(), d.id, { reason: '不属于本区受理范围', version: d.version });
    await refused(await merge(office, c.id, d.id, c.version), 409, 'demand_merge_target_rejected');
    await refused(await merge(office, d.id, c.id, rejected.version), 409, 'demand_wrong_status');
    expect((await similar(office, c.id)).items.map((i) => i.id)).not.toContain(d.id);

    const en = await office.request({
      method: 'POST',
      url: `/api/demands/${c.id}/merge`,
      payload: { intoId: c.id, version: c.version },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toBe('An item cannot be merged into itself; choose another');

    expect(await current(c.id)).toMatchObject({ mergedIntoId: null, version: c.version });
    expect(await current(b.id)).toMatchObject({ mergedIntoId: null, version: b1.version });
    await refused(await unmerge(staff, a.id, a.version + 1), 403, 'forbidden');
    await refused(await unmerge(office, a.id, a.version), 409, 'version_conflict');
  });
});
