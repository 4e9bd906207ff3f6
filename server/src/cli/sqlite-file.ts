import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';
import { CliError } from './common.ts';

/**
 * Helpers for the SQLite file itself: reading a backup without changing it, telling whether a file
 * is a Qinlian database, and whether a server has the live database open.
 */

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/** A read-only Kysely handle on a SQLite file (a backup, or the live file) with the app's naming. */
export function openSqliteReadonly(file: string): { db: Db; raw: SqliteDatabase.Database; close(): Promise<void> } {
  const raw = new SqliteDatabase(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), plugins: [new CamelCasePlugin()] });
  return { db, raw, close: () => db.destroy() };
}

export function hasTables(raw: SqliteDatabase.Database, names: string[]): string[] {
  const present = new Set(
    (raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  return names.filter((n) => !present.has(n));
}

/** Where `serve` records its process id while it runs on a SQLite file. */
export const pidFileOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'qinlian.pid');

export function writePidFile(config: Pick<Config, 'dataDir'>): () => void {
  const file = pidFileOf(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

/** The pid in the pid file when that process is still alive; stale files are ignored. */
export function runningServerPid(config: Pick<Config, 'dataDir'>): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFileOf(config), 'utf8').trim(), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * True when another connection has the database open. Leaving WAL mode needs every other
 * connection closed, so SQLite itself answers (SQLITE_BUSY) — no matter which program holds it.
 * The file is put back into WAL mode afterwards.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new SqliteDatabase(file, { fileMustExist: true, timeout: 1500 });
  try {
    probe.pragma('journal_mode = DELETE');
    probe.pragma('journal_mode = WAL');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') || (err as { code?: string }).code?.startsWith('SQLITE_LOCKED'))
      return true;
    throw err;
  } finally {
    probe.close();
  }
}

/** Refuse to touch the live file while a server (or anything else) has it open. */
export function assertServerStopped(config: Config, file: string): void {
  const pid = runningServerPid(config);
  if (pid)
    throw new CliError(`服务正在运行（进程 ${pid}），请先停止服务再恢复 / the server is running (pid ${pid}): stop it before restoring`);
  if (databaseInUse(file)) {
    throw new CliError(
      `数据库 ${file} 正被其他进程打开（服务是否仍在运行？），请先停止 / the database is open in another process (is the server still running?): stop it first`,
    );
  }
}

/**
 * Copy a SQLite database with SQLite's online backup API: a consistent snapshot even while
 * another process writes (WAL). The last step copies every remaining page in one read
 * transaction, so a write in between restarts the copy rather than mixing two states.
 * Writes to `<dest>.partial` and renames, so a failure never leaves a half file at `dest`.
 */
export async function copySqlite(source: SqliteDatabase.Database, dest: string): Promise<void> {
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await source.backup(partial, { progress: () => 0x7fffffff });
    fs.renameSync(partial, dest);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
