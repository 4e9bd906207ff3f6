/**
 * A page that follows a server's live channel (server/src/platform/live/sse.ts) with EventSource.
 * The browser reconnects by itself after a dropped line (sending Last-Event-ID; the server replays
 * what was missed or says `reset`), but it gives up for good when an attempt is answered with an
 * error status (a proxy's 502 while the server restarts, a 429): the source is then CLOSED. A kiosk
 * must never stay dark, so a closed source is opened anew after a pause that grows to `maxDelayMs`,
 * resuming from the last event seen (`?lastEventId=`). Plain TypeScript: the public door board and
 * the console share it.
 */

/** connecting: the first attempt · live: the stream is open · reconnecting: it dropped, another attempt is on its way */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** What of the browser's EventSource this needs (a test gives a fake of it). */
export type EventSourceLike = Pick<EventSource, 'readyState' | 'close' | 'addEventListener'> & {
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
};

export type LiveOptions = {
  /** the stream's address; may already carry a query (`?deviceId=…`) */
  url: string;
  /** the events that say something changed (besides ready/reset) */
  events: readonly string[];
  /** `ready` (a fresh start) or `reset` (missed events are gone): fetch everything now */
  onRefresh: () => void;
  /** one of `events`, with its JSON data (null when it is not JSON) */
  onEvent: (event: string, data: unknown) => void;
  onStatus?: (status: LiveStatus) => void;
  /** the first pause before a closed source is opened again (doubles each time, up to maxDelayMs) */
  reopenDelayMs?: number;
  maxDelayMs?: number;
  /** how a source is made: the browser's EventSource unless a test says otherwise */
  createSource?: (url: string) => EventSourceLike;
};

const CLOSED = 2;

const parse = (data: unknown): unknown => {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
};

/** Opens the stream and keeps it open until the returned function is called. */
export function openLiveStream(options: LiveOptions): () => void {
  const { url, events, onRefresh, onEvent, onStatus } = options;
  const firstDelay = options.reopenDelayMs ?? 3000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const create = options.createSource ?? ((u: string) => new EventSource(u) as EventSourceLike);
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastEventId: string | null = null;
  let delay = firstDelay;
  let stopped = false;
  let status: LiveStatus | null = null;

  const report = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    onStatus?.(next);
  };
  const remember = (e: Event) => {
    const id = (e as MessageEvent).lastEventId;
    if (id) lastEventId = id;
  };
  const addressFrom = () => {
    if (!lastEventId) return url;
    return `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`;
  };

  const connect = () => {
    timer = null;
    if (stopped) return;
    const s = create(addressFrom());
    source = s;
    s.onopen = () => {
      delay = firstDelay;
      report('live');
    };
    s.onerror = () => {
      if (stopped || source !== s) return;
      report('reconnecting');
      if (s.readyState !== CLOSED) return; // the browser tries again by itself
      s.close();
      source = null;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
    const refresh = (e: Event) => {
      remember(e);
      report('live');
      onRefresh();
    };
    s.addEventListener('ready', refresh);
    s.addEventListener('reset', refresh);
    for (const name of events)
      s.addEventListener(name, (e) => {
        remember(e);
        onEvent(name, parse((e as MessageEvent).data));
      });
  };

  /** back online: a source waiting for its next attempt tries at once */
  const online = () => {
    if (timer === null || stopped) return;
    clearTimeout(timer);
    connect();
  };

  report('connecting');
  connect();
  globalThis.addEventListener?.('online', online);
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    source?.close();
    source = null;
    globalThis.removeEventListener?.('online', online);
  };
}
