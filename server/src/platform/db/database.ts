import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the root handle or an open transaction: repos accept both. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  engine: Engine;
  /** the raw better-sqlite3 handle, for online backup (SQLite only) */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
};

// COUNT(*) and int8 arrive as strings from pg: our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(config: Pick<Config, 'database'>): Database {
  const plugins = [new CamelCasePlugin()];
  if (config.database.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.database.url, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.database.file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the request is acknowledged (durability over a little speed).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
}
