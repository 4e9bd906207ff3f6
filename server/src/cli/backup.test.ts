import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { runCli } from '../../test/cli.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { prepareDatabase } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import { backupDatabase } from './backup.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-cli-'));
/** A data dir to restore into, with the audit key the backup was sealed with brought along (restore refuses without it). */
const keyedDir = (from: string) => {
  const dir = tempDir();
  fs.copyFileSync(path.join(from, 'audit.key'), path.join(dir, 'audit.key'));
  return dir;
};

/** departments and their department.create audit rows in a SQLite file */
function countsIn(file: string) {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const departments = (db.prepare('select count(*) as n from departments').get() as { n: number }).n;
    const created = (db.prepare("select count(*) as n from audit_events where action = 'department.create'").get() as { n: number }).n;
    return { departments, created };
  } finally {
    db.close();
  }
}

describe('backup and restore of the SQLite database', { timeout: 180_000 }, () => {
  let t: TestApp;
  let work: string;
  let rootId: string;
  const createDepartment = (name: string, parentId: string | null = rootId) =>
    t.admin.request({ method: 'POST', url: '/api/departments', payload: { name, parentId, kind: parentId ? 'department' : 'committee' } });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    work = tempDir();
    const root = await createDepartment('勤廉新区党工委管委会', null);
    expect(root.statusCode).toBe(201);
    rootId = root.json().id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('takes a consistent online backup with the real CLI while the API keeps writing, and restores it into a new data dir', async () => {
    const backup = path.join(work, 'online.db');
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        const res = await createDepartment(`在线备份期间部门${written}`);
        expect(res.statusCode).toBe(201);
        written++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const run = await runCli(['backup', backup], { QINLIAN_DATA_DIR: t.config.dataDir });
    stop = true;
    await writer;

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/audit rows: \d+/);
    expect(run.stdout).toMatch(/size: [\d.]+ (KB|MB)/);
    expect(written).toBeGreaterThan(5); // the API really was writing while the backup ran

    // A snapshot of one moment: every department has its audit row, and nothing after the end.
    const inBackup = countsIn(backup);
    expect(inBackup.departments).toBe(inBackup.created);
    expect(inBackup.departments).toBeGreaterThanOrEqual(1);
    expect(inBackup.departments).toBeLessThanOrEqual(written + 1);

    const restoredDir = keyedDir(t.config.dataDir);
    try {
      const restore = await runCli(['restore', backup], { QINLIAN_DATA_DIR: restoredDir });
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain('chain intact');

      const config = { ...loadConfig({ QINLIAN_DATA_DIR: restoredDir }), logLevel: 'silent', seedDemo: false };
      const restored = openDatabase(config);
      const chain = await verifyAuditChain(restored.db);
      const departments = await restored.db.selectFrom('departments').select('name').execute();
      await restored.close();
      expect(chain.ok).toBe(true);
      expect(departments.length).toBe(inBackup.departments);
      expect(departments.map((d) => d.name)).toContain('勤廉新区党工委管委会');

      // The restored database serves: the admin signs in and sees the departments.
      const database = await prepareDatabase(config, () => {});
      const app = await buildApp({ config, database, logger: false });
      try {
        const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
        const list = await admin.request({ method: 'GET', url: '/api/departments' });
        expect(list.json().items.length).toBe(inBackup.departments);
      } finally {
        await app.close();
        await database.close();
      }
    } finally {
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
  });

  it('refuses a backup whose audit chain was tampered with, unless --force', async () => {
    const backup = path.join(work, 'tampered.db');
    await backupDatabase(t.config, backup);
    const raw = new SqliteDatabase(backup);
    raw.prepare("update audit_events set actor_name = '篡改者' where seq = 2").run();
    raw.close();

    const target = tempDir();
    try {
      const refused = await runCli(['restore', backup], { QINLIAN_DATA_DIR: target });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('audit chain is broken at row 2');
      expect(refused.stderr).toContain('--force');
      expect(fs.existsSync(path.join(target, 'qinlian.db'))).toBe(false);

      const forced = await runCli(['restore', backup, '--force'], { QINLIAN_DATA_DIR: target });
      expect(forced.code).toBe(0);
      expect(forced.stderr).toContain('WARNING');
      expect(fs.existsSync(path.join(target, 'qinlian.db'))).toBe(true);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('refuses files that are not Qinlian databases', async () => {
    const text = path.join(work, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all');
    const other = path.join(work, 'other.db');
    const raw = new SqliteDatabase(other);
    raw.exec('create table t (a)');
    raw.close();
    const target = tempDir();
    try {
      const a = await runCli(['restore', text], { QINLIAN_DATA_DIR: target });
      expect(a.code).toBe(1);
      expect(a.stderr).toContain('is not a SQLite database');
      const b = await runCli(['restore', other], { QINLIAN_DATA_DIR: target });
      expect(b.code).toBe(1);
      expect(b.stderr).toContain('is not a Qinlian database');
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('refuses to restore over a database that a running server has open, and keeps the old one on success', async () => {
    const backup = path.join(work, 'for-live.db');
    await backupDatabase(t.config, backup);
    // t's app holds the database open, as a running server does.
    const refused = await runCli(['restore', backup], { QINLIAN_DATA_DIR: t.config.dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/open in another process|server is running/);

    // A stale pid file (no such process) does not block; a live one does.
    const stopped = keyedDir(t.config.dataDir);
    try {
      await runCli(['restore', backup], { QINLIAN_DATA_DIR: stopped });
      fs.writeFileSync(path.join(stopped, 'qinlian.pid'), '999999999\n');
      const again = await runCli(['restore', backup], { QINLIAN_DATA_DIR: stopped });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('before-restore-');
      expect(fs.readdirSync(stopped).some((f) => f.startsWith('qinlian.db.before-restore-'))).toBe(true);
      fs.writeFileSync(path.join(stopped, 'qinlian.pid'), `${process.pid}\n`);
      const live = await runCli(['restore', backup], { QINLIAN_DATA_DIR: stopped });
      expect(live.code).toBe(1);
      expect(live.stderr).toContain(`pid ${process.pid}`);
    } finally {
      fs.rmSync(stopped, { recursive: true, force: true });
    }
  });

  it('says to use pg_dump / pg_restore on PostgreSQL', async () => {
    const env = { DATABASE_URL: 'postgres://qinlian@127.0.0.1:1/qinlian' };
    const b = await runCli(['backup', path.join(work, 'pg.db')], env);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('pg_dump');
    expect(fs.existsSync(path.join(work, 'pg.db'))).toBe(false);
    const sqliteBackup = path.join(work, 'for-postgres.db'); // a real SQLite backup, which PostgreSQL cannot take
    await backupDatabase(t.config, sqliteBackup);
    const r = await runCli(['restore', sqliteBackup], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pg_restore');
  });
});
