import autocannon from 'autocannon';
import type { ClientState, Driver, HttpRequest } from '../scenario.ts';
import { cpuTicks, withPeakRss } from './procs.ts';

export type Measured = {
  reqPerSec: number;
  total: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  peakRssMb: number;
};

export type Target = { baseUrl: string; pid: number; headers: Record<string, string> };

/**
 * Per-client state survives between a client's requests: autocannon resets its own `context` on
 * every loop, so a request checks a slot out in setupRequest and returns it in onResponse (no
 * pipelining: a connection has one request in flight).
 */
export function slots() {
  const all: ClientState[] = [];
  const free: ClientState[] = [];
  return {
    take(): ClientState {
      return free.pop() ?? (all[all.length] = { client: all.length, sent: 0, data: {} });
    },
    give(s: ClientState) {
      s.sent++;
      free.push(s);
    },
    /** between loads: requests abandoned at the last deadline never gave their slot back */
    reset() {
      free.length = 0;
      free.push(...all.slice().reverse());
    },
  };
}

/** What every browser sends: answers come back as a phone or a console would receive them. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

function toRequest(r: HttpRequest, target: Target) {
  const headers: Record<string, string> = { ...BROWSER_HEADERS, ...target.headers, ...(r.headers ?? {}) };
  let body: string | undefined;
  if (r.body !== undefined) {
    body = JSON.stringify(r.body);
    headers['content-type'] = 'application/json';
  }
  return { method: r.method, path: r.path, headers, body };
}

/** One request outside the load, to see that the target answers 2xx before hammering it. */
export async function probe(
  driver: Driver<HttpRequest>,
  target: Target,
  pool: ReturnType<typeof slots>,
): Promise<{ status: number; body: string }> {
  const state = pool.take();
  const r = toRequest(driver.request(state), target);
  const res = await fetch(target.baseUrl + r.path, { method: r.method, headers: r.headers, body: r.body });
  const body = await res.text();
  driver.onResponse?.(state, res.status, body);
  pool.give(state);
  return { status: res.status, body };
}

/**
 * One load: `warmup` seconds then `seconds` measured, on the same `connections` kept open throughout.
 * Only responses that arrive in the measured window count. Node accepts one new connection per
 * event-loop turn, so 50 fresh connections against a busy server take seconds to all get in; a
 * measurement that opened its own connections would time that ramp, not 50 clients at work.
 */
export async function load(
  driver: Driver<HttpRequest>,
  target: Target,
  pool: ReturnType<typeof slots>,
  opts: { connections: number; seconds: number; warmup: number; rate?: number },
): Promise<Measured> {
  pool.reset();
  await driver.beforeLoad?.();
  const window = measuredWindow(opts.warmup);
  const { result, peakRss } = await withPeakRss(
    target.pid,
    () =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: target.baseUrl,
            connections: opts.connections,
            duration: opts.warmup + opts.seconds,
            timeout: 10,
            // a fixed offered load (all connections together): latency at that load rather than at saturation
            ...(opts.rate ? { overallRate: opts.rate } : {}),
            requests: [
              {
                setupRequest: (_req: unknown, context: Record<string, unknown>) => {
                  const state = pool.take();
                  context.state = state;
                  return toRequest(driver.request(state), target);
                },
                onResponse: (status: number, body: string, context: Record<string, unknown>) => {
                  const state = context.state as ClientState;
                  driver.onResponse?.(state, status, body);
                  pool.give(state);
                },
              },
            ],
          } as autocannon.Options,
          (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
        );
        instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => window.record(status, ms));
      }),
  );
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, Number((v as { count: number }).count)]),
  );
  return {
    ...window.summary(opts.seconds),
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

/** Latencies of the responses after the warm-up; percentiles by sorting (a 10 s run is at most tens of thousands). */
function measuredWindow(warmupSeconds: number) {
  const from = performance.now() + warmupSeconds * 1000;
  const latencies: number[] = [];
  let non2xx = 0;
  return {
    record(status: number, ms: number) {
      if (performance.now() < from) return;
      latencies.push(ms);
      if (status < 200 || status > 299) non2xx++;
    },
    summary(seconds: number) {
      const sorted = Float64Array.from(latencies).sort();
      const at = (q: number) =>
        sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10 : 0;
      return {
        reqPerSec: Math.round((sorted.length / seconds) * 10) / 10,
        total: sorted.length,
        p50: at(0.5),
        p97_5: at(0.975),
        p99: at(0.99),
        max: at(1),
        non2xx,
      };
    },
  };
}

/**
 * Wait until the target has worked off what the last load left queued (autocannon stops at its
 * deadline; the server goes on with requests already received, and argon2 hashes keep the thread
 * pool busy): the process tree must use under 10% of a core over half a second, twice in a row.
 * Bounded: gives up after `maxSeconds`.
 */
export async function settle(pid: number, maxSeconds = 60): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = cpuTicks(pid);
  while (Date.now() - started < maxSeconds * 1000 && quiet < 2) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTicks(pid);
    quiet = now - before < 5 ? quiet + 1 : 0; // 100 ticks a second: 5 ticks in 0.5 s = 10% of a core
    before = now;
  }
  return Math.round((Date.now() - started) / 100) / 10;
}
