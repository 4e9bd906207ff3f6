import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/** Where the run's migrated, otherwise empty databases are: a SQLite file and a PostgreSQL database name. */
export type Templates = { sqliteFile: string; postgresDatabase: string };

export const databaseUrl = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function adminQuery(adminUrl: string, query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/**
 * Migrating a new database took about 1 s on SQLite (most of it fsync) and 1.5–2.5 s on PostgreSQL,
 * and every `startTestApp` paid it, twice in most test files. The global setup migrates one of each
 * instead, and the harness copies it (a file copy; `CREATE DATABASE … TEMPLATE`). A copy is what
 * the migrations would have made, so the app's own start (`prepareDatabase`) finds nothing to
 * migrate and goes on as on a fresh database. Tests of migrating itself take an empty database
 * (`freshDatabaseConfig`).
 */
export async function makeTemplates(adminUrl: string): Promise<Templates & { drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-template-'));
  const sqliteFile = path.join(dir, 'template.db');
  const sqlite = openDatabase({ database: { engine: 'sqlite', file: sqliteFile } });
  await migrateToLatest(sqlite.db);
  await sqlite.close(); // the last connection folds the WAL into the file, so the file alone is the database
  if (fs.existsSync(`${sqliteFile}-wal`)) throw new Error(`the SQLite template kept its WAL: ${sqliteFile}-wal`);

  const postgresDatabase = `tmpl_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${postgresDatabase}`);
  const postgres = openDatabase({ database: { engine: 'postgres', url: databaseUrl(adminUrl, postgresDatabase) } });
  try {
    await migrateToLatest(postgres.db);
  } finally {
    await postgres.close(); // a template may have no open connection while it is copied
  }
  return {
    sqliteFile,
    postgresDatabase,
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      // on a server of one's own (DATABASE_URL) the template would otherwise stay behind
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${postgresDatabase}`).catch(() => undefined);
    },
  };
}
