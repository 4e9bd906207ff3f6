import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemandDetail, DemandPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildViewerIn } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { verifyAuditRecords } from '../../platform/audit/verify-records.ts';
import { receiveDemand } from './demand-intake.service.ts';
import { dispatchDemand, replyDemand, takeDemand } from './demand-loop.service.ts';
import { urgeDueDemands } from './demand-urging.service.ts';

/** 09:15 in Shanghai on a day of March 2026 (no holidays that month; the 7th and 8th are a weekend). */
const morning = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T01:15:00Z`);

/**
 * 督办 of public demands (issue 14, item 6): an item with a department is urged the working day before
 * its last day, on it, and every working day after — at most once a day, never on a day off, no more
 * once answered — by the daily job or by the office's hand; its department hears of it, its history
 * says so, the audit chain has it, and the console can list what is overdue.
 */
describe.each(ENGINES)('督办 of demands near or past their time limit on %s', (engine) => {
  let t: TestApp;
  let root: { id: string };
  let unit: { id: string };
  let handlerPersonId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.clock.set(morning(2));
    root = await buildDepartment(t, { name: '领导小组办公室' });
    unit = await buildDepartment(t, { name: '城市管理局' });
    // the department's one member who may handle demands: its stand-in for every notice
    handlerPersonId = (await buildViewerIn(t, unit.id, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).person.id;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(morning(2)));

  const ctx = () => systemCtx(t.db, t.clock);
  // signed in at the clock's day (a session from days before has timed out)
  const office = async () =>
    (await buildViewerIn(t, root.id, { permissions: ['demands.read', 'demands.dispatch'], dataScope: 'all' })).session;
  const clerkOfUnit = async () => (await buildViewerIn(t, unit.id, { permissions: ['demands.read'], dataScope: 'dept' })).session;
  /** A new item dispatched to the unit now: its 5-working-day limit starts today. */
  const dispatched = async (title: string) => {
    const row = await receiveDemand(ctx(), t.config, { kind: 'demand', channel: 'phone', title, body: `${title}，请尽快处理。` });
    return dispatchDemand(ctx(), row.id, { departmentId: unit.id, version: row.version });
  };
  const urges = async (id: string) =>
    t.db.db
      .selectFrom('demandEvents')
      .select(['note', 'personId', 'at'])
      .where('demandId', '=', id)
      .where('kind', '=', 'urge')
      .orderBy('id')
      .execute();
  const notices = async (id: string) =>
    t.db.db
      .selectFrom('notifications')
      .select(['personId', 'title', 'body', 'titleEn'])
      .where('entityId', '=', id)
      .where('kind', '=', 'demand.overdue')
      .orderBy('id')
      .execute();
  const urge = (s: Session, id: string, note?: string) =>
    s.request({ method: 'POST', url: `/api/demands/${id}/urge`, payload: note ? { note } : {} });
  const listIds = async (s: Session, query: string) =>
    ((await s.request({ method: 'GET', url: `/api/demands?${query}&pageSize=200` })).json() as DemandPage).items.map((i) => i.id);

  it('urges the day before the last day, on it and every working day after, once a day, not on a day off, and no more once answered', async () => {
    const d = await dispatched('背街小巷路灯不亮'); // Monday the 2nd: due on Monday the 9th
    expect(await t.db.db.selectFrom('demandDeadlines').selectAll().where('demandId', '=', d.id).executeTakeFirst()).toMatchObject({
      dueOn: '2026-03-09',
      urgedOn: null,
    });
    await urgeDueDemands(ctx());
    expect(await urges(d.id)).toEqual([]);

    t.clock.set(morning(6)); // Friday: one working day left
    expect((await urgeDueDemands(ctx())).urged).toBeGreaterThanOrEqual(1);
    expect((await urges(d.id)).map((u) => [u.note, u.personId])).toEqual([['每日督办：将于 2026-03-09 到期，还剩 1 个工作日', null]]);
    const [notice] = await notices(d.id);
    expect(notice).toMatchObject({
      personId: handlerPersonId,
      title: expect.stringContaining('【督办】'),
      titleEn: expect.stringContaining('[Urged]'),
    });
    expect(notice!.body).toContain('将于 2026-03-09 到期');
    await urgeDueDemands(ctx()); // again the same day: nothing more
    expect(await urges(d.id)).toHaveLength(1);

    t.clock.set(morning(7)); // Saturday
    await urgeDueDemands(ctx());
    expect(await urges(d.id)).toHaveLength(1);

    t.clock.set(morning(9)); // the last day
    await urgeDueDemands(ctx());
    t.clock.set(morning(10)); // a working day past it
    await urgeDueDemands(ctx());
    expect((await urges(d.id)).map((u) => u.note)).toEqual([
      '每日督办：将于 2026-03-09 到期，还剩 1 个工作日',
      '每日督办：今天（2026-03-09）到期',
      '每日督办：办理期限 2026-03-09 已过，超期 1 个工作日',
    ]);
    expect(await notices(d.id)).toHaveLength(3);
    // urging leaves the item as the handlers read it: nobody's open page goes stale
    const row = await t.db.db.selectFrom('demands').select(['version', 'status']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ version: d.version, status: 'dispatched' });
    expect((await verifyAuditRecords(t.db.db)).records!.problems).toEqual([]);
    const audited = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', d.id)
      .where('action', '=', 'demand.urge')
      .execute();
    expect(audited).toHaveLength(3);

    const taken = await takeDemand(ctx(), d.id, { version: d.version });
    await replyDemand(ctx(), d.id, { reply: '已更换灯具，恢复照明。', version: taken.version });
    t.clock.set(morning(11));
    await urgeDueDemands(ctx());
    expect(await urges(d.id)).toHaveLength(3);
  });

  it('lists the items still with a department past their last day when asked for overdue ones', async () => {
    const late = await dispatched('垃圾清运不及时'); // due on the 9th
    t.clock.set(morning(10));
    const fresh = await dispatched('井盖缺失'); // dispatched today: due later
    const clerk = await office();
    const overdue = await listIds(clerk, 'overdue=true');
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(fresh.id);
    expect(await listIds(await clerkOfUnit(), 'box=department&overdue=true')).toContain(late.id);
    expect(await listIds(clerk, 'box=inbox&overdue=true')).toEqual([]); // the office's inbox holds nothing dispatched
    expect(await listIds(clerk, 'status=replied&overdue=true')).toEqual([]);
    const item = ((await clerk.request({ method: 'GET', url: '/api/demands?overdue=true&pageSize=200' })).json() as DemandPage).items.find(
      (i) => i.id === late.id,
    );
    expect(item?.timer).toMatchObject({ dueOn: '2026-03-09', overdue: true });
  });

  it('lets the office urge by hand, once a day with the daily urging, audited; not the department, nor an item without one', async () => {
    const d = await dispatched('小区噪声扰民');
    const clerk = await office();
    const first = await urge(clerk, d.id, '群众多次来电，请今天内联系群众。');
    expect(first.statusCode, first.body).toBe(200);
    const detail = first.json() as DemandDetail;
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'urge',
      note: '办公室督办：将于 2026-03-09 到期，还剩 5 个工作日。群众多次来电，请今天内联系群众。',
    });
    expect(detail.events.at(-1)!.personName).not.toBeNull();
    expect(detail.abilities.urge).toBe(true);
    expect((await notices(d.id))[0]!.body).toContain('办公室意见：群众多次来电');

    const twice = await urge(clerk, d.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'demand_urged_today',
      message: '这件诉求今天已经督办过，承办部门已收到通知；明天可以再次督办',
    });
    const handler = (await buildViewerIn(t, unit.id, { permissions: ['demands.read', 'demands.handle'], dataScope: 'dept' })).session;
    expect((await urge(handler, d.id)).statusCode).toBe(403);
    const received = await receiveDemand(ctx(), t.config, {
      kind: 'demand',
      channel: 'phone',
      title: '路面积水',
      body: '下雨后路面积水严重。',
    });
    const early = await urge(clerk, received.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('demand_wrong_status');
    expect((await urge(clerk, '0190f0a0-0000-7000-8000-00000000dead')).statusCode).toBe(404);

    await urgeDueDemands(ctx()); // the daily pass, the same day: already urged
    expect(await urges(d.id)).toHaveLength(1);
    t.clock.set(morning(3));
    expect((await urge(await office(), d.id)).statusCode).toBe(200);
    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', d.id)
      .where('action', '=', 'demand.urge')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
