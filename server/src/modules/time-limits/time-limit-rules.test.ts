import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeLimitRule } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildSignedInUser, buildTimer } from '../../../test/factories.ts';

/**
 * 办结时限 through the real app: everyone signed in reads the rule table; the office changes a
 * limit (audited before and after), which counts for items started from then on; 0, 251, 2.5 or an
 * unknown kind are refused with a message on the field — on both engines.
 */
describe.each(ENGINES)('time-limit rules on %s', (engine) => {
  let t: TestApp;
  let office: Session;
  let officeName: string;
  let staff: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const made = await buildSignedInUser(t, { permissions: ['time_limits.manage'] });
    office = made.session;
    officeName = made.user.username;
    staff = (await buildSignedInUser(t, { permissions: [], dataScope: 'self' })).session;
  });
  afterAll(async () => {
    await t.close();
  });

  const rules = async (s: Session) => {
    const res = await s.request({ method: 'GET', url: '/api/time-limits' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as TimeLimitRule[];
  };
  const put = (s: Session, kind: string, workingDays: unknown, lang = 'zh-CN') =>
    s.request({ method: 'PUT', url: `/api/time-limits/${kind}`, headers: { 'accept-language': lang }, payload: { workingDays } });

  it('shows every signed-in user the limits the system ships with, and nobody else', async () => {
    const items = await rules(staff);
    expect(items.map((r) => [r.kind, r.workingDays, r.updatedBy, r.abilities.manage])).toEqual([
      ['enquiry', 3, null, false],
      ['task', 10, null, false],
      ['public_demand', 5, null, false],
      ['rectification', 15, null, false],
      ['bad_review', 5, null, false],
    ]);
    expect((await rules(office)).every((r) => r.abilities.manage)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/time-limits' })).statusCode).toBe(401);
  });

  it('lets the office change a limit, audited, for items started afterwards; refuses everyone else', async () => {
    const before = await buildTimer(t, { kind: 'public_demand', startAt: new Date('2026-12-07T02:00:00Z') });
    expect(before.dueOn).toBe('2026-12-14'); // 5 working days after Monday 7 December

    const denied = await put(staff, 'public_demand', 2);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');

    const res = await put(office, 'public_demand', 2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'public_demand', workingDays: 2, updatedBy: officeName, abilities: { manage: true } });
    expect((await rules(staff)).find((r) => r.kind === 'public_demand')).toMatchObject({ workingDays: 2, updatedBy: officeName });

    const audit = await t.db.db
      .selectFrom('auditEvents')
      .select(['beforeJson', 'afterJson'])
      .where('action', '=', 'time_limit.update')
      .where('entityId', '=', 'public_demand')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.beforeJson!)).toMatchObject({ kind: 'public_demand', workingDays: 5, updatedBy: null });
    expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ kind: 'public_demand', workingDays: 2, updatedBy: officeName });

    const after = await buildTimer(t, { kind: 'public_demand', startAt: new Date('2026-12-07T02:00:00Z') });
    expect(after.dueOn).toBe('2026-12-09');
    const kept = await t.db.db.selectFrom('timers').select('dueOn').where('subjectId', '=', before.subjectId).executeTakeFirstOrThrow();
    expect(kept.dueOn).toBe('2026-12-14'); // a running timer keeps the date it was given
  });

  it('refuses a limit outside 1–250 whole working days, or an unknown kind, with a message on the field', async () => {
    const zero = await put(office, 'enquiry', 0);
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'body.workingDays', message: '不能小于 1' }] });
    const tooMany = await put(office, 'enquiry', 251, 'en-US');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toEqual([{ path: 'body.workingDays', message: 'must be ≤ 250' }]);
    expect((await put(office, 'enquiry', 2.5)).json().error.fields[0].path).toBe('body.workingDays');
    expect((await put(office, 'enquiry', '3')).statusCode).toBe(400);
    const unknown = await put(office, 'complaint', 3);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('params.kind');
    expect((await rules(staff)).find((r) => r.kind === 'enquiry')).toMatchObject({ workingDays: 3, updatedBy: null });
    const audited = await t.db.db.selectFrom('auditEvents').select('seq').where('entityId', '=', 'enquiry').execute();
    expect(audited).toEqual([]);
  });

  it('takes the largest limit there is', async () => {
    const res = await put(office, 'rectification', 250);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().workingDays).toBe(250);
  });
});
