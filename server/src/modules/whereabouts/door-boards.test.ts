import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorBoardLink, PublicDoorBoard } from '@qinlian/contracts';
import { ENGINES, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPerson } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { newTrackingCode } from '../../platform/public/tracking-code.ts';
import { HOUR, whereaboutsWorld } from './whereabouts.test-support.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
type Frame = { id?: string; event?: string; data?: unknown };

/** An EventSource-like reader over a real socket: frames as they arrive. */
function connect(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; events: Frame[]; until: (n: number) => Promise<void>; close: () => void }>(
    (resolve, reject) => {
      const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        const events: Frame[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
            const frame: Frame = {};
            for (const line of buffer.slice(0, at).split('\n')) {
              const [field, ...rest] = line.split(':');
              const value = rest.join(':').replace(/^ /, '');
              if (field === 'id') frame.id = value;
              if (field === 'event') frame.event = value;
              if (field === 'data') frame.data = JSON.parse(value);
            }
            if (frame.event) events.push(frame);
            buffer = buffer.slice(at + 2);
          }
        });
        resolve({
          status: res.statusCode!,
          type: String(res.headers['content-type']),
          events,
          async until(n) {
            for (let waited = 0; events.length < n; waited += 10) {
              if (waited > 2000) throw new Error(`no event ${n} within 2 s: ${JSON.stringify(events)}`);
              await new Promise((r) => setTimeout(r, 10));
            }
          },
          close: () => req.destroy(),
        });
      });
      req.on('error', reject);
    },
  );
}

/** 去向牌 beside the door: the public code, what a visitor sees, photos of that board only, and the live streams. */
describe.each(ENGINES)('door boards on %s', (engine) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof whereaboutsWorld>>;
  let link: DoorBoardLink;
  let base: string;
  let visitor = 0;
  /** each public call its own address and device: rate limits never spill between cases */
  const visit = (url: string) => {
    visitor++;
    return t.app.inject({
      method: 'GET',
      url,
      remoteAddress: `198.51.100.${visitor}`,
      headers: { 'x-device-id': `door-board-visitor-${visitor}` },
    });
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await whereaboutsWorld(t);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the department its public code on first ask, the same ever after; only to those who see the department', async () => {
    const url = `/api/whereabouts/departments/${w.dept.id}/door-board`;
    const first = await w.s.colleague.request({ method: 'GET', url });
    expect(first.statusCode, first.body).toBe(200);
    link = first.json() as DoorBoardLink;
    expect(link).toMatchObject({
      departmentId: w.dept.id,
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{13}$/),
      kioskPath: `/p/door-boards/${link.code}`,
    });
    expect(link.displayCode.replace(/-/g, '')).toBe(link.code);
    expect((await w.s.head.request({ method: 'GET', url })).json().code).toBe(link.code);
    const made = await t.db.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'door_board.create')
      .where('entityId', '=', w.dept.id)
      .execute();
    expect(made).toHaveLength(1);
    expect((await w.s.otherHead.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await w.s.noPermission.request({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('shows a visitor only names, photos, posts, state, expected return and who acts — never place, note or phone', async () => {
    const back = w.at(5 * HOUR);
    await w.set(w.s.a, w.people.a.id, { state: 'out', place: '某企业现场核查', note: '私事备注', expectedReturnAt: back });
    const res = await visit(`/api/public/door-boards/${link.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as PublicDoorBoard;
    expect(Object.keys(board).sort()).toEqual(['counts', 'departmentName', 'generatedAt', 'people']);
    const a = board.people.find((p) => p.personId === w.people.a.id)!;
    expect(Object.keys(a).sort()).toEqual(['actingPersonName', 'expectedReturnAt', 'name', 'personId', 'photoUrl', 'posts', 'state']);
    expect(a).toMatchObject({
      name: w.people.a.name,
      state: 'out',
      expectedReturnAt: back,
      actingPersonName: w.people.b.name,
      posts: ['综合岗'],
    });
    expect(board.counts).toMatchObject({ away: 1, present: board.people.length - 1 });
    for (const secret of ['某企业现场核查', '私事备注', w.people.a.phone!]) expect(res.body).not.toContain(secret);
    expect(board.people.map((p) => p.personId)).not.toContain(w.people.otherHead.id);
  });

  it('answers a mistyped code with 400 and an unknown one with 404', async () => {
    const typo = `${link.code.slice(0, 12)}${link.code[12] === '2' ? '3' : '2'}`;
    const bad = await visit(`/api/public/door-boards/${typo}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('params.code');
    expect((await visit(`/api/public/door-boards/${newTrackingCode()}`)).statusCode).toBe(404);
    expect((await visit(`/api/public/door-boards/${newTrackingCode()}/live`)).statusCode).toBe(404);
  });

  it('serves photos of people on the board only', async () => {
    const upload = await t.admin.request({
      method: 'POST',
      url: `/api/people/${w.people.b.id}/photo`,
      ...multipartFile({ filename: 'b.png', contentType: 'image/png', data: PNG }),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const stranger = await buildPerson(t, { departmentId: w.other.id });
    await t.admin.request({
      method: 'POST',
      url: `/api/people/${stranger.id}/photo`,
      ...multipartFile({ filename: 's.png', contentType: 'image/png', data: PNG }),
    });
    const board = (await visit(`/api/public/door-boards/${link.code}`)).json() as PublicDoorBoard;
    const url = board.people.find((p) => p.personId === w.people.b.id)!.photoUrl!;
    expect(url).toMatch(new RegExp(`^/api/public/door-boards/${link.code}/photos/${w.people.b.id}\\?v=\\d+$`));
    const photo = await visit(url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    expect((await visit(`/api/public/door-boards/${link.code}/photos/${stranger.id}`)).statusCode).toBe(404);
    expect((await visit(`/api/public/door-boards/${link.code}/photos/${w.people.a.id}`)).statusCode).toBe(404); // no photo
  });

  it('streams a change to the public board and the console within 2 seconds, and tells a client from before a restart to reset', async () => {
    const door = await connect(`${base}/api/public/door-boards/${link.code}/live?deviceId=door-board-kiosk-000001`);
    expect([door.status, door.type]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const console_ = await connect(`${base}/api/whereabouts/departments/${w.dept.id}/live`, { cookie: w.s.head.cookie });
    expect(console_.status).toBe(200);
    await Promise.all([door.until(1), console_.until(1)]);
    expect(door.events[0]!.event).toBe('ready');
    const changedAt = Date.now();
    const res = await w.set(w.s.b, w.people.b.id, { state: 'meeting', place: '二楼会议室' });
    expect(res.statusCode, res.body).toBe(200);
    await Promise.all([door.until(2), console_.until(2)]);
    expect(Date.now() - changedAt).toBeLessThan(2000);
    for (const c of [door, console_])
      expect(c.events[1]).toMatchObject({ event: 'whereabouts.changed', data: { personId: w.people.b.id } });
    door.close();
    console_.close();

    const afterRestart = await connect(`${base}/api/public/door-boards/${link.code}/live?deviceId=door-board-kiosk-000001`, {
      'last-event-id': 'a-past-process-1f',
    });
    await afterRestart.until(1);
    expect(afterRestart.events[0]!.event).toBe('reset');
    afterRestart.close();
    expect((await w.s.otherHead.request({ method: 'GET', url: `/api/whereabouts/departments/${w.dept.id}/live` })).statusCode).toBe(404);
  });

  it('documents both live routes in the OpenAPI document as text/event-stream', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    for (const path of ['/api/whereabouts/departments/{id}/live', '/api/public/door-boards/{code}/live']) {
      expect(Object.keys(doc.paths[path]!.get!.responses['200']!.content ?? {}), path).toEqual(['text/event-stream']);
    }
    expect(Object.keys(doc.paths['/api/public/door-boards/{code}']!.get!.responses['200']!.content ?? {})).toEqual(['application/json']);
  });
});
