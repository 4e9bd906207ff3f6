import { vi } from 'vitest';

/**
 * The browser's EventSource as a test drives it (jsdom has none): the page opens streams as it would
 * against the server; the test says when a stream opens, what arrives, and when the line drops —
 * with the browser retrying by itself (CONNECTING) or giving up (CLOSED).
 */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  closedByPage = false;
  private listeners = new Map<string, Set<(e: Event) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }

  addEventListener(name: string, listener: (e: Event) => void) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(listener);
  }
  removeEventListener(name: string, listener: (e: Event) => void) {
    this.listeners.get(name)?.delete(listener);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
    this.closedByPage = true;
  }

  /** the server answered: the stream is open */
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }
  /** one event from the server, as the browser hands it over */
  emit(name: string, data: unknown, id: string) {
    const e = new MessageEvent(name, { data: JSON.stringify(data), lastEventId: id });
    for (const l of this.listeners.get(name) ?? []) l(e);
  }
  /** the line dropped: `retrying` — the browser tries again itself; otherwise it gave up (an error status) */
  drop(retrying: boolean) {
    this.readyState = retrying ? FakeEventSource.CONNECTING : FakeEventSource.CLOSED;
    this.onerror?.(new Event('error'));
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.made.at(-1);
    if (!last) throw new Error('no EventSource was opened');
    return last;
  }
  /** stands in for window.EventSource until the test's end (setup.ts unstubs globals) */
  static install() {
    FakeEventSource.made = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  }
}
