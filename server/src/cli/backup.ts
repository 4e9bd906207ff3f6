import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { AuditVerifyResult } from '@qinlian/contracts';
import type { Config } from '../platform/config.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { CliError, formatBytes, sqliteFileOf } from './common.ts';
import { copySqlite, hasTables, openSqliteReadonly } from './sqlite-file.ts';

export type BackupResult = { file: string; bytes: number; auditRows: number; chain: AuditVerifyResult };

const POSTGRES_HINT =
  'PostgreSQL 请用 pg_dump 备份 / on PostgreSQL back up with pg_dump, e.g.\n  pg_dump --format=custom --file=qinlian.dump "$DATABASE_URL"';

/**
 * 在线备份: a consistent copy of the SQLite database while the server keeps running, through
 * SQLite's backup API on a connection of its own. The copy is then opened read-only, its audit
 * rows counted and its chain verified, so a backup that reports success can be restored.
 */
export async function backupDatabase(config: Config, target: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  const source = sqliteFileOf(config, POSTGRES_HINT);
  if (!fs.existsSync(source)) throw new CliError(`数据库文件不存在 / no database at ${source} (QINLIAN_DATA_DIR=${config.dataDir})`);
  const dest = path.resolve(target);
  if (dest === path.resolve(source)) throw new CliError('备份文件不能是数据库本身 / the backup cannot be the live database file');
  if (fs.existsSync(dest) && !opts.force) throw new CliError(`文件已存在 / ${dest} already exists (use --force to overwrite)`);
  if (!fs.existsSync(path.dirname(dest))) throw new CliError(`目录不存在 / directory ${path.dirname(dest)} does not exist`);

  const live = new SqliteDatabase(source, { fileMustExist: true, timeout: 5000 });
  try {
    const missing = hasTables(live, ['audit_events']);
    if (missing.length) throw new CliError(`${source} 不是勤廉数据库 / is not a Qinlian database (no ${missing.join(', ')})`);
    await copySqlite(live, dest);
  } finally {
    live.close();
  }

  const copy = openSqliteReadonly(dest);
  try {
    const chain = await verifyAuditChain(copy.db);
    const { n } = copy.raw.prepare('select count(*) as n from audit_events').get() as { n: number };
    return { file: dest, bytes: fs.statSync(dest).size, auditRows: n, chain };
  } finally {
    await copy.close();
  }
}

export async function backupCommand(config: Config, file: string, opts: { force?: boolean }) {
  const r = await backupDatabase(config, file, opts);
  console.log(`备份完成 / backup written: ${r.file}`);
  console.log(`  大小 / size: ${formatBytes(r.bytes)} (${r.bytes} bytes)`);
  console.log(`  审计记录 / audit rows: ${r.auditRows}`);
  if (r.chain.ok) console.log(`  审计链完整 / audit chain intact (${r.chain.algorithm})`);
  else {
    console.error(
      `  警告：审计链在第 ${r.chain.firstBadSeq} 行断裂 / WARNING: audit chain broken at row ${r.chain.firstBadSeq}: ${r.chain.reason}`,
    );
    process.exitCode = 1;
  }
}
