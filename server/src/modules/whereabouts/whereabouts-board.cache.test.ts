import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicDoorBoard, WhereaboutsBoard } from '@qinlian/contracts';
import { ENGINES, startTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildPost, buildSignedInUser } from '../../../test/factories.ts';
import { HOUR } from './whereabouts.test-support.ts';

/**
 * Kept boards (whereabouts-board.cache.ts): every change that shows on a board — a state, a name,
 * who holds a post, what the reader may do, an archived department — is on the next answer, on the
 * console and at the door; between changes SQLite answers from what it kept, PostgreSQL reads anew.
 */
describe.each(ENGINES)('kept whereabouts boards on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let visitor = 0;
  /** each public call its own address and device: rate limits never spill between cases */
  const door = async (code: string) => {
    visitor++;
    return t.app.inject({
      method: 'GET',
      url: `/api/public/door-boards/${code}`,
      remoteAddress: `198.51.100.${visitor}`,
      headers: { 'x-device-id': `kept-board-visitor-${visitor}` },
    });
  };
  const doorBoard = async (code: string) => {
    const res = await door(code);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PublicDoorBoard;
  };
  const console_ = async (who: Session, departmentId: string) => {
    const res = await who.request({ method: 'GET', url: `/api/whereabouts/departments/${departmentId}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as WhereaboutsBoard;
  };
  const codeOf = async (departmentId: string) =>
    (await admin.request({ method: 'GET', url: `/api/whereabouts/departments/${departmentId}/door-board` })).json().code as string;
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = (
      await buildSignedInUser(t, {
        permissions: ['whereabouts.read', 'whereabouts.manage', 'people.read', 'people.manage', 'org.read', 'org.manage', 'roles.manage'],
        personId: (await buildPerson(t)).id,
      })
    ).session;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a new state, a new name and a new B holder on the next answer, on the console and at the door', async () => {
    const dept = await buildDepartment(t);
    const a = await buildPerson(t, { departmentId: dept.id });
    const b = await buildPerson(t, { departmentId: dept.id });
    const other = await buildPerson(t, { departmentId: dept.id });
    const post = await buildPost(t, { departmentId: dept.id, name: '窗口岗', aPersonId: a.id, bPersonId: b.id });
    const code = await codeOf(dept.id);
    const onConsole = async () => (await console_(admin, dept.id)).people.find((p) => p.personId === a.id)!;
    const atDoor = async () => (await doorBoard(code)).people.find((p) => p.personId === a.id)!;
    expect((await onConsole()).state).toBe('in_office');
    expect((await atDoor()).state).toBe('in_office');

    // a meeting leaves presence (org) alone: only the whereabouts row changes
    ok(await admin.request({ method: 'PUT', url: `/api/whereabouts/people/${a.id}`, payload: { state: 'meeting', place: '三楼会议室' } }));
    expect(await onConsole()).toMatchObject({ state: 'meeting', place: '三楼会议室' });
    expect((await atDoor()).state).toBe('meeting');
    ok(await admin.request({ method: 'PUT', url: `/api/whereabouts/people/${a.id}`, payload: { state: 'trip', place: '省城' } }));
    expect(await onConsole()).toMatchObject({ state: 'trip', place: '省城', actingPersonName: b.name });
    expect(await atDoor()).toMatchObject({ state: 'trip', actingPersonName: b.name });

    ok(await admin.request({ method: 'PATCH', url: `/api/people/${a.id}`, payload: { name: '改名后的甲' } }));
    expect((await onConsole()).personName).toBe('改名后的甲');
    expect((await atDoor()).name).toBe('改名后的甲');

    ok(await admin.request({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { bPersonId: other.id } }));
    expect((await onConsole()).actingPersonName).toBe(other.name);
    expect((await atDoor()).actingPersonName).toBe(other.name);
  });

  it('answers each reader with their own abilities, and the new ones once their role changes', async () => {
    const dept = await buildDepartment(t);
    const person = await buildPerson(t, { departmentId: dept.id });
    const reader = await buildSignedInUser(t, { permissions: ['whereabouts.read'], dataScope: 'all', personId: (await buildPerson(t)).id });
    const head = await buildSignedInUser(t, {
      permissions: ['whereabouts.read', 'whereabouts.manage'],
      dataScope: 'all',
      personId: (await buildPerson(t)).id,
    });
    ok(
      await head.session.request({
        method: 'PUT',
        url: `/api/whereabouts/people/${person.id}`,
        payload: { state: 'meeting', note: '内部备注' },
      }),
    );
    const seen = async (who: Session) => (await console_(who, dept.id)).people.find((p) => p.personId === person.id)!;
    expect(await seen(head.session)).toMatchObject({ note: '内部备注', abilities: { set: true } });
    expect(await seen(reader.session)).toMatchObject({ note: null, abilities: { set: false } });
    expect(await seen(head.session)).toMatchObject({ note: '内部备注', abilities: { set: true } });

    ok(await admin.request({ method: 'PATCH', url: `/api/roles/${head.role.id}`, payload: { permissions: ['whereabouts.read'] } }));
    expect(await seen(head.session)).toMatchObject({ note: null, abilities: { set: false } });
    ok(await admin.request({ method: 'PATCH', url: `/api/roles/${reader.role.id}`, payload: { permissions: ['tasks.read'] } }));
    const refused = await reader.session.request({ method: 'GET', url: `/api/whereabouts/departments/${dept.id}` });
    expect(refused.statusCode).toBe(403);
  });

  it('stops answering the door board of a department once it is archived', async () => {
    const dept = await buildDepartment(t);
    const person = await buildPerson(t, { departmentId: dept.id });
    const code = await codeOf(dept.id);
    expect((await doorBoard(code)).people.map((p) => p.personId)).toEqual([person.id]);
    ok(await admin.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { status: 'left' } }));
    expect((await doorBoard(code)).people).toEqual([]);
    ok(await admin.request({ method: 'POST', url: `/api/departments/${dept.id}/archive` }));
    expect((await door(code)).statusCode).toBe(404);
  });

  it('keeps a board between changes on SQLite only, with the time of each answer at the door', async () => {
    const dept = await buildDepartment(t);
    const person = await buildPerson(t, { departmentId: dept.id });
    const code = await codeOf(dept.id);
    const back = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
    ok(
      await admin.request({
        method: 'PUT',
        url: `/api/whereabouts/people/${person.id}`,
        payload: { state: 'out', place: '甲地', expectedReturnAt: back },
      }),
    );
    const first = await doorBoard(code);
    expect((await console_(admin, dept.id)).people[0]).toMatchObject({ place: '甲地', expectedReturnAt: back });
    // a row written behind the app's back (another process): kept answers do not see it until they expire
    const later = new Date(t.clock.now().getTime() + 5 * HOUR).toISOString();
    await t.db.db.updateTable('whereabouts').set({ place: '乙地', expectedReturnAt: later }).where('personId', '=', person.id).execute();
    const was = t.clock.now();
    t.clock.set(new Date(was.getTime() + 60_000));
    try {
      const second = await doorBoard(code);
      expect(second.generatedAt).not.toBe(first.generatedAt);
      expect(second.generatedAt).toBe(t.clock.now().toISOString());
      const kept = engine === 'sqlite';
      expect(second.people[0]!.expectedReturnAt).toBe(kept ? back : later);
      expect((await console_(admin, dept.id)).people[0]!.place).toBe(kept ? '甲地' : '乙地');
    } finally {
      t.clock.set(was);
    }
  });
});
