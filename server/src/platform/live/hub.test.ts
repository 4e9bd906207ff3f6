import { describe, expect, it } from 'vitest';
import { createLiveHub, inProcessTransport, type LiveEvent, type LiveMessage, type LiveTransport } from './hub.ts';

const collect = () => {
  const seen: LiveEvent[] = [];
  return { seen, listener: (e: LiveEvent) => seen.push(e) };
};

describe('live hub', () => {
  it('delivers to the subscribers of a channel only, in order, with distinct ids', () => {
    const hub = createLiveHub();
    const board = collect();
    const wall = collect();
    hub.subscribe('door-board:a', null, board.listener);
    hub.subscribe('wall', null, wall.listener);
    const ids = [1, 2, 3].map((n) => hub.publish('door-board:a', 'status', { n }));
    expect(new Set(ids).size).toBe(3);
    expect(board.seen).toEqual(ids.map((id, i) => ({ id, event: 'status', data: { n: i + 1 } })));
    expect(wall.seen).toEqual([]);
  });

  it('replays exactly what came after Last-Event-ID, and resets when it has left the ring', () => {
    const hub = createLiveHub({ capacity: 3 });
    const ids = [1, 2, 3].map((n) => hub.publish('c', 'e', n));
    const resumed = hub.subscribe('c', ids[0]!, () => {});
    expect(resumed.start).toEqual({ kind: 'replay', events: [2, 3].map((n, i) => ({ id: ids[i + 1], event: 'e', data: n })) });
    expect(hub.subscribe('c', ids[2]!, () => {}).start).toEqual({ kind: 'replay', events: [] });
    const more = [4, 5].map((n) => hub.publish('c', 'e', n)); // the ring drops 1 and 2
    expect(hub.subscribe('c', ids[0]!, () => {}).start).toEqual({ kind: 'reset', position: more[1] });
    // 2 has left the ring, but everything after it is still there
    expect(hub.subscribe('c', ids[1]!, () => {}).start).toEqual({
      kind: 'replay',
      events: [ids[2], ...more].map((id, i) => ({ id, event: 'e', data: i + 3 })),
    });
    expect(hub.subscribe('c', 'from-another-life-1', () => {}).start).toEqual({ kind: 'reset', position: more[1] });
  });

  it('gives a fresh subscriber a position, from which a reconnect replays everything since', () => {
    const hub = createLiveHub({ capacity: 3 });
    const first = hub.subscribe('quiet', null, () => {});
    expect(first.start.kind).toBe('fresh');
    const position = (first.start as { position: string }).position;
    const id = hub.publish('quiet', 'e', 'x');
    expect(hub.subscribe('quiet', position, () => {}).start).toEqual({ kind: 'replay', events: [{ id, event: 'e', data: 'x' }] });
    for (let i = 0; i < 3; i++) hub.publish('quiet', 'e', i); // overflow: the position before the first event is no longer covered
    expect(hub.subscribe('quiet', position, () => {}).start.kind).toBe('reset');
  });

  it('frees a subscriber on close, and forgets a channel that holds nothing', () => {
    const hub = createLiveHub();
    const a = collect();
    const sub = hub.subscribe('door-board:b', null, a.listener);
    expect(hub.subscriberCount('door-board:b')).toBe(1);
    sub.close();
    sub.close();
    expect(hub.subscriberCount('door-board:b')).toBe(0);
    hub.publish('door-board:b', 'e', 1);
    expect(a.seen).toEqual([]);
  });

  it('refuses channel and event names that could break the stream format', () => {
    const hub = createLiveHub();
    expect(() => hub.publish('c', 'bad\nevent', 1)).toThrow(/event name/);
    expect(() => hub.publish('bad channel\n', 'e', 1)).toThrow(/channel name/);
    expect(() => hub.subscribe('', null, () => {})).toThrow(/channel name/);
  });

  it('reports a throwing subscriber or a failing transport instead of throwing into the publisher', async () => {
    const errors: unknown[] = [];
    const hub = createLiveHub({ onError: (e) => errors.push(e) });
    const good = collect();
    hub.subscribe('c', null, () => {
      throw new Error('broken pipe');
    });
    hub.subscribe('c', null, good.listener);
    expect(() => hub.publish('c', 'e', 1)).not.toThrow();
    expect(good.seen).toHaveLength(1);
    await hub.useTransport({ send: () => Promise.reject(new Error('NOTIFY failed')), start: () => {}, close: () => {} });
    expect(() => hub.publish('c', 'e', 2)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => (e as Error).message)).toEqual(['broken pipe', 'NOTIFY failed']);
  });

  it('sends through a pluggable transport and builds its rings from what the transport delivers', async () => {
    // two hubs sharing one "bus" stand for two instances behind LISTEN/NOTIFY
    const bus = new Set<(m: LiveMessage) => void>();
    const sharedBus = (): LiveTransport => {
      let deliver: ((m: LiveMessage) => void) | null = null;
      return {
        send: (m) => [...bus].forEach((d) => d(m)),
        start: (d) => void bus.add((deliver = d)),
        close: () => void (deliver && bus.delete(deliver)),
      };
    };
    const one = createLiveHub();
    const two = createLiveHub();
    await one.useTransport(sharedBus());
    await two.useTransport(sharedBus());
    const onTwo = collect();
    two.subscribe('wall', null, onTwo.listener);
    const id = one.publish('wall', 'changed', { n: 1 });
    expect(onTwo.seen).toEqual([{ id, event: 'changed', data: { n: 1 } }]);
    // a client that saw `id` on instance one resumes on instance two
    const next = one.publish('wall', 'changed', { n: 2 });
    expect(two.subscribe('wall', id, () => {}).start).toEqual({ kind: 'replay', events: [{ id: next, event: 'changed', data: { n: 2 } }] });
    await one.useTransport(inProcessTransport());
    one.publish('wall', 'changed', { n: 3 });
    expect(onTwo.seen).toHaveLength(2); // one has left the bus
  });
});
