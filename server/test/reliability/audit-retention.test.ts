import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli.ts';

/**
 * 安全审计 — records kept at least six months (网络安全法 第二十一条; GB/T 22239-2019 8.1.4.3 c):
 * the audit chain and the sign-in log are append-only and never pruned. No code outside tests may
 * delete or update their rows (the chain head row is the one exception: appending moves it), and
 * no scheduled job touches them. A retention knob, if one is ever added, must keep ≥ 180 days.
 */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('audit retention', () => {
  it('has no code path that deletes or rewrites audit events or sign-in records', () => {
    const offenders: string[] = [];
    const patterns = [
      /deleteFrom\(\s*['"](auditEvents|audit_events|signInLog|sign_in_log)['"]/,
      /updateTable\(\s*['"](auditEvents|audit_events|signInLog|sign_in_log)['"]/,
      /(delete\s+from|update|truncate(\s+table)?)\s+["']?(audit_events|sign_in_log)\b/i,
    ];
    for (const file of sources(path.join(REPO_ROOT, 'server/src'))) {
      const text = fs.readFileSync(file, 'utf8');
      // migrations may create the tables; they must not empty them
      for (const re of patterns) if (re.test(text)) offenders.push(`${path.relative(REPO_ROOT, file)}: ${text.match(re)![0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
