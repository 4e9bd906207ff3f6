import pg from 'pg';
import { startTestPostgres } from '../../server/test/postgres-server.ts';

/**
 * PostgreSQL for the bench, started like the tests start theirs (`server/test/postgres-server.ts`),
 * but persistent under bench/.data/pg so that generated datasets survive between runs, and with
 * durable commits (fsync on): the app's SQLite commits with synchronous=FULL, so should this.
 */
export async function startBenchPostgres(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) return { url: given, stop: async () => {} };
  return startTestPostgres({
    dataDir,
    settings: { max_connections: '200', shared_buffers: '1GB', work_mem: '16MB', maintenance_work_mem: '512MB', max_wal_size: '4GB' },
  });
}
export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function adminQuery<T extends pg.QueryResultRow = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
