import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '../../test/fakeEventSource.ts';
import { openLiveStream, type LiveStatus } from './liveStream.ts';

const URL = '/api/public/door-boards/7KQ3MZ8RXH2W5/live?deviceId=dev-1234567890abcdef';

function follow() {
  const refreshes: number[] = [];
  const events: unknown[] = [];
  const statuses: LiveStatus[] = [];
  const close = openLiveStream({
    url: URL,
    events: ['whereabouts.changed'],
    onRefresh: () => refreshes.push(Date.now()),
    onEvent: (name, data) => events.push([name, data]),
    onStatus: (s) => statuses.push(s),
    reopenDelayMs: 3000,
    maxDelayMs: 10_000,
  });
  return { close, refreshes, events, statuses };
}

beforeEach(() => {
  FakeEventSource.install();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

/** The live line a door board keeps open for months: it must come back by itself from anything. */
describe('a live stream', () => {
  it('fetches everything on ready and on reset, and hands each change over with its data', () => {
    const live = follow();
    const s = FakeEventSource.latest();
    expect(s.url).toBe(URL);
    expect(live.statuses).toEqual(['connecting']);
    s.open();
    s.emit('ready', { channel: 'door-board:d1' }, '5');
    expect(live.refreshes).toHaveLength(1);
    expect(live.statuses).toEqual(['connecting', 'live']);
    s.emit('whereabouts.changed', { personId: 'p1' }, '6');
    expect(live.events).toEqual([['whereabouts.changed', { personId: 'p1' }]]);
    s.emit('reset', { channel: 'door-board:d1' }, '1');
    expect(live.refreshes).toHaveLength(2);
    live.close();
    expect(s.closedByPage).toBe(true);
  });

  it('lets the browser retry a dropped line itself, and refetches on the reset a restarted server sends', () => {
    const live = follow();
    const s = FakeEventSource.latest();
    s.open();
    s.emit('ready', null, '3');
    s.drop(true); // the server went away; the browser reconnects after `retry:`
    expect(live.statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.made).toHaveLength(1); // no second source while the browser is at it
    s.open(); // back — the restarted server does not know event 3
    expect(live.statuses.at(-1)).toBe('live');
    s.emit('reset', null, '1');
    expect(live.refreshes).toHaveLength(2);
    live.close();
  });

  it('opens a closed stream again after a pause that grows, resuming from the last event seen', () => {
    const live = follow();
    const first = FakeEventSource.latest();
    first.open();
    first.emit('ready', null, '41');
    first.emit('whereabouts.changed', { personId: 'p1' }, '42');
    first.drop(false); // a proxy answered 502 while the server restarted: the browser gives up
    expect(first.closedByPage).toBe(true);
    expect(live.statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(2999);
    expect(FakeEventSource.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = FakeEventSource.latest();
    expect(FakeEventSource.made).toHaveLength(2);
    expect(second.url).toBe(`${URL}&lastEventId=42`);

    second.drop(false); // still down: the next pause is twice as long
    vi.advanceTimersByTime(5999);
    expect(FakeEventSource.made).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = FakeEventSource.latest();
    third.drop(false);
    vi.advanceTimersByTime(10_000); // capped at maxDelayMs
    expect(FakeEventSource.made).toHaveLength(4);

    const fourth = FakeEventSource.latest();
    fourth.open();
    fourth.emit('reset', null, '1');
    expect(live.statuses.at(-1)).toBe('live');
    expect(live.refreshes).toHaveLength(2);
    fourth.drop(false); // after a good connection the pause starts short again
    vi.advanceTimersByTime(3000);
    expect(FakeEventSource.made).toHaveLength(5);
    live.close();
  });

  it('tries at once when the network comes back, and opens nothing after it is closed', () => {
    const live = follow();
    FakeEventSource.latest().drop(false);
    window.dispatchEvent(new Event('online'));
    expect(FakeEventSource.made).toHaveLength(2);
    FakeEventSource.latest().drop(false);
    live.close();
    vi.advanceTimersByTime(120_000);
    expect(FakeEventSource.made).toHaveLength(2);
  });
});
