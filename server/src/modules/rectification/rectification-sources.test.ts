import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildRectification, buildSignedInUser } from '../../../test/factories.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { timersOf } from '../time-limits/index.ts';
import { openRectification, rectificationsBySource, withdrawRectification } from './index.ts';
import { buildUnit, call, detailOf, HANDLING, noticesOf, stepOk, VERIFYING } from './rectification.test-support.ts';

/**
 * The front door the finding modules use (好差评 now): open an item once per finding — also for the
 * public, who have no account — withdraw it when an appeal is upheld, and read items by finding.
 */
describe.each(ENGINES)('rectification front door on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  /** how the public's request reaches a service: no actor at all */
  const publicCtx = (): Ctx => ({ actor: null, db: t.db.db, ip: '203.0.113.7', lang: 'zh-CN', clock: t.clock });

  beforeAll(async () => {
    t = await startTestApp(engine);
    office = (await buildSignedInUser(t, { permissions: VERIFYING, personId: (await buildPerson(t)).id })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens one item per finding, numbered in turn, even when the public raised it, and reads items by finding', async () => {
    const { dept, head, staff } = await buildUnit(t);
    const reviewId = newId();
    const input = {
      source: 'bad_review' as const,
      sourceId: reviewId,
      departmentId: dept.id,
      personId: staff.person.id,
      title: '差评整改：<i>办事慢</i>',
      detail: '群众意见：等了两个小时',
      limitKind: 'bad_review' as const,
    };
    const first = await inTransaction(publicCtx(), (tx) => openRectification(tx, input));
    const again = await inTransaction(publicCtx(), (tx) => openRectification(tx, { ...input, title: '另一个标题' }));
    expect(again).toEqual(first);
    const next = await buildRectification(t, { departmentId: dept.id });
    expect(Number(next.code.slice(-4))).toBe(Number(first.code.slice(-4)) + 1);

    const item = await detailOf(head.session, first.id);
    expect(item).toMatchObject({ title: '差评整改：<i>办事慢</i>', source: 'bad_review', sourceId: reviewId, personId: staff.person.id });
    expect(item.events).toMatchObject([{ action: 'open', actorName: '系统' }]);
    const audit = await t.db.db.selectFrom('auditEvents').selectAll().where('entityId', '=', first.id).execute();
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['rectification.open', '匿名']]);

    const found = await rectificationsBySource(t.db.db, 'bad_review', [reviewId, newId()]);
    expect([...found.keys()]).toEqual([reviewId]);
    expect(found.get(reviewId)).toEqual({ id: first.id, code: first.code, status: 'open', dueOn: first.dueOn });
    expect((await rectificationsBySource(t.db.db, 'inspection', [reviewId])).size).toBe(0);

    const missing = inTransaction(publicCtx(), (tx) => openRectification(tx, { ...input, sourceId: newId(), departmentId: newId() }));
    await expect(missing).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('tells everyone who may handle it in a department without a head, and lets them assign and submit', async () => {
    const dept = await buildDepartment(t);
    const members = await Promise.all(
      [1, 2].map(async () => {
        const person = await buildPerson(t, { departmentId: dept.id, title: '科员' });
        return { person, session: (await buildSignedInUser(t, { permissions: HANDLING, dataScope: 'dept', personId: person.id })).session };
      }),
    );
    const opened = await buildRectification(t, { departmentId: dept.id });
    for (const m of members) expect(await noticesOf(m.session, opened.id)).toEqual(['rectification.open']);
    const item = await detailOf(members[0]!.session, opened.id);
    expect(item.ownerPersonId).toBeNull();
    expect(item.abilities).toMatchObject({ assign: true, submit: true });
    const assigned = await stepOk(members[0]!.session, item.id, 'assign', { ownerPersonId: members[1]!.person.id, version: item.version });
    expect(await noticesOf(members[1]!.session, item.id)).toContain('rectification.assign');
    // the owner now answers; the other member no longer may
    expect((await detailOf(members[0]!.session, item.id)).abilities.submit).toBe(false);
    await stepOk(members[1]!.session, item.id, 'submit', { resolution: 'explained', note: '已说明情况', version: assigned.version });
  });

  it('withdraws the item of an upheld appeal at any step, drops its timer and tells the owner; a second withdrawal changes nothing', async () => {
    const { dept, head } = await buildUnit(t);
    const reviewId = newId();
    const opened = await buildRectification(t, {
      departmentId: dept.id,
      source: 'bad_review',
      sourceId: reviewId,
      limitKind: 'bad_review',
    });
    const submitted = await stepOk(head.session, opened.id, 'submit', { resolution: 'explained', note: '系误评', version: 1 });

    await inTransaction(publicCtx(), (tx) => withdrawRectification(tx, 'bad_review', reviewId, '差评申诉成立：评价对象有误'));
    const item = await detailOf(head.session, opened.id);
    expect(item).toMatchObject({ status: 'withdrawn', overdue: false, workingDaysLeft: null, version: submitted.version + 1 });
    expect(item.events.at(-1)).toMatchObject({ action: 'withdraw', note: '差评申诉成立：评价对象有误' });
    expect(Object.values(item.abilities).some(Boolean)).toBe(false);
    expect((await timersOf(t.db.db, 'bad_review', [opened.id])).has(opened.id)).toBe(false); // counted neither on time nor late
    expect((await noticesOf(head.session, opened.id)).sort()).toEqual(['rectification.open', 'rectification.withdraw']);
    const late = await call(office, 'POST', `/api/rectifications/${opened.id}/verify`, { version: item.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('rectification_state');

    await inTransaction(publicCtx(), (tx) => withdrawRectification(tx, 'bad_review', reviewId, '再次'));
    await inTransaction(publicCtx(), (tx) => withdrawRectification(tx, 'bad_review', newId(), '没有这项整改'));
    expect((await detailOf(head.session, opened.id)).version).toBe(item.version);
    expect((await rectificationsBySource(t.db.db, 'bad_review', [reviewId])).get(reviewId)?.status).toBe('withdrawn');
  });
});
