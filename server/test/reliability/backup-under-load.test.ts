import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { openSqliteReadonly } from '../../src/cli/sqlite-file.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { httpSignIn, startServer, startWriters, type ServerProcess } from './server-process.ts';
import { cliEnv, entityAuditConsistency, freshData } from './consistency.ts';
import { SIZE } from './size.ts';

/**
 * 5. Backup under load: `qinlian backup <file>` (server/src/cli/backup.ts) against a running server
 * process while clients keep writing. The copy must open, its audit chain must verify, every entity
 * row in it must have its audit record and the other way round (a consistent snapshot of one
 * moment), it must hold every write acknowledged before the backup began, and `qinlian restore`
 * must bring it back as a database a new server serves.
 * (server/src/cli/backup.test.ts covers the same command against an in-process app; this one uses
 * a separate server process and concurrent writers of departments and people.)
 */
describe('backup under load (SQLite)', () => {
  const servers: ServerProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9().catch(() => {});
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('takes consistent online backups while writes continue, and restores one that a new server serves', async () => {
    const d = await freshData('sqlite');
    dirs.push(d.dataDir);
    const server = await startServer(d);
    servers.push(server);
    const admin = await httpSignIn(server.base);
    const root = await admin.request('POST', '/api/departments', { name: '备份测试新区', parentId: null, kind: 'committee' });
    expect(root.status).toBe(201);
    const prefix = '备份测试-';
    const writers = startWriters(admin, { writers: SIZE.writers, parentId: root.json.id, prefix });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-backup-'));
    dirs.push(work);
    const files: { file: string; ackedBefore: { departments: string[]; people: string[] } }[] = [];

    await new Promise((r) => setTimeout(r, 400));
    for (let i = 0; i < SIZE.backups; i++) {
      const file = path.join(work, `backup-${i}.db`);
      const ackedBefore = { departments: writers.acked.departments.map((x) => x.id), people: writers.acked.people.map((x) => x.id) };
      const run = await runCli(['backup', file], cliEnv(d));
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('audit chain intact');
      files.push({ file, ackedBefore });
    }
    const writtenDuring = writers.acked.departments.length + writers.acked.people.length;
    await writers.stop();
    expect(writers.failures).toEqual([]);
    expect(writtenDuring, 'the clients really wrote while the backups ran').toBeGreaterThan(5);

    for (const { file, ackedBefore } of files) {
      const copy = openSqliteReadonly(file);
      try {
        expect(await verifyAuditChain(copy.db)).toMatchObject({ ok: true });
        const c = await entityAuditConsistency({ db: copy.db, engine: 'sqlite', close: copy.close }, prefix);
        expect(c.rowsWithoutAudit, `${file}: rows without their audit record`).toEqual([]);
        expect(c.auditsWithoutRow, `${file}: audit records without their row`).toEqual([]);
        const ids = new Set([...c.depts, ...c.people].map((x) => x.id));
        const missing = [...ackedBefore.departments, ...ackedBefore.people].filter((id) => !ids.has(id));
        expect(missing, `${file}: writes acknowledged before the backup began are missing`).toEqual([]);
      } finally {
        await copy.close();
      }
    }
    await server.stop();

    // restore the last backup into a new data directory and serve it
    const target = await freshData('sqlite');
    dirs.push(target.dataDir);
    const last = files.at(-1)!.file;
    const keyless = await runCli(['restore', last], cliEnv(target));
    expect(keyless.code, 'a keyed backup is not restored where its audit key is missing').toBe(1);
    expect(keyless.stderr).toContain('audit.key');
    fs.copyFileSync(path.join(d.dataDir, 'audit.key'), path.join(target.dataDir, 'audit.key'));
    const restore = await runCli(['restore', last], cliEnv(target));
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await startServer(target);
    servers.push(restored);
    const again = await httpSignIn(restored.base);
    const list = await again.request('GET', '/api/departments');
    const copy = openSqliteReadonly(last);
    try {
      const expected = (copy.raw.prepare("select count(*) as n from departments where name like '备份测试-%'").get() as { n: number }).n;
      expect(list.json.items.filter((x: { name: string }) => x.name.startsWith(prefix))).toHaveLength(expected);
    } finally {
      await copy.close();
    }
    expect((await again.request('GET', '/api/audit/verify')).json).toMatchObject({ ok: true });
    expect((await again.request('POST', '/api/departments', { name: `${prefix}恢复后`, parentId: root.json.id })).status).toBe(201);
    await restored.stop();
  }, 300_000);

  it('says how to back up PostgreSQL instead of copying a file it cannot copy', async () => {
    const d = await freshData('postgres');
    dirs.push(d.dataDir);
    const run = await runCli(['backup', path.join(d.dataDir, 'x.db')], cliEnv(d));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('pg_dump');
  }, 120_000);
});
