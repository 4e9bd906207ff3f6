#!/usr/bin/env node
// `node scripts/tier-counts.mjs <vitest-json-report> <exit-code>` prints "passed failed skipped" for
// one test tier. A tier that exited non-zero counts at least one failure even when its report is
// missing or empty: a runner that crashed before any test ran (a global setup that threw) must not
// leave a closing line of "N passed, 0 failed"; nor may a file whose `beforeAll` threw (its tests skip).
import fs from 'node:fs';

export function tierCounts(report, exitCode) {
  const passed = report?.numPassedTests ?? 0;
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  let failed = report?.numFailedTests ?? 0;
  // files whose suite failed (a hook threw) skip their tests without failing any: count those files
  if (exitCode !== 0) failed = Math.max(failed, report?.numFailedTestSuites ?? 0, 1);
  return { passed, failed, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, code] = process.argv.slice(2);
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    report = undefined;
  }
  const { passed, failed, skipped } = tierCounts(report, Number(code));
  console.log(passed, failed, skipped);
}
