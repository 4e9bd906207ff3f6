import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabaseConfig } from '../../../test/harness.ts';
import { createLiveHub, type LiveEvent } from './hub.ts';
import { LIVE_CHANNEL, pgLiveTransport } from './pg-transport.ts';

const until = async (ok: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return ok();
};

/** 实时推送跨实例: two hubs on one PostgreSQL, as two app instances behind one port would have. */
describe('live events across instances (LISTEN/NOTIFY)', async () => {
  const { url } = (await freshDatabaseConfig('postgres')) as { url: string };
  const errors: unknown[] = [];
  const a = createLiveHub({ onError: (e) => errors.push(e) });
  const b = createLiveHub({ onError: (e) => errors.push(e) });
  await a.useTransport(pgLiveTransport(url));
  await b.useTransport(pgLiveTransport(url));
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('delivers what either instance publishes to the subscribers of both, in one order with the same ids', async () => {
    const onA: LiveEvent[] = [];
    const onB: LiveEvent[] = [];
    a.subscribe('door-board:d1', null, (e) => onA.push(e));
    b.subscribe('door-board:d1', null, (e) => onB.push(e));
    const ids = [a.publish('door-board:d1', 'whereabouts.changed', { personId: 'p1' })];
    ids.push(b.publish('door-board:d1', 'whereabouts.changed', { personId: 'p2' }));
    ids.push(a.publish('door-board:d1', 'whereabouts.changed', { personId: 'p3' }));
    expect(await until(() => onA.length === 3 && onB.length === 3)).toBe(true);
    expect(onB).toEqual(onA);
    expect(new Set(onA.map((e) => e.id))).toEqual(new Set(ids));
    expect(onA.map((e) => (e.data as { personId: string }).personId).sort()).toEqual(['p1', 'p2', 'p3']);
    // a client that reconnects to the other instance resumes where it was
    const resumed = b.subscribe('door-board:d1', onA[0]!.id, () => {});
    expect(resumed.start).toEqual({ kind: 'replay', events: onA.slice(1) });
  });

  it('reports an event too big for NOTIFY instead of sending it, and ignores what is not an event', async () => {
    const onB: LiveEvent[] = [];
    b.subscribe('wall', null, (e) => onB.push(e));
    a.publish('wall', 'big', { text: 'x'.repeat(9_000) });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, 'not json']);
    await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ hello: 1 })]);
    await client.end();
    a.publish('wall', 'small', { n: 1 });
    expect(await until(() => onB.length > 0)).toBe(true);
    expect(onB.map((e) => e.event)).toEqual(['small']);
    expect(await until(() => errors.length > 0)).toBe(true);
    expect(String(errors[0])).toMatch(/send ids, not records/);
  });
});
