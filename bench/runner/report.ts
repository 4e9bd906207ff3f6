import fs from 'node:fs';
import path from 'node:path';
import type { LatencyTarget } from '../scenario.ts';
import type { Measured } from './load.ts';
import { firstLoadLines, type FirstLoad } from './first-load.ts';
import { fanoutLines, type FanoutResult } from './fanout.ts';

/** Results files: bench/results/<date>-<engine>.json holds the latest run of each scale that day; the .md beside it is made from it. */
export type ScenarioResult = {
  name: string;
  title: string;
  measures: string;
  writes: boolean;
  skipped?: string;
  app?: Measured;
  baseline?: Measured;
  cluster?: Measured;
  /** the same loads at a fixed offered rate (--rate): latency when the machine is not saturated */
  appAtRate?: Measured;
  baselineAtRate?: Measured;
  /** app req/s ÷ baseline req/s */
  ratio?: number;
  clusterRatio?: number;
  probe?: { app?: string; baseline?: string };
  /** the scenario's latency target and whether the app's p99 met it */
  target?: LatencyTarget & { met: boolean };
  /** set when the scenario comes from an earlier run of the same day (a later run used --only) */
  ranAt?: string;
};
export type RunResult = {
  engine: string;
  scale: string;
  date: string;
  startedAt: string;
  seconds: number;
  duration: number;
  connections: number;
  workers?: number;
  rate?: number;
  machine: { cpus: number; node: string; loadBefore: number[]; loadAfter: number[] };
  dataset: { key: string; counts: Record<string, number>; generationSeconds: number; generatedNow: boolean; notes: string[] };
  scenarios: ScenarioResult[];
  /** the sign-in page's first download as the app sends it (bench/runner/first-load.ts) */
  firstLoad?: FirstLoad | { skipped: string };
  /** the door board's event stream fed to many kiosks (bench/runner/fanout.ts) */
  fanout?: FanoutResult;
};
export type ResultsFile = { engine: string; date: string; runs: Record<string, RunResult> };

export const resultsPath = (dir: string, date: string, engine: string, ext: 'json' | 'md') => path.join(dir, `${date}-${engine}.${ext}`);

/** The run to compare with: the same scale's entry in today's file before it is replaced, else the newest earlier file that has it. */
export function previousRun(dir: string, date: string, engine: string, scale: string): { run: RunResult; from: string } | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(`-${engine}.json`) && f.slice(0, 10) <= date)
    .sort()
    .reverse();
  for (const f of files) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ResultsFile;
    if (data.runs?.[scale]) return { run: data.runs[scale], from: f };
  }
  return null;
}

export function saveRun(dir: string, run: RunResult, previous: { run: RunResult; from: string } | null) {
  fs.mkdirSync(dir, { recursive: true });
  const file = resultsPath(dir, run.date, run.engine, 'json');
  const data: ResultsFile = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8'))
    : { engine: run.engine, date: run.date, runs: {} };
  // a partial run (--only) keeps the other scenarios of the day's entry, marked with when they ran
  const earlier = data.runs[run.scale];
  if (earlier) {
    const ran = new Set(run.scenarios.map((s) => s.name));
    for (const s of earlier.scenarios) if (!ran.has(s.name)) run.scenarios.push({ ...s, ranAt: s.ranAt ?? earlier.startedAt });
    if (!run.fanout && earlier.fanout) run.fanout = { ...earlier.fanout, ranAt: earlier.fanout.ranAt ?? earlier.startedAt };
  }
  data.runs[run.scale] = run;
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  const md = Object.values(data.runs)
    .map((r) => markdown(r, r.scale === run.scale ? previous : null))
    .join('\n\n');
  fs.writeFileSync(resultsPath(dir, run.date, run.engine, 'md'), `# Bench results ${run.date} · ${run.engine}\n\n${md}\n`);
  return file;
}

const n = (x: number | undefined, digits = 0) =>
  x === undefined ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (x: number | undefined) => (x === undefined ? '—' : `${n(x, x < 10 ? 1 : 0)}`);
const pct = (now: number, before: number) => (before ? `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}%` : '—');

export function markdown(run: RunResult, previous: { run: RunResult; from: string } | null): string {
  const lines = [
    `## ${run.engine} · ${run.scale} (${run.dataset.counts.departments?.toLocaleString()} departments, ${run.dataset.counts.people?.toLocaleString()} people, ${run.dataset.counts.tasks?.toLocaleString()} tasks, ${run.dataset.counts.auditEvents?.toLocaleString()} audit rows${run.dataset.counts.demands ? `, ${run.dataset.counts.demands.toLocaleString()} demands` : ''})`,
    '',
    `${run.startedAt} · ${run.connections} connections × ${run.duration} s per target${run.rate ? ` (and again at ${n(run.rate)} req/s offered in all)` : ''} · ${run.machine.cpus} cores, Node ${run.machine.node} · load average before ${run.machine.loadBefore.join(' / ')}, after ${run.machine.loadAfter.join(' / ')} · dataset ${run.dataset.generatedNow ? `generated in ${run.dataset.generationSeconds} s` : `reused (generated in ${run.dataset.generationSeconds} s)`}`,
    '',
    '| scenario | target | req/s | p50 ms | p97.5 ms | p99 ms | errors (incl. timeouts) | non-2xx | peak RSS MB | app / baseline |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of run.scenarios) {
    if (s.skipped) {
      lines.push(`| ${s.name} | skipped: ${s.skipped} | | | | | | | | |`);
      continue;
    }
    const row = (label: string, m: Measured | undefined, ratio: string) =>
      m &&
      lines.push(
        `| ${label === 'app' ? `${s.name}${s.ranAt ? ` (run ${s.ranAt.slice(11, 16)} UTC)` : ''}` : ''} | ${label} | ${n(m.reqPerSec)} | ${ms(m.p50)} | ${ms(m.p97_5)} | ${ms(m.p99)} | ${m.errors} | ${m.non2xx} | ${m.peakRssMb} | ${ratio} |`,
      );
    row('app', s.app, s.ratio === undefined ? '—' : `**${n(s.ratio, 2)}**`);
    row('baseline', s.baseline, '');
    row(`app × ${run.workers ?? 2} (cluster)`, s.cluster, s.clusterRatio === undefined ? '' : `${n(s.clusterRatio, 2)} (vs app × 1)`);
    row(`app at ${n(run.rate)} req/s offered`, s.appAtRate, '');
    row(`baseline at ${n(run.rate)} req/s offered`, s.baselineAtRate, '');
  }
  const notes = [
    ...run.dataset.notes,
    ...run.scenarios
      .filter((s) => s.target && s.app)
      .map(
        (s) =>
          `${s.name}: target p99 < ${s.target!.p99Ms} ms (${s.target!.source}) — **${s.target!.met ? 'met' : 'not met'}** (p99 ${ms(s.app!.p99)} ms)`,
      ),
    ...run.scenarios
      .filter((s) => s.probe?.app || s.probe?.baseline)
      .map((s) => `${s.name}: ${s.probe!.app ?? ''} ${s.probe!.baseline ?? ''}`.trim()),
  ];
  if (notes.length) lines.push('', ...notes.map((x) => `- ${x}`));
  if (run.firstLoad)
    lines.push('', ...('skipped' in run.firstLoad ? [`First load: skipped — ${run.firstLoad.skipped}`] : firstLoadLines(run.firstLoad)));
  if (run.fanout) lines.push('', ...fanoutLines(run.fanout));
  if (previous) {
    lines.push(
      '',
      `Change from ${previous.from} (${previous.run.startedAt}):`,
      '',
      '| scenario | app req/s | app p99 | baseline req/s | ratio |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const s of run.scenarios) {
      const before = previous.run.scenarios.find((x) => x.name === s.name);
      if (!s.app || !before?.app) continue;
      lines.push(
        `| ${s.name} | ${n(before.app.reqPerSec)} → ${n(s.app.reqPerSec)} (${pct(s.app.reqPerSec, before.app.reqPerSec)}) | ${ms(before.app.p99)} → ${ms(s.app.p99)} ms | ${n(before.baseline?.reqPerSec)} → ${n(s.baseline?.reqPerSec)} | ${n(before.ratio, 2)} → ${n(s.ratio, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}
