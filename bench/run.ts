/**
 * The benchmark: for each engine, a cached dataset (bench/.data), the real app and the bare
 * baseline as child processes on 127.0.0.1, every scenario against both with autocannon in the
 * same run, and on PostgreSQL the app again as two cluster workers behind one port.
 *
 *   npm run bench -- [--scale small|area|province] [--engine sqlite|postgres|both] [--duration 10]
 *                    [--only <scenario>[,<scenario>]] [--compare] [--connections 50] [--seed N] [--rate N]
 *                    [--fanout-streams 1000] [--fanout-changes 20] [--fanout-spacing 1000]
 *
 * `--only door-board-fanout` runs the door-board fan-out step alone (bench/runner/fanout.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_AUDIT_KEY, DATA_DIR, REPO_DIR, BENCH_DIR, SCALES, type Manifest, type Scale } from './lib/dataset.ts';
import { DEFAULT_SEED } from './generate.ts';
import type { Scenario, ScenarioEnv } from './scenario.ts';
import { loadScenarios } from './runner/scenarios.ts';
import { freePort, loadAverage, startChild, type Child } from './runner/procs.ts';
import { startBenchPostgres } from './runner/postgres.ts';
import { preparePostgres, prepareSqlite, type Prepared } from './runner/datasets.ts';
import { load, probe, settle, slots, type Target } from './runner/load.ts';
import { markdown, previousRun, saveRun, type RunResult, type ScenarioResult } from './runner/report.ts';
import { measureFirstLoad } from './runner/first-load.ts';
import { FANOUT_STEP, runFanout } from './runner/fanout-run.ts';
import { fanoutLines, type FanoutResult } from './runner/fanout.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    only: { type: 'string' },
    compare: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    seed: { type: 'string' },
    rate: { type: 'string' },
    warmup: { type: 'string', default: '5' },
    workers: { type: 'string', default: '2' },
    'fanout-streams': { type: 'string', default: '1000' },
    'fanout-changes': { type: 'string', default: '20' },
    'fanout-spacing': { type: 'string', default: '1000' },
  },
});
const scale = values.scale as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const engines = values.engine === 'both' ? (['sqlite', 'postgres'] as const) : [values.engine as 'sqlite' | 'postgres'];
if (!engines.every((e) => e === 'sqlite' || e === 'postgres')) throw new Error('--engine must be sqlite, postgres or both');
const seconds = Math.min(600, Math.max(1, Number(values.duration)));
const warmup = Math.min(30, Math.max(0, Number(values.warmup)));
const connections = Math.min(1000, Math.max(1, Number(values.connections)));
const workers = Math.min(8, Math.max(2, Number(values.workers)));
const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
const rate = values.rate ? Math.min(100_000, Math.max(1, Number(values.rate))) : undefined;
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const fanoutOptions = {
  streams: Math.min(20_000, Math.max(1, Number(values['fanout-streams']))),
  changes: Math.min(200, Math.max(1, Number(values['fanout-changes']))),
  spacingMs: Math.min(60_000, Math.max(0, Number(values['fanout-spacing']))),
  timeoutMs: 10_000,
};
const withFanout = !only || only.includes(FANOUT_STEP);
const RESULTS = path.join(BENCH_DIR, 'results');

// Every loop below is bounded; this is the last guard: the run ends by itself.
const HARD_LIMIT_MS = 3 * 3_600_000;
const children = new Set<Child>();
const stopAll = async () => {
  for (const c of children) await c.stop().catch(() => {});
};
const guard = setTimeout(async () => {
  console.error('bench: hard time limit reached, stopping');
  await stopAll();
  process.exit(2);
}, HARD_LIMIT_MS);
guard.unref();
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, async () => {
    await stopAll();
    process.exit(130);
  });

const tsx = ['--import', 'tsx'];
const serverEnv = (prepared: Prepared, port: number) => ({
  ...prepared.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  QINLIAN_SEED_DEMO: 'false',
  QINLIAN_JOBS: 'off',
  QINLIAN_LOG_LEVEL: 'warn',
  QINLIAN_ADMIN_PASSWORD: prepared.manifest.password,
  QINLIAN_AUDIT_KEY: BENCH_AUDIT_KEY,
  NODE_ENV: 'production',
});

async function start(name: string, args: string[], env: Record<string, string>, port: number, ready: string) {
  const child = await startChild(name, args, env, port, ready);
  children.add(child);
  return child;
}
async function stop(child: Child | undefined) {
  if (child) {
    await child.stop();
    children.delete(child);
  }
}

type Session = { headers: Record<string, string> };
async function signIn(baseUrl: string, manifest: Manifest, role: Scenario['role']): Promise<Session> {
  if (!role) return { headers: {} };
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.254.0.1' },
    body: JSON.stringify({ username: manifest.users[role], password: manifest.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${manifest.users[role]} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}

async function routesOf(baseUrl: string): Promise<Set<string>> {
  const doc = (await fetch(`${baseUrl}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, Record<string, unknown>> };
  const out = new Set<string>();
  for (const [p, methods] of Object.entries(doc.paths ?? {}))
    for (const m of Object.keys(methods)) out.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
  return out;
}

const snippet = (s: string) => s.replace(/\s+/g, ' ').slice(0, 200);

/** Run one scenario against the app (and the baseline, when given). */
async function runScenario(
  s: Scenario,
  manifest: Manifest,
  routes: Set<string>,
  app: Child,
  baseline: Child | null,
): Promise<ScenarioResult> {
  const out: ScenarioResult = { name: s.name, title: s.title, measures: s.measures, writes: !!s.writes };
  if (s.needsTasks && !manifest.tasks) return { ...out, skipped: 'the dataset has no tasks (tasks migration absent)' };
  const missing = (s.needsRoutes ?? []).filter((r) => !routes.has(r));
  if (missing.length) return { ...out, skipped: `route ${missing.join(', ')} not in the app yet` };
  const appUrl = `http://127.0.0.1:${app.port}`;
  const session = await signIn(appUrl, manifest, s.role);
  const env: ScenarioEnv = {
    manifest,
    routes,
    get: async (p) => {
      const res = await fetch(appUrl + p, { headers: session.headers });
      if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${snippet(await res.text())}`);
      return res.json();
    },
  };
  const plan = await s.plan(env);
  if (typeof plan === 'string') return { ...out, skipped: plan };
  const appTarget: Target = { baseUrl: appUrl, pid: app.pid, headers: session.headers };
  const appSlots = slots();
  const first = await probe(plan.app, appTarget, appSlots);
  if (first.status >= 300) return { ...out, skipped: `the app answered ${first.status}: ${snippet(first.body)}` };
  out.app = await load(plan.app, appTarget, appSlots, { connections, seconds, warmup });
  if (s.target) out.target = { ...s.target, met: out.app.p99 < s.target.p99Ms };
  await settle(app.pid);
  if (rate) {
    out.appAtRate = await load(plan.app, appTarget, appSlots, { connections, seconds, warmup, rate });
    await settle(app.pid);
  }
  if (baseline) {
    const baseTarget: Target = { baseUrl: `http://127.0.0.1:${baseline.port}`, pid: baseline.pid, headers: {} };
    const driver = {
      request: (st: Parameters<typeof plan.baseline.request>[0]) => {
        const r = plan.baseline.request(st);
        const qs = new URLSearchParams(r.query).toString();
        return { method: r.method, path: `/b/${s.name}${qs ? `?${qs}` : ''}`, body: r.body };
      },
      onResponse: plan.baseline.onResponse,
    };
    const baseSlots = slots();
    const bfirst = await probe(driver, baseTarget, baseSlots);
    if (bfirst.status >= 300) out.probe = { baseline: `baseline answered ${bfirst.status}: ${snippet(bfirst.body)}` };
    else {
      out.baseline = await load(driver, baseTarget, baseSlots, { connections, seconds, warmup });
      await settle(baseline.pid);
      if (rate) {
        out.baselineAtRate = await load(driver, baseTarget, baseSlots, { connections, seconds, warmup, rate });
        await settle(baseline.pid);
      }
      out.ratio = Math.round((out.app.reqPerSec / Math.max(0.1, out.baseline.reqPerSec)) * 100) / 100;
    }
  }
  return out;
}

const line = (r: ScenarioResult) =>
  r.skipped
    ? `  ${r.name}: skipped — ${r.skipped}`
    : `  ${r.name}: app ${r.app?.reqPerSec} req/s p99 ${r.app?.p99} ms · baseline ${r.baseline?.reqPerSec ?? '—'} req/s p99 ${r.baseline?.p99 ?? '—'} ms · ratio ${r.ratio ?? '—'}${r.cluster ? ` · cluster ${r.cluster.reqPerSec} req/s` : ''}${r.appAtRate ? ` · at ${rate} req/s offered: app p99 ${r.appAtRate.p99} ms, baseline p99 ${r.baselineAtRate?.p99 ?? '—'} ms` : ''}${r.target ? ` · target p99 < ${r.target.p99Ms} ms: ${r.target.met ? 'MET' : 'NOT MET'}` : ''}`;

async function runEngine(engine: 'sqlite' | 'postgres', scenarios: Scenario[]) {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  console.log(`\n=== ${engine} · ${scale} ===`);
  const pgServer = engine === 'postgres' ? await startBenchPostgres(path.join(DATA_DIR, 'pg')) : null;
  let prepared: Prepared | undefined;
  let app: Child | undefined, baseline: Child | undefined, cluster: Child | undefined;
  try {
    prepared = engine === 'sqlite' ? await prepareSqlite(scale, seed) : await preparePostgres(pgServer!.url, scale, seed);
    const { manifest } = prepared;
    const [appPort, basePort] = [await freePort(), await freePort()];
    app = await start('app', [...tsx, 'server/src/cli.ts', 'serve'], serverEnv(prepared, appPort), appPort, '/api/health');
    baseline = await start(
      'baseline',
      [...tsx, 'bench/baseline-server.ts'],
      { ...prepared.env, PORT: String(basePort) },
      basePort,
      '/health',
    );
    const routes = await routesOf(`http://127.0.0.1:${appPort}`);
    // the sign-in page as a phone first downloads it: independent of the dataset, measured before any load
    const firstLoad = await measureFirstLoad(`http://127.0.0.1:${appPort}`).catch((e: Error) => ({ skipped: e.message }));
    console.log(
      'skipped' in firstLoad
        ? `  first load: skipped — ${firstLoad.skipped}`
        : `  first load of ${firstLoad.page}: ${firstLoad.requests} requests, ${(firstLoad.bytes.total / 1024).toFixed(1)} KB as sent (js ${(firstLoad.bytes.js / 1024).toFixed(1)} KB)`,
    );
    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const r = await runScenario(s, manifest, routes, app, baseline);
      console.log(line(r));
      results.push(r);
    }
    let fanout: FanoutResult | undefined;
    if (withFanout) {
      const head = await signIn(`http://127.0.0.1:${appPort}`, manifest, 'head');
      fanout = await runFanout({ manifest, routes, app, baseline, headHeaders: head.headers, options: fanoutOptions }).catch(
        (e: Error): FanoutResult => ({
          options: fanoutOptions,
          target: { p99Ms: 2000, source: 'issue #13' },
          notes: [],
          skipped: e.message,
        }),
      );
      if (engine === 'postgres')
        fanout.notes.push(
          'not run on the cluster: live events reach only the streams of the instance that published them (the hub has no LISTEN/NOTIFY transport yet)',
        );
      console.log(
        fanoutLines(fanout)
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    }
    await stop(app);
    app = undefined;
    await stop(baseline);
    baseline = undefined;

    if (engine === 'postgres') {
      const port = await freePort();
      cluster = await start(
        'cluster',
        [...tsx, 'bench/cluster.ts'],
        { ...serverEnv(prepared, port), BENCH_WORKERS: String(workers) },
        port,
        '/api/health',
      );
      console.log(`  — the app as ${workers} cluster workers —`);
      for (const r of results) {
        if (r.skipped || !r.app) continue;
        const s = scenarios.find((x) => x.name === r.name)!;
        const c = await runScenario(s, manifest, routes, cluster, null);
        if (c.app) {
          r.cluster = c.app;
          r.clusterRatio = Math.round((c.app.reqPerSec / Math.max(0.1, r.app.reqPerSec)) * 100) / 100;
        }
        console.log(`  ${r.name}: cluster ${c.app?.reqPerSec ?? c.skipped} req/s p99 ${c.app?.p99 ?? '—'} ms`);
      }
      await stop(cluster);
      cluster = undefined;
    }

    const date = startedAt.toISOString().slice(0, 10);
    const run: RunResult = {
      engine,
      scale,
      date,
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      duration: seconds,
      connections,
      rate,
      workers: engine === 'postgres' ? workers : undefined,
      machine: { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: loadAverage() },
      dataset: {
        key: manifest.key,
        counts: manifest.counts,
        generationSeconds: manifest.seconds,
        generatedNow: prepared.generatedNow,
        notes: manifest.notes,
      },
      scenarios: results,
      firstLoad,
      fanout,
    };
    const previous = values.compare ? previousRun(RESULTS, date, engine, scale) : null;
    const file = saveRun(RESULTS, run, previous);
    console.log(`\nwrote ${path.relative(REPO_DIR, file)} and .md`);
    if (values.compare)
      console.log(
        previous
          ? `\n${markdown(run, previous)
              .split('Change from')
              .slice(1)
              .map((x) => `Change from${x}`)
              .join('')}`
          : '\n(no previous results to compare with)',
      );
  } finally {
    await stop(cluster);
    await stop(app);
    await stop(baseline);
    await prepared?.dispose().catch(() => {});
    await pgServer?.stop();
  }
}

process.chdir(REPO_DIR);
const scenarios = (await loadScenarios()).filter((s) => !only || only.includes(s.name));
if (only && scenarios.length !== only.filter((n) => n !== FANOUT_STEP).length)
  throw new Error(`unknown scenario in --only; known: ${[...(await loadScenarios()).map((s) => s.name), FANOUT_STEP].join(', ')}`);
try {
  for (const engine of engines) await runEngine(engine, scenarios);
} finally {
  await stopAll();
}
process.exit(0);
