import fs from 'node:fs';
import http from 'node:http';
import { rssOf } from './procs.ts';

/**
 * 门口去向牌 fan-out (issue #13: "a door board fed to 1,000 open connections receives a state change
 * within 2 s at the 99th percentile"). `streams` kiosks open the board's event stream with plain
 * node:http (each from its own address and device id), all wait for `ready`; then a person's state
 * is changed `changes` times, one after the other, and every kiosk's arrival of `whereabouts.changed`
 * is timed from just before the change was sent. A second pass does what a kiosk does next: on the
 * event it reads the board again and checks that the person shows the new state — the time until
 * the visitor at the door sees it. Each change waits for every delivery (or `timeoutMs`), then
 * `spacingMs`, so one change's refetches never overlap the next change. One change before the passes
 * is not counted (the write path's first run). Timestamps are taken in this process when a socket's
 * data arrives: with 1,000 sockets on the same two cores, the client's own turn is in the figures —
 * the baseline, measured the same way, shows how much.
 */
export type FanoutOptions = { streams: number; changes: number; spacingMs: number; timeoutMs: number };

/** One side: the app (public stream, signed-in PUT, public board) or the bare baseline routes. */
export type FanoutSide = {
  baseUrl: string;
  pid: number;
  stream(i: number): { path: string; headers: Record<string, string> };
  board(i: number): { path: string; headers: Record<string, string> };
  /** send the k-th change; resolves when it is answered */
  change(k: number, state: string): Promise<void>;
  /** the person whose state changes, and where the board lists them */
  personId: string;
};

export type Spread = { count: number; p50: number; p95: number; p99: number; max: number };
export type FanoutPass = { deliveries: Spread; missed: number; change: Spread; worstChangeP99: number };
export type FanoutMeasured = {
  streams: number;
  openSeconds: number;
  rssPerStreamKb: number;
  peakRssMb: number;
  /** events only: the hub's (or the bare Set's) writes to every stream */
  events: FanoutPass;
  /** event, then the kiosk's GET of the board showing the new state */
  refetch: FanoutPass & { stale: number; errors: number };
  closedEarly: number;
};

const round = (x: number) => Math.round(x * 10) / 10;
export function spread(values: number[]): Spread {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!) : 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** The soft limit of open files of a process (`ulimit -n`), from /proc; Infinity when unlimited. */
export function openFileLimit(pid: number | 'self' = 'self'): number {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return !m || m[1] === 'unlimited' ? Infinity : Number(m[1]);
}

/** Enough file descriptors here and in the server for the streams and the kiosks' refetch connections? null: yes. */
export function fdShortage(streams: number, serverPid: number): string | null {
  const need = 2 * streams + 256;
  const mine = openFileLimit('self');
  const server = openFileLimit(serverPid);
  if (mine >= need && server >= need) return null;
  return `open-file limit too low for ${streams} streams (need ≈ ${need}): bench ${mine}, server ${server} — raise \`ulimit -n\` in the shell that runs the bench`;
}

type Kiosk = { req: http.ClientRequest; changed: number; closed: boolean };

export async function measureFanout(side: FanoutSide, opts: FanoutOptions): Promise<FanoutMeasured> {
  const url = new URL(side.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity }); // the kiosks' refetches, a connection each
  const kiosks: Kiosk[] = [];
  // the k-th `whereabouts.changed` on a stream is the k-th change: timings by index
  const sentAt: number[] = [];
  type Pass = { from: number; latencies: number[]; refetch: boolean; boards: number[]; stale: number; errors: number };
  let pass: Pass | null = null;
  let arrived = 0;
  let boardsDone = 0;
  let wake: (() => void) | null = null;
  const poke = () => wake?.();

  const refetch = (p: Pass, i: number, k: number, expected: string) => {
    const b = side.board(i);
    const req = http.get({ host: url.hostname, port: url.port, path: b.path, headers: b.headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        const now = performance.now();
        try {
          const body = JSON.parse(Buffer.concat(parts).toString()) as { people: { personId: string; state: string }[] };
          const shown = body.people.find((x) => x.personId === side.personId)?.state;
          if (res.statusCode !== 200) p.errors++;
          else if (shown !== expected) p.stale++;
          else p.boards.push(now - sentAt[k]!);
        } catch {
          p.errors++;
        }
        boardsDone++;
        poke();
      });
    });
    req.on('error', () => {
      p.errors++;
      boardsDone++;
      poke();
    });
  };

  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const s = side.stream(i);
      const req = http.get({
        host: url.hostname,
        port: url.port,
        path: s.path,
        headers: { accept: 'text/event-stream', ...s.headers },
        agent: false,
      });
      const kiosk: Kiosk = { req, changed: 0, closed: false };
      let buffer = '';
      req.on('response', (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${i}: ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (event === 'ready') {
              req.setTimeout(0); // heartbeats come every 15 s; silence is expected between changes
              resolve();
            } else if (event === 'whereabouts.changed') {
              const k = kiosk.changed++;
              if (pass && k >= pass.from) {
                pass.latencies.push(now - sentAt[k]!);
                if (pass.refetch) refetch(pass, i, k, k % 2 === 0 ? 'out' : 'in_office');
              }
              arrived++;
              poke();
            }
          }
        });
        res.on('close', () => {
          kiosk.closed = true;
        });
      });
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`stream ${i}: no \`ready\` within 30 s`)));
      kiosks.push(kiosk);
    });

  const rssBefore = rssOf(side.pid);
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(side.pid))), 200);
  try {
    // a batch at a time: Node accepts one new connection per event-loop turn
    const started = performance.now();
    for (let i = 0; i < opts.streams; i += 50)
      await Promise.all(Array.from({ length: Math.min(50, opts.streams - i) }, (_, j) => open(i + j)));
    const openSeconds = round((performance.now() - started) / 1000);
    const rssOpen = rssOf(side.pid);

    let k = 0;
    /** one change: sent, answered, then every kiosk heard (and with `withRefetch` read the board), or the time-out */
    const change = async (withRefetch: boolean) => {
      arrived = 0;
      boardsDone = 0;
      const done = () => arrived >= kiosks.length && (!withRefetch || boardsDone >= kiosks.length);
      const waited = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.timeoutMs);
        wake = () => {
          if (done()) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
      sentAt[k] = performance.now();
      await side.change(k, k % 2 === 0 ? 'out' : 'in_office');
      const answered = performance.now() - sentAt[k]!;
      await waited;
      wake = null;
      k++;
      await new Promise((r) => setTimeout(r, opts.spacingMs));
      return answered;
    };
    const runPass = async (withRefetch: boolean) => {
      const p: Pass = { from: k, latencies: [], refetch: withRefetch, boards: [], stale: 0, errors: 0 };
      pass = p;
      const answered: number[] = [];
      const perChangeP99: number[] = [];
      for (let n = 0; n < opts.changes; n++) {
        const seen = p.latencies.length;
        answered.push(await change(withRefetch));
        perChangeP99.push(spread(p.latencies.slice(seen)).p99);
      }
      pass = null;
      return {
        deliveries: spread(withRefetch ? p.boards : p.latencies),
        missed: opts.changes * kiosks.length - p.latencies.length,
        change: spread(answered),
        worstChangeP99: Math.max(0, ...perChangeP99),
        stale: p.stale,
        errors: p.errors,
      };
    };
    await change(false); // one change first, not counted: the first run of the write path and the streams' first frame
    const events = await runPass(false);
    const refetched = await runPass(true);
    return {
      streams: kiosks.length,
      openSeconds,
      rssPerStreamKb: Math.round((rssOpen - rssBefore) / 1024 / Math.max(1, kiosks.length)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      events: { deliveries: events.deliveries, missed: events.missed, change: events.change, worstChangeP99: events.worstChangeP99 },
      refetch: refetched,
      closedEarly: kiosks.filter((x) => x.closed).length,
    };
  } finally {
    clearInterval(sampler);
    for (const x of kiosks) x.req.destroy();
    agent.destroy();
  }
}

/** What the run keeps: both sides, the options, and the target checked on the app's event p99. */
export type FanoutResult = {
  options: FanoutOptions;
  target: { p99Ms: number; source: string; met?: boolean };
  app?: FanoutMeasured;
  baseline?: FanoutMeasured;
  /** app event p99 ÷ baseline event p99: a latency ratio, lower is better */
  ratio?: number;
  skipped?: string;
  notes: string[];
  /** set when it comes from an earlier run of the same day (a later run did not measure it) */
  ranAt?: string;
};

export const FANOUT_TARGET = {
  p99Ms: 2000,
  source: 'issue #13: a door board fed to 1,000 open connections receives a state change within 2 s at p99',
};

const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const row = (label: string, s: Spread) =>
  `| ${label} | ${s.count.toLocaleString('en-US')} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`;

/** The Markdown block under a results table (and the console summary). */
export function fanoutLines(r: FanoutResult): string[] {
  const head = `Door-board fan-out (\`door-board-fanout\`${r.ranAt ? `, run ${r.ranAt.slice(11, 16)} UTC` : ''}): ${r.options.streams.toLocaleString('en-US')} event streams, ${r.options.changes} changes per pass`;
  if (r.skipped) return [`${head}: skipped — ${r.skipped}`];
  const lines = [
    `${head}, ${r.options.spacingMs} ms apart — ms from just before the PUT to each stream's arrival:`,
    '',
    '| side · what | deliveries | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [label, m] of [
    ['app', r.app],
    ['baseline', r.baseline],
  ] as const) {
    if (!m) continue;
    lines.push(
      row(`${label} · event \`whereabouts.changed\``, m.events.deliveries),
      row(`${label} · event, then the board read again (shows the change)`, m.refetch.deliveries),
      row(`${label} · the PUT answered`, m.events.change),
    );
  }
  lines.push('');
  if (r.app)
    lines.push(
      `- **target p99 < ${r.target.p99Ms.toLocaleString('en-US')} ms (${r.target.source}): ${r.target.met ? 'met' : 'not met'}** — app event p99 ${ms(r.app.events.deliveries.p99)} ms (worst single change ${ms(r.app.events.worstChangeP99)} ms); with the board read again p99 ${ms(r.app.refetch.deliveries.p99)} ms`,
    );
  if (r.ratio !== undefined) lines.push(`- app ÷ baseline, event p99: **${r.ratio}** (a latency ratio: lower is better)`);
  for (const [label, m] of [
    ['app', r.app],
    ['baseline', r.baseline],
  ] as const)
    if (m)
      lines.push(
        `- ${label}: ${m.streams} streams open in ${m.openSeconds} s, ≈ ${m.rssPerStreamKb} KB of server memory each, peak RSS ${m.peakRssMb} MB; missed events ${m.events.missed + m.refetch.missed}, stale boards ${m.refetch.stale}, board errors ${m.refetch.errors}, streams closed early ${m.closedEarly}`,
      );
  lines.push(...r.notes.map((n) => `- ${n}`));
  return lines;
}
