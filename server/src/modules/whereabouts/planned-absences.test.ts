import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedAbsence, PlannedAbsencePage } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { runPlannedAbsences } from './planned-absences.service.ts';
import { HOUR, LONG_SESSIONS, MINUTE, whereaboutsWorld } from './whereabouts.test-support.ts';

/** 登记请假/出差/培训 ahead: the minute job switches the state at the start and back at the end. */
describe.each(ENGINES)('planned absences on %s', (engine) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof whereaboutsWorld>>;
  beforeAll(async () => {
    t = await startTestApp(engine, LONG_SESSIONS);
    w = await whereaboutsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (who = w.s.a, body: Record<string, unknown>) =>
    who.request({ method: 'POST', url: '/api/whereabouts/planned-absences', payload: body });
  const historyCount = async (personId: string) =>
    Number(
      (
        await t.db.db
          .selectFrom('whereaboutsHistory')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('personId', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('switches a registered leave on at its start and back at its end, by the minute job, once', async () => {
    const startsAt = w.at(2 * HOUR);
    const endsAt = w.at(26 * HOUR);
    const res = await register(w.s.a, { kind: 'leave', startsAt, endsAt, place: '老家', note: '探亲' });
    expect(res.statusCode, res.body).toBe(201);
    const leave = res.json() as PlannedAbsence;
    expect(leave).toMatchObject({
      personId: w.people.a.id,
      kind: 'leave',
      status: 'scheduled',
      startsAt,
      endsAt,
      abilities: { cancel: true },
    });

    await w.tick(new Date(Date.parse(startsAt) - MINUTE)); // not yet
    expect((await w.card(w.s.a, w.people.a.id)).state).toBe('in_office');
    await w.tick(new Date(Date.parse(startsAt) + 30_000));
    expect(await w.card(w.s.a, w.people.a.id)).toMatchObject({
      state: 'leave',
      source: 'planned',
      plannedAbsenceId: leave.id,
      expectedReturnAt: endsAt,
      place: '老家',
    });
    expect(await w.status(w.people.a.id)).toBe('away');
    const afterStart = await historyCount(w.people.a.id);
    expect(await runPlannedAbsences(systemCtx(t.db, t.clock))).toEqual({ started: 0, ended: 0 }); // a second run changes nothing
    expect(await historyCount(w.people.a.id)).toBe(afterStart);

    await w.tick(new Date(Date.parse(endsAt) + 30_000));
    expect(await w.card(w.s.a, w.people.a.id)).toMatchObject({ state: 'in_office', source: 'planned', plannedAbsenceId: null });
    expect(await w.status(w.people.a.id)).toBe('active');
    const ended = (await w.s.a.request({ method: 'GET', url: `/api/whereabouts/planned-absences/${leave.id}` })).json() as PlannedAbsence;
    expect(ended).toMatchObject({ status: 'ended', abilities: { cancel: false } });
    expect(await historyCount(w.people.a.id)).toBe(afterStart + 1);
  });

  it('applies one that has begun already at once; at its end leaves a state set by hand meanwhile alone', async () => {
    const trip = await register(w.s.head, {
      personId: w.people.b.id,
      kind: 'trip',
      startsAt: w.at(-HOUR),
      endsAt: w.at(5 * HOUR),
      place: '上海',
    });
    expect(trip.statusCode, trip.body).toBe(201);
    expect(trip.json()).toMatchObject({ status: 'active', createdByName: expect.any(String) });
    expect((await w.card(w.s.b, w.people.b.id)).state).toBe('trip');
    const current = await w.card(w.s.b, w.people.b.id);
    await w.set(w.s.b, w.people.b.id, { state: 'meeting', version: current.version }); // back early, straight into a meeting
    await w.tick(new Date(t.clock.now().getTime() + 6 * HOUR));
    expect((await w.card(w.s.b, w.people.b.id)).state).toBe('meeting');
    expect((await w.s.b.request({ method: 'GET', url: `/api/whereabouts/planned-absences/${trip.json().id}` })).json().status).toBe(
      'ended',
    );
    await w.set(w.s.b, w.people.b.id, { state: 'in_office', version: (await w.card(w.s.b, w.people.b.id)).version });
  });

  it('refuses a leave that ends before it starts, one already over and one overlapping another — writing nothing', async () => {
    const before = await t.db.db.selectFrom('plannedAbsences').select('id').execute();
    const backwards = await register(w.s.colleague, { kind: 'leave', startsAt: w.at(5 * HOUR), endsAt: w.at(2 * HOUR) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ path: 'body.endsAt', message: '结束时间须晚于开始时间' }]);
    const over = await register(w.s.colleague, { kind: 'training', startsAt: w.at(-5 * HOUR), endsAt: w.at(-HOUR) });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0].path).toBe('body.endsAt');
    expect((await register(w.s.colleague, { kind: 'holiday', startsAt: w.at(HOUR), endsAt: w.at(2 * HOUR) })).statusCode).toBe(400);
    expect((await register(w.s.colleague, { kind: 'leave', startsAt: '2026-13-01T00:00:00Z', endsAt: w.at(2 * HOUR) })).statusCode).toBe(
      400,
    );
    expect((await t.db.db.selectFrom('plannedAbsences').select('id').execute()).length).toBe(before.length);

    const first = await register(w.s.colleague, {
      kind: 'training',
      startsAt: w.at(24 * HOUR),
      endsAt: w.at(72 * HOUR),
      note: '<script>x</script>',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().note).toBe('<script>x</script>');
    const clash = await register(w.s.colleague, { kind: 'leave', startsAt: w.at(48 * HOUR), endsAt: w.at(96 * HOUR) });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'absence_overlaps', message: expect.stringContaining('学习培训') });
    const adjoining = await register(w.s.colleague, { kind: 'leave', startsAt: w.at(72 * HOUR), endsAt: w.at(96 * HOUR) });
    expect(adjoining.statusCode, adjoining.body).toBe(201);
  });

  it('lets the person or their head register and cancel; refuses a colleague (403), another head (404) and those who left', async () => {
    const body = { personId: w.people.colleague.id, kind: 'trip', startsAt: w.at(200 * HOUR), endsAt: w.at(210 * HOUR) };
    expect((await register(w.s.a, body)).statusCode).toBe(403);
    expect((await register(w.s.otherHead, body)).statusCode).toBe(404);
    expect((await register(w.s.noPermission, { ...body, personId: undefined })).statusCode).toBe(403);
    const gone = await buildPerson(t, { departmentId: w.dept.id, status: 'left' });
    const left = await register(w.s.head, { ...body, personId: gone.id });
    expect(left.statusCode).toBe(409);
    expect(left.json().error.code).toBe('whereabouts_person_left');

    const trip = (await register(w.s.head, body)).json() as PlannedAbsence;
    const url = `/api/whereabouts/planned-absences/${trip.id}`;
    expect((await w.s.a.request({ method: 'GET', url })).statusCode).toBe(404); // leave is personal data
    expect((await w.s.otherHead.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await w.s.a.request({ method: 'DELETE', url })).statusCode).toBe(404);
    const cancelled = await w.s.colleague.request({ method: 'DELETE', url });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', abilities: { cancel: false } });
    const again = await w.s.head.request({ method: 'DELETE', url });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('absence_not_cancellable');
  });

  it('cancels one under way: the person is back in the office at once', async () => {
    const leave = (
      await register(w.s.head, { personId: w.people.head.id, kind: 'leave', startsAt: w.at(-MINUTE), endsAt: w.at(HOUR) })
    ).json();
    expect(await w.status(w.people.head.id)).toBe('away');
    const res = await w.s.head.request({ method: 'DELETE', url: `/api/whereabouts/planned-absences/${leave.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(await w.card(w.s.head, w.people.head.id)).toMatchObject({ state: 'in_office', source: 'self' });
    expect(await w.status(w.people.head.id)).toBe('active');
  });

  it('lists what the actor may see: their own, and their departments’ with whereabouts.manage', async () => {
    const list = async (who = w.s.a, query: Record<string, string> = {}) =>
      (
        await who.request({ method: 'GET', url: '/api/whereabouts/planned-absences', query: { pageSize: '200', ...query } })
      ).json() as PlannedAbsencePage;
    const mine = await list(w.s.colleague);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.personId === w.people.colleague.id)).toBe(true);
    const dept = await list(w.s.head);
    expect(new Set(dept.items.map((i) => i.personId))).toEqual(
      new Set([w.people.a.id, w.people.b.id, w.people.colleague.id, w.people.head.id]),
    );
    expect((await list(w.s.otherHead)).total).toBe(0);
    expect((await list(w.s.office, { personId: w.people.a.id })).items.map((i) => i.kind)).toEqual(['leave']);
    expect((await list(w.s.head, { status: 'cancelled' })).items.every((i) => i.status === 'cancelled')).toBe(true);
  });
});
