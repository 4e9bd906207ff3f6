import { randomBytes } from 'node:crypto';
import { afterCommit } from '../context.ts';
import type { Executor } from '../db/database.ts';

/** One event on a channel, as the browser's EventSource sees it: `id`, `event` (its name) and JSON `data`. */
export type LiveEvent = { id: string; event: string; data: unknown };
export type LiveMessage = LiveEvent & { channel: string };

/**
 * How published events reach every instance's hub, this one included. The in-process transport
 * below is enough for one instance (SQLite, or a single PostgreSQL app). For several instances on
 * PostgreSQL, `pgLiveTransport` (pg-transport.ts) fans out through LISTEN/NOTIFY: `send` runs
 * `SELECT pg_notify('qinlian_live', json)` (payloads stay under NOTIFY's 8000 bytes — publish what
 * changed and its ids, and let pages refetch details), `start` holds one dedicated connection that
 * LISTENs and hands each notification to `deliver`, and `close` releases it. PostgreSQL delivers
 * notifications to every listener in one commit order, so every instance's ring holds the same ids
 * in the same order and a client can resume on whichever instance the load balancer picks.
 */
export interface LiveTransport {
  send(message: LiveMessage): void | Promise<void>;
  start(deliver: (message: LiveMessage) => void): void | Promise<void>;
  close(): void | Promise<void>;
}

export function inProcessTransport(): LiveTransport {
  let deliver: ((m: LiveMessage) => void) | null = null;
  return {
    send: (m) => deliver?.(m),
    start: (d) => {
      deliver = d;
    },
    close: () => {
      deliver = null;
    },
  };
}

/** Where a new subscriber starts: its backlog, or "reset" when the events it missed are gone. */
export type LiveStart =
  | { kind: 'fresh'; position: string } // no Last-Event-ID: nothing to catch up
  | { kind: 'replay'; events: LiveEvent[] } // exactly the events after Last-Event-ID
  | { kind: 'reset'; position: string }; // Last-Event-ID unknown or fallen out of the ring: refetch everything

export type LiveSubscription = { start: LiveStart; close(): void };

type Channel = {
  ring: LiveEvent[];
  /** the position just before ring[0]: a made-up id at first, then the id of the last event the ring dropped */
  before: string;
  listeners: Set<(e: LiveEvent) => void>;
};

const NAME = /^[A-Za-z][\w.:-]{0,63}$/;
const CHANNEL = /^[\w.:/-]{1,200}$/;

export type LiveHub = ReturnType<typeof createLiveHub>;

/**
 * Channels of live events (`door-board:<departmentId>`, `wall`, `cockpit`), each with the last
 * `capacity` events in a ring so that a client that reconnects with Last-Event-ID gets exactly
 * what it missed. Event ids are `<hub>-<n>`: a hub id from a past process never matches, so after
 * a restart every client is told to reset instead of being replayed the wrong events.
 */
export function createLiveHub({
  capacity = 256,
  transport = inProcessTransport(),
  onError = (err: unknown) => console.error('live events:', err),
}: {
  capacity?: number;
  transport?: LiveTransport;
  /** a failed send or a throwing listener: reported, never thrown into the publisher's request */
  onError?: (err: unknown) => void;
} = {}) {
  const hubId = randomBytes(6).toString('base64url');
  let counter = 0;
  const nextId = () => `${hubId}-${(++counter).toString(36)}`;
  const channels = new Map<string, Channel>();
  let current = transport;

  const channelOf = (name: string): Channel => {
    let ch = channels.get(name);
    if (!ch) channels.set(name, (ch = { ring: [], before: nextId(), listeners: new Set() }));
    return ch;
  };
  // a channel nobody listens to and nothing was published on keeps nothing worth remembering
  const forgetIfIdle = (name: string, ch: Channel) => {
    if (ch.listeners.size === 0 && ch.ring.length === 0) channels.delete(name);
  };

  const deliver = (m: LiveMessage) => {
    const ch = channelOf(m.channel);
    const event: LiveEvent = { id: m.id, event: m.event, data: m.data };
    ch.ring.push(event);
    if (ch.ring.length > capacity) ch.before = ch.ring.shift()!.id;
    for (const listener of ch.listeners) {
      try {
        listener(event);
      } catch (err) {
        onError(err); // one broken subscriber must not keep the event from the others
      }
    }
  };
  void current.start(deliver);

  return {
    /** Send `event` with `data` (JSON) to every subscriber of `channel` on every instance; returns its id. */
    publish(channel: string, event: string, data: unknown): string {
      if (!CHANNEL.test(channel)) throw new Error(`bad live channel name: ${JSON.stringify(channel)}`);
      if (!NAME.test(event)) throw new Error(`bad live event name: ${JSON.stringify(event)}`);
      const id = nextId();
      try {
        Promise.resolve(current.send({ channel, id, event, data })).catch(onError);
      } catch (err) {
        onError(err);
      }
      return id;
    },

    /**
     * Listen to `channel` from `lastEventId` on. The backlog is worked out and the listener added in
     * one synchronous step, so no event falls between them. Call `close` when the client goes.
     */
    subscribe(channel: string, lastEventId: string | null, listener: (e: LiveEvent) => void): LiveSubscription {
      if (!CHANNEL.test(channel)) throw new Error(`bad live channel name: ${JSON.stringify(channel)}`);
      const ch = channelOf(channel);
      const head = () => ch.ring.at(-1)?.id ?? ch.before;
      let start: LiveStart;
      if (lastEventId === null) start = { kind: 'fresh', position: head() };
      else if (lastEventId === ch.before) start = { kind: 'replay', events: [...ch.ring] };
      else {
        const at = ch.ring.findLastIndex((e) => e.id === lastEventId);
        start = at >= 0 ? { kind: 'replay', events: ch.ring.slice(at + 1) } : { kind: 'reset', position: head() };
      }
      ch.listeners.add(listener);
      let open = true;
      return {
        start,
        close() {
          if (!open) return;
          open = false;
          ch.listeners.delete(listener);
          forgetIfIdle(channel, ch);
        },
      };
    },

    subscriberCount: (channel: string) => channels.get(channel)?.listeners.size ?? 0,

    /** Swap the transport (at boot, e.g. to LISTEN/NOTIFY on PostgreSQL with several instances). */
    async useTransport(next: LiveTransport) {
      const previous = current;
      current = next;
      await previous.close();
      await next.start(deliver);
    },

    close: () => current.close(),
  };
}

/** The process's hub: the one live routes stream from and services publish to. */
export const liveHub = createLiveHub();

/** Publish on the process's hub now. From a service, prefer publishAfterCommit. */
export const publish = (channel: string, event: string, data: unknown): string => liveHub.publish(channel, event, data);

/**
 * Publish once the caller's transaction commits (at once outside one; never after a rollback): a
 * live page must not show a change that did not happen.
 */
export function publishAfterCommit(db: Executor, channel: string, event: string, data: unknown): void {
  afterCommit(db, () => {
    liveHub.publish(channel, event, data);
  });
}
