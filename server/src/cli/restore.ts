import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from '../platform/config.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { loadAuditKey } from '../platform/audit/key.ts';
import { CliError, fileStamp, sqliteFileOf } from './common.ts';
import { assertServerStopped, copySqlite, hasTables, isSqliteFile, openSqliteReadonly } from './sqlite-file.ts';

const POSTGRES_HINT =
  'PostgreSQL 请用 pg_restore 恢复 / on PostgreSQL restore with pg_restore, e.g.\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" qinlian.dump';

export type RestoreResult = { file: string; auditRows: number; chainOk: boolean; previous: string | null };

/**
 * Replace the SQLite database with a backup. The server must be stopped: restore refuses while
 * `serve` has a live pid file in the data directory or any process has the file open. The backup
 * must be a Qinlian database whose audit chain verifies (unless `force`). The database being
 * replaced is kept beside it as `qinlian.db.before-restore-<time>`.
 */
export async function restoreDatabase(config: Config, backupFile: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const target = sqliteFileOf(config, POSTGRES_HINT);
  const source = path.resolve(backupFile);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new CliError(`备份文件不存在 / no such file: ${source}`);
  if (source === path.resolve(target)) throw new CliError('备份文件就是当前数据库 / the backup is the live database file');
  if (!isSqliteFile(source)) throw new CliError(`${source} 不是 SQLite 数据库文件 / is not a SQLite database`);

  const backup = openSqliteReadonly(source);
  try {
    const missing = hasTables(backup.raw, ['audit_events', 'audit_head']);
    if (missing.length) throw new CliError(`${source} 不是勤廉数据库 / is not a Qinlian database (no ${missing.join(', ')})`);
    const chain = await verifyAuditChain(backup.db);
    if (!chain.ok && !opts.force) {
      throw new CliError(
        `备份的审计链在第 ${chain.firstBadSeq} 行断裂，拒绝恢复 / the backup's audit chain is broken at row ${chain.firstBadSeq}: ${chain.reason}\n` +
          '  确认仍要恢复请加 --force / add --force to restore it anyway',
      );
    }
    if (!chain.ok)
      console.error(
        `警告：审计链断裂（第 ${chain.firstBadSeq} 行），因 --force 仍然恢复 / WARNING: restoring a broken chain because of --force`,
      );

    if (!opts.force) assertKeyBroughtAlong(config, backup.raw);
    assertServerStopped(config, target);
    fs.mkdirSync(path.dirname(target), { recursive: true });

    let previous: string | null = null;
    if (fs.existsSync(target)) {
      previous = `${target}.before-restore-${fileStamp()}`;
      const live = new SqliteDatabase(target, { fileMustExist: true, timeout: 5000 });
      try {
        await copySqlite(live, previous);
      } finally {
        live.close();
      }
    }
    // Stage beside the target, drop the old WAL and shared-memory files (their frames belong to the
    // old database and would be replayed onto the new one), then swap in one rename.
    const staged = `${target}.restoring`;
    await copySqlite(backup.raw, staged);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staged, target);
    return { file: target, auditRows: chain.checked, chainOk: chain.ok, previous };
  } finally {
    await backup.close();
  }
}

/**
 * A keyed backup restored where its audit key is missing would start with a new key and report every
 * MAC as forged: refuse, and say which key to bring (the key never travels inside the backup).
 */
function assertKeyBroughtAlong(config: Config, backup: SqliteDatabase.Database) {
  const last = backup.prepare('select mac from audit_events where mac is not null order by seq desc limit 1').get() as
    { mac: string } | undefined;
  if (!last) return;
  const wanted = last.mac.slice(0, last.mac.indexOf(':'));
  const here = loadAuditKey(config, { create: false });
  if (here?.id === wanted) return;
  throw new CliError(
    `备份由审计密钥 ${wanted} 签署，此处${here ? `的密钥是 ${here.id}` : '没有审计密钥'}：请把原机器数据目录中的 audit.key 复制到 ${config.dataDir}（或设置同一个 QINLIAN_AUDIT_KEY）后再恢复\n` +
      `  / the backup was sealed with audit key ${wanted}, ${here ? `but the key here is ${here.id}` : 'and there is no audit key here'}: copy audit.key from the original data directory into ${config.dataDir} (or set the same QINLIAN_AUDIT_KEY), then restore\n` +
      '  确认仍要恢复请加 --force / add --force to restore it anyway',
  );
}

export async function restoreCommand(config: Config, file: string, opts: { force?: boolean }) {
  const r = await restoreDatabase(config, file, opts);
  console.log(`恢复完成 / restored into ${r.file}`);
  console.log(`  审计记录 / audit rows: ${r.auditRows}${r.chainOk ? '，审计链完整 / chain intact' : ''}`);
  if (r.previous) console.log(`  原数据库已另存 / the previous database was kept as ${r.previous}`);
  console.log('  现在可以启动服务 / you can start the server now: qinlian serve');
}
