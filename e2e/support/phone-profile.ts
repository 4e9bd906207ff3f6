import type { Browser } from 'playwright-core';

/** Lighthouse's "Slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up (Chrome DevTools Protocol units: bytes/s). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * The phone Lighthouse's mobile profile emulates, as a BenchmarkIndex: its 4× CPU slowdown is
 * calibrated for a high-end desktop (index 1,500–2,000, Lighthouse docs/throttling.md), which makes
 * a phone of about 1,750 / 4. A fixed 4× on a slower host emulates a slower phone: on this 2-core
 * machine (index ≈ 1,100–1,300) it made one of ≈ 300, DevTools' low-tier phone (264).
 */
export const MOBILE_PROFILE_BENCHMARK_INDEX = 1_750 / 4;

/**
 * Lighthouse's BenchmarkIndex, measured in the page: builds a 10,000-character string again and
 * again for half the time (garbage-collector heavy), copies 100,000 integers between two arrays for
 * the other half (no garbage), and averages the two rates (iterations per second / 10).
 */
function benchmarkIndexInPage(halfMs: number): number {
  const stringBuilds = () => {
    const start = Date.now();
    let n = 0;
    while (Date.now() - start < halfMs) {
      let s = '';
      for (let j = 0; j < 10_000; j++) s += 'a';
      if (s.length === 1) throw new Error('unreachable: keeps the loop from being optimised away');
      n++;
    }
    return n / 10 / ((Date.now() - start) / 1000);
  };
  const arrayCopies = () => {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 100_000; i++) a[i] = b[i] = i;
    const start = Date.now();
    let n = 0;
    while (n % 10 !== 0 || Date.now() - start < halfMs) {
      const [from, to] = n % 2 === 0 ? [a, b] : [b, a];
      for (let j = 0; j < from.length; j++) to[j] = from[j]!;
      n++;
    }
    return n / 10 / ((Date.now() - start) / 1000);
  };
  return Math.round((stringBuilds() + arrayCopies()) / 2);
}

let calibrated: Promise<{ hostIndex: number; rate: number }> | undefined;

/**
 * The CPU slowdown that makes this machine's Chromium as fast as the profile's phone, as DevTools'
 * "calibrated" CPU presets do: the host's index (best of three, so a busy moment does not count)
 * divided by the phone's, never below 1. Measured once per test process.
 */
export function calibratedCpuSlowdown(browser: Browser): Promise<{ hostIndex: number; rate: number }> {
  calibrated ??= (async () => {
    const page = await browser.newPage();
    try {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push(await page.evaluate(benchmarkIndexInPage, 250));
      const hostIndex = Math.max(...runs);
      return { hostIndex, rate: Math.max(1, Math.round((hostIndex / MOBILE_PROFILE_BENCHMARK_INDEX) * 10) / 10) };
    } finally {
      await page.close();
    }
  })();
  return calibrated;
}
