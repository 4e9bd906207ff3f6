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

/** "file › test name: first line of the error" for each failed test: the closing summary lists them, as CI keeps only the tail. */
export function failedTests(report) {
  return (report?.testResults ?? []).flatMap((file) => {
    const rel = String(file.name ?? '').replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') return [`${rel}: ${firstLine(file.message)}`];
    return failed.map((a) => `${rel} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')[0]
    .slice(0, 300);

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, code] = process.argv.slice(2);
  if (file === '--failures') {
    for (const line of failedTests(readReport(code))) console.log(line);
  } else {
    const { passed, failed, skipped } = tierCounts(readReport(file), Number(code));
    console.log(passed, failed, skipped);
  }
}
