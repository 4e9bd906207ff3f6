/**
 * The limit of this machine: a bare Fastify route per scenario that opens the same database with
 * the driver directly (better-sqlite3 or pg) and answers the scenario's equivalent SQL — no code of
 * ours (no auth hook, no zod, no Kysely, no services or presenters), and the bare side of the
 * door-board fan-out (runner/fanout-baseline.ts). Started by bench/run.ts:
 *
 *   BENCH_SQLITE_FILE=… | DATABASE_URL=postgres://…  PORT=…  npx tsx bench/baseline-server.ts
 */
import Fastify from 'fastify';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { loadScenarios } from './runner/scenarios.ts';
import { fanoutBaselineRoutes, pgFanoutStore, sqliteFanoutStore } from './runner/fanout-baseline.ts';

pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

const port = Number(process.env.PORT ?? 0);
const url = process.env.DATABASE_URL;
const scenarios = await loadScenarios();
const app = Fastify({ logger: false });

let close: () => Promise<void>;
if (url?.startsWith('postgres')) {
  const pool = new pg.Pool({ connectionString: url, max: 10 }); // the app's pool size
  close = () => pool.end();
  for (const s of scenarios)
    app.route({
      method: s.baseline.method,
      url: `/b/${s.name}`,
      handler: (req) => s.baseline.postgres(pool, { query: req.query as Record<string, string>, body: req.body }),
    });
  fanoutBaselineRoutes(app, pgFanoutStore(pool));
} else {
  const file = process.env.BENCH_SQLITE_FILE;
  if (!file) throw new Error('BENCH_SQLITE_FILE or DATABASE_URL is required');
  const db = new SqliteDatabase(file);
  // the app's pragmas (platform/db/database.ts): same durability
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  close = async () => {
    db.close();
  };
  for (const s of scenarios)
    app.route({
      method: s.baseline.method,
      url: `/b/${s.name}`,
      handler: async (req) => s.baseline.sqlite(db, { query: req.query as Record<string, string>, body: req.body }),
    });
  fanoutBaselineRoutes(app, sqliteFanoutStore(db));
}
app.get('/health', async () => ({ ok: true }));

const stop = async () => {
  await app.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port, host: '127.0.0.1' });
