import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { testConfig } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { registerPublicApi } from '../http/public-api.ts';
import { publicApiRoute } from '../policy/policy.ts';
import { createLiveHub } from './hub.ts';
import { streamLive } from './sse.ts';

type Frame = { id?: string; event?: string; data?: unknown; retry?: number; comment?: string };

function parseFrame(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').replace(/^ /, '');
    if (field === '') frame.comment = value;
    else if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') frame.data = JSON.parse(value);
    else if (field === 'retry') frame.retry = Number(value);
  }
  return frame;
}

/** A streaming client over a real socket, reading frames as they arrive (what EventSource does). */
function connect(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    res: http.IncomingMessage;
    frames: Frame[];
    events: () => Frame[];
    ended: Promise<void>;
    until: (done: () => boolean, what: string) => Promise<void>;
    close: () => void;
  }>((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br', ...headers } }, (res) => {
      const frames: Frame[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          frames.push(parseFrame(buffer.slice(0, at)));
          buffer = buffer.slice(at + 2);
        }
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({
        res,
        frames,
        events: () => frames.filter((f) => f.event),
        ended,
        async until(done, what) {
          for (let waited = 0; !done(); waited += 10) {
            if (waited > 3000) throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(frames)}`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

describe('server-sent events over a real socket', () => {
  const hub = createLiveHub({ capacity: 4 });
  const channel = (name: string) => `test:${name}`;
  const liveRoutes: FastifyPluginAsyncZod = async (api) => {
    api.get(
      '/live/:name',
      { config: { policy: publicApiRoute }, schema: { params: z.object({ name: z.string().max(40) }) } },
      (req, reply) => streamLive(req, reply, channel(req.params.name), { hub, heartbeatMs: 100 }),
    );
  };
  let base: string;
  let close: () => Promise<void>;
  let closed = false;

  beforeAll(async () => {
    const config = await testConfig('sqlite', { verifyResponses: false });
    const db = await prepareDatabase(config, () => {});
    const app = await buildApp({ config, database: db, logger: false });
    await registerPublicApi(app, [liveRoutes]);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/public/live`;
    close = async () => {
      closed = true;
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => {
    if (!closed) await close();
  });

  it('streams uncompressed and unbuffered, events in order with ids, after a ready position', async () => {
    const c = await connect(`${base}/hall`);
    expect(c.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(c.res.headers['x-accel-buffering']).toBe('no');
    expect(c.res.headers['cache-control']).toBe('no-store, no-transform');
    expect(c.res.headers['content-encoding']).toBeUndefined();
    expect(c.res.headers['x-content-type-options']).toBe('nosniff'); // the app's own headers still apply
    await c.until(() => c.events().length === 1, 'ready');
    expect(c.frames[0]).toEqual({ retry: 3000 });
    expect(c.events()[0]).toMatchObject({ event: 'ready', data: { channel: 'test:hall' }, id: expect.any(String) });

    const ids = [1, 2, 3].map((n) => hub.publish(channel('hall'), 'queue.changed', { waiting: n, name: '张**' }));
    await c.until(() => c.events().length === 4, 'three events');
    expect(c.events().slice(1)).toEqual(ids.map((id, i) => ({ id, event: 'queue.changed', data: { waiting: i + 1, name: '张**' } })));
    c.close();
  });

  it('frees the subscriber when the client goes away', async () => {
    const c = await connect(`${base}/door-1`);
    await c.until(() => hub.subscriberCount(channel('door-1')) === 1, 'the subscriber');
    const other = await connect(`${base}/door-1`);
    await c.until(() => hub.subscriberCount(channel('door-1')) === 2, 'the second subscriber');
    c.close();
    await c.until(() => hub.subscriberCount(channel('door-1')) === 1, 'the first subscriber to be freed');
    other.close();
    await c.until(() => hub.subscriberCount(channel('door-1')) === 0, 'every subscriber to be freed');
  });

  it('replays on reconnect exactly the events missed since Last-Event-ID, then goes on live', async () => {
    const first = await connect(`${base}/wall`);
    await first.until(() => first.events().length === 1, 'ready');
    const seen = hub.publish(channel('wall'), 'tile', { n: 1 });
    await first.until(() => first.events().length === 2, 'the first event');
    first.close();
    await first.until(() => hub.subscriberCount(channel('wall')) === 0, 'the drop');
    const missed = [2, 3].map((n) => hub.publish(channel('wall'), 'tile', { n }));

    const again = await connect(`${base}/wall`, { 'last-event-id': seen });
    await again.until(() => again.events().length === 2, 'the missed events');
    const live = hub.publish(channel('wall'), 'tile', { n: 4 });
    await again.until(() => again.events().length === 3, 'the live event');
    expect(again.events()).toEqual([...missed, live].map((id, i) => ({ id, event: 'tile', data: { n: i + 2 } })));
    again.close();

    // a page reloaded with the id it kept passes it in the query instead
    const reloaded = await connect(`${base}/wall?lastEventId=${encodeURIComponent(missed[1]!)}`);
    await reloaded.until(() => reloaded.events().length === 1, 'the event after the kept id');
    expect(reloaded.events()).toEqual([{ id: live, event: 'tile', data: { n: 4 } }]);
    reloaded.close();
  });

  it('tells a client whose Last-Event-ID is too old (or from before a restart) to reset, with a position to resume from', async () => {
    const ids = [1, 2, 3, 4, 5, 6].map((n) => hub.publish(channel('cockpit'), 'figure', { n })); // the ring keeps 4
    for (const stale of [ids[0]!, 'an-old-process-7']) {
      const c = await connect(`${base}/cockpit`, { 'last-event-id': stale });
      await c.until(() => c.events().length === 1, 'reset');
      expect(c.events()).toEqual([{ id: ids[5], event: 'reset', data: { channel: 'test:cockpit' } }]);
      c.close();
    }
    const c = await connect(`${base}/cockpit`, { 'last-event-id': ids[1]! }); // 2 was dropped; 3–6 are all there
    await c.until(() => c.events().length === 4, 'the four kept events');
    expect(c.events().map((e) => e.id)).toEqual(ids.slice(2));
    c.close();
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const c = await connect(`${base}/quiet`);
    await c.until(() => c.frames.some((f) => f.comment === 'heartbeat'), 'a heartbeat');
    expect(c.events()).toHaveLength(1); // only ready: a heartbeat is no event
    c.close();
  });

  it('ends open streams when the app closes, instead of waiting for them', async () => {
    const c = await connect(`${base}/shutdown`);
    await c.until(() => c.events().length === 1, 'ready');
    await close();
    await c.ended;
    expect(hub.subscriberCount(channel('shutdown'))).toBe(0);
  });
});
