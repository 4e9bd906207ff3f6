import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin, BulletinPage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { AFTER_Q1, bulletinFrom, bulletinOffice, quarterWorld, taskLife, userWith, type QuarterWorld } from './bulletins.test-support.ts';

const LATER = new Date('2026-04-02T01:10:00Z'); // within the sessions' idle time

/**
 * 一季一通报 through the real app: a quarter drafted only once it has ended, departments ranked from
 * grouped figures of the tasks (the best and the worst named), the snapshot kept until an explicit
 * recompute, weights changed on the draft, drafts seen by the office only.
 */
describe.each(ENGINES)('quarterly bulletins (季度通报) on %s', (engine) => {
  let t: TestApp;
  let w: QuarterWorld;
  let office: Session;
  let draft: Bulletin;

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await quarterWorld(t); // leaves the clock on 2 April
    office = await bulletinOffice(t);
    draft = await bulletinFrom(
      office,
      { method: 'POST', url: '/api/bulletins', payload: { planId: w.plan.id, year: 2026, quarter: 1 } },
      201,
    );
  });
  afterEach(() => t.clock.set(AFTER_Q1));
  afterAll(() => t.close());

  const count = async (table: 'bulletins' | 'auditEvents') =>
    Number(
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const draftQ2 = (s: Session, lang = 'zh-CN') =>
    s.request({
      method: 'POST',
      url: '/api/bulletins',
      headers: { 'accept-language': lang },
      payload: { planId: w.plan.id, year: 2026, quarter: 2 },
    });

  it('refuses a quarter that has not ended: 409 with its end date, in both languages, and writes nothing', async () => {
    const before = [await count('bulletins'), await count('auditEvents')];
    const zh = await draftQ2(office);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error).toMatchObject({
      code: 'bulletin_quarter_not_ended',
      message: '2026年第2季度尚未结束（2026-06-30 结束），季度结束后才能起草通报',
    });
    expect((await draftQ2(office, 'en-US')).json().error.message).toBe(
      'Quarter 2 of 2026 has not ended yet (it ends on 2026-06-30); draft its bulletin once it has',
    );
    expect([await count('bulletins'), await count('auditEvents')]).toEqual(before);
  });

  it('ranks the departments from the quarter’s tasks: the 城市管理局 first, the 交通运输局 last, with their figures', () => {
    expect(draft).toMatchObject({
      status: 'draft',
      year: 2026,
      quarter: 1,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      title: '关于2026年第一季度勤廉新区建设行动推进情况的通报',
      number: null,
      signedHead: null,
    });
    const figures = draft.ranking.map((r) => [r.departmentName, r.rank, r.closed, r.closedOnTime, r.overdue, r.red, r.returned]);
    expect(figures).toEqual([
      ['城市管理局', 1, 2, 2, 0, 0, 0],
      ['财政金融局', 2, 1, 1, 0, 0, 0], // the same score: fewer closed ranks it second
      ['交通运输局', 3, 1, 0, 2, 2, 1],
    ]);
    expect(draft.ranking[0]).toMatchObject({ best: true, worst: false, score: 100, onTimeRate: 100, closeRate: 100 });
    expect(draft.ranking[2]).toMatchObject({ best: false, worst: true, score: 0, onTimeRate: 0, closeRate: 33.3, publicRating: null });
    expect(draft.totals).toEqual({
      departments: 3,
      ranked: 3,
      closed: 4,
      closedOnTime: 3,
      overdue: 2,
      red: 2,
      returned: 1,
      onTimeRate: 75,
      closeRate: 66.7,
    });
    expect(draft.overdue.map((o) => [o.code.length > 0, o.title, o.departmentName, o.dueDate, o.daysOverdue])).toEqual([
      [true, '科学城公交接驳', '交通运输局', '2026-03-20', 7],
      [true, '出租车服务质量提升', '交通运输局', '2026-03-25', 4],
    ]);
    expect(draft.indicators.map((i) => [i.key, i.weight])).toEqual([
      ['on_time_rate', 40],
      ['close_rate', 30],
      ['red_count', 20],
      ['returned_count', 10],
      ['public_rating', 0],
    ]);
    expect(draft.abilities).toEqual({ edit: true, recompute: true, submit: true, returnToDraft: false, comment: false, publish: false });
  });

  it('drafts a quarter once: a second draft is a clear 409 and writes nothing', async () => {
    const before = await count('bulletins');
    const again = await office.request({ method: 'POST', url: '/api/bulletins', payload: { planId: w.plan.id, year: 2026, quarter: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'bulletin_exists',
      message: `2026年第1季度的通报已经起草（“${draft.title}”），请直接打开编辑`,
    });
    expect(await count('bulletins')).toBe(before);
  });

  it('re-weighs a draft from its snapshot, refuses weights that do not add up to 100, and recomputes only when asked', async () => {
    const onlyRed = [
      { key: 'red_count', weight: 100, direction: 'higher' },
      { key: 'public_rating', weight: 0, direction: 'higher' },
    ];
    const bad = await office.request({
      method: 'PUT',
      url: `/api/bulletins/${draft.id}`,
      payload: { version: draft.version, title: draft.title, indicators: [{ key: 'red_count', weight: 60, direction: 'lower' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'body.indicators', message: '各项指标的权重之和须为 100（现为 60）' }]);

    const reweighed = await bulletinFrom(office, {
      method: 'PUT',
      url: `/api/bulletins/${draft.id}`,
      payload: { version: draft.version, title: draft.title, summary: '各部门总体推进有力。', indicators: onlyRed },
    });
    expect(reweighed.ranking.map((r) => r.departmentName)).toEqual(['交通运输局', '城市管理局', '财政金融局']);
    expect(reweighed.computedAt).toBe(draft.computedAt);

    // a task closed since (after the quarter: still overdue at its end, no longer red): the snapshot does not move
    const life = taskLife(t);
    await life.resume(w.overdue.id);
    await life.requestClose('2026-04-02');
    await life.close('2026-04-02');
    const read = await bulletinFrom(office, { method: 'GET', url: `/api/bulletins/${draft.id}` });
    expect(read.ranking.find((r) => r.departmentName === '交通运输局')!.red).toBe(2);
    t.clock.set(LATER);
    const recomputed = await bulletinFrom(office, {
      method: 'POST',
      url: `/api/bulletins/${draft.id}/recompute`,
      payload: { version: read.version },
    });
    expect(recomputed.ranking.find((r) => r.departmentName === '交通运输局')).toMatchObject({ red: 1, overdue: 2, closed: 1 });
    expect(recomputed.computedAt).toBe(LATER.toISOString());
    const audited = await t.db.db.selectFrom('auditEvents').select('action').where('entityId', '=', draft.id).orderBy('seq').execute();
    expect(audited.map((a) => a.action)).toEqual(['bulletin.draft', 'bulletin.edit', 'bulletin.recompute']);
  });

  it('keeps a plan’s settings: weights adding up to 100 with public rating at 0, the number prefix; a stale save is a 409', async () => {
    const url = `/api/bulletin-settings/${w.plan.id}`;
    const defaults = (await office.request({ method: 'GET', url })).json();
    expect(defaults).toMatchObject({ version: 0, documentPrefix: '赣新勤廉', unavailable: ['public_rating'], canManage: true });
    const body = {
      version: 0,
      documentPrefix: '赣新督查',
      organ: '勤廉新区建设领导小组办公室',
      recipients: ['各部门', '各园区'],
      indicators: [
        { key: 'on_time_rate', weight: 70, direction: 'higher' },
        { key: 'red_count', weight: 30, direction: 'lower' },
      ],
    };
    const rated = await office.request({
      method: 'PUT',
      url,
      payload: { ...body, indicators: [...body.indicators.slice(0, 1), { key: 'public_rating', weight: 30, direction: 'higher' }] },
    });
    expect(rated.statusCode).toBe(400);
    expect(rated.json().error.fields).toEqual([
      { path: 'body.indicators.1.weight', message: '群众评价暂无按部门、按季度的数据来源，权重须为 0' },
    ]);
    const saved = await office.request({ method: 'PUT', url, payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, documentPrefix: '赣新督查', recipients: ['各部门', '各园区'] });
    expect((await office.request({ method: 'PUT', url, payload: body })).statusCode).toBe(409);
    // the draft made before keeps its own weights
    const kept = await bulletinFrom(office, { method: 'GET', url: `/api/bulletins/${draft.id}` });
    expect(kept.indicators.find((i) => i.key === 'on_time_rate')?.weight).not.toBe(70);
  });

  it('shows drafts to the office only: a reader gets 404 and does not find it in the list; no permission is 403', async () => {
    const reader = await userWith(t, ['bulletins.read']);
    const leader = await userWith(t, ['bulletins.read', 'bulletins.comment']);
    const nobody = await userWith(t, ['tasks.read']);
    for (const s of [reader, leader]) {
      expect((await s.request({ method: 'GET', url: `/api/bulletins/${draft.id}` })).statusCode).toBe(404);
      const page = (await s.request({ method: 'GET', url: '/api/bulletins' })).json() as BulletinPage;
      expect(page.items.map((b) => b.id)).not.toContain(draft.id);
    }
    expect((await nobody.request({ method: 'GET', url: '/api/bulletins' })).statusCode).toBe(403);
    const list = (await office.request({ method: 'GET', url: `/api/bulletins?planId=${w.plan.id}` })).json() as BulletinPage;
    expect(list.lastEndedQuarter).toEqual({ year: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: draft.id, status: 'draft', departmentCount: 3 });
    const edit = await reader.request({ method: 'PUT', url: `/api/bulletins/${draft.id}`, payload: { version: 1, title: '改名' } });
    expect(edit.statusCode).toBe(403);
  });
});
