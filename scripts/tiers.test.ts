import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { failedTests, tierCounts } from './tier-counts.mjs';

const repo = path.resolve(new URL('..', import.meta.url).pathname);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-tiers-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('tier counts', () => {
  it('take the report’s counts', () => {
    expect(tierCounts({ numPassedTests: 21, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1 }, 0)).toEqual({
      passed: 21,
      failed: 0,
      skipped: 2,
    });
  });
  it('count a crashed tier as failed: no report, or a report with nothing failed, and a non-zero exit', () => {
    expect(tierCounts(undefined, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(tierCounts({ numPassedTests: 5, numFailedTests: 0 }, 1)).toMatchObject({ passed: 5, failed: 1 });
    expect(tierCounts({ numPassedTests: 5, numFailedTests: 3 }, 1)).toMatchObject({ failed: 3 });
    // three files whose beforeAll threw: their tests are skipped, none failed
    expect(tierCounts({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 21, numFailedTestSuites: 3 }, 1)).toEqual({
      passed: 0,
      failed: 3,
      skipped: 21,
    });
  });
});

describe('failed tests in the closing summary', () => {
  it('name each failed test with the first line of its error, and a file that failed without a test', () => {
    const report = {
      testResults: [
        {
          name: `${process.cwd()}/server/a.test.ts`,
          status: 'failed',
          assertionResults: [
            { status: 'passed', fullName: 'fine' },
            { status: 'failed', fullName: 'on sqlite breaks', failureMessages: ['AssertionError: expected 1 to be 2\n  at x'] },
          ],
        },
        { name: `${process.cwd()}/server/b.test.ts`, status: 'failed', message: 'beforeAll timed out\nstack', assertionResults: [] },
      ],
    };
    expect(failedTests(report)).toEqual([
      'server/a.test.ts › on sqlite breaks: AssertionError: expected 1 to be 2',
      'server/b.test.ts: beforeAll timed out',
    ]);
    expect(failedTests(undefined)).toEqual([]);
  });
});

describe('npm test’s closing line', () => {
  it('says failed when a tier dies before running any test (its global setup throws)', () => {
    fs.writeFileSync(path.join(scratch, 'crash-setup.ts'), "export default () => { throw new Error('spawn initdb EACCES'); };\n");
    fs.writeFileSync(path.join(scratch, 'ok.test.ts'), "import { it, expect } from 'vitest';\nit('runs', () => expect(1).toBe(1));\n");
    fs.writeFileSync(
      path.join(scratch, 'vitest.config.ts'),
      [
        "import { defineConfig } from 'vitest/config';",
        `export default defineConfig({ test: { root: ${JSON.stringify(scratch)}, include: ['*.test.ts'], globalSetup: [${JSON.stringify(path.join(scratch, 'crash-setup.ts'))}] } });`,
      ].join('\n'),
    );
    const script = [
      'set -uo pipefail',
      `RESULTS=${JSON.stringify(scratch)}`,
      'source scripts/lib/tiers.sh',
      `run_tier "crashing tier" crash --config ${JSON.stringify(path.join(scratch, 'vitest.config.ts'))}`,
      'print_summary',
      'exit $STATUS',
    ].join('\n');
    const run = spawnSync('bash', ['-c', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } });
    const closing = run.stdout.trim().split('\n').at(-1);
    expect(run.status).toBe(1);
    expect(closing).toBe('tests: 0 passed, 1 failed, 0 skipped');
    expect(run.stdout).toMatch(/crashing tier\s+FAILED/);
  }, 60_000);

  it('keeps a background static check’s verdict, output and place in the summary', () => {
    const script = [
      'set -euo pipefail',
      `RESULTS=${JSON.stringify(scratch)}`,
      'source scripts/lib/tiers.sh',
      `static_check_bg "types" bash -c 'sleep 1; echo "src/a.ts(1,1): error TS2322"; exit 2'`,
      'static_check "lint" true',
      `static_check_bg "walls" bash -c 'echo fine'`,
      'static_checks_wait',
      'print_summary',
      'exit $STATUS',
    ].join('\n');
    const run = spawnSync('bash', ['-c', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    const summary = run.stdout.slice(run.stdout.indexOf('==> summary'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/a.ts(1,1): error TS2322'); // the held-back output is printed
    expect(summary.split('\n').filter((l) => /^ {2}\S/.test(l))).toEqual([
      expect.stringMatching(/^ {2}types\s+FAILED: bash -c .* \(exit 2\)$/),
      expect.stringMatching(/^ {2}lint\s+passed/),
      expect.stringMatching(/^ {2}walls\s+passed\s+\d+s$/),
    ]);
    expect(summary.trim().split('\n').at(-1)).toBe('tests: 0 passed, 1 failed, 0 skipped');
  });
});
