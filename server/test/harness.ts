import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { Database, Engine } from '../src/platform/db/database.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { buildApp } from '../src/app.ts';
import { databaseUrl } from './templates.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];
export const ADMIN_PASSWORD = 'Admin@12345';

/**
 * A fresh database on the given engine: a temp file, or a new database in the test PostgreSQL. Empty,
 * or with `migrated` a copy of the run's migrated template (global-setup.ts, templates.ts).
 */
export async function freshDatabaseConfig(
  engine: Engine,
  { migrated = false }: { migrated?: boolean } = {},
): Promise<Config['database'] & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-test-'));
  const templates = inject('templates');
  if (engine === 'sqlite') {
    const file = path.join(dataDir, 'qinlian.db');
    if (migrated) fs.copyFileSync(templates.sqliteFile, file);
    return { engine, file, dataDir };
  }
  const admin = inject('postgresUrl');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${migrated ? ` TEMPLATE ${templates.postgresDatabase}` : ''}`);
  await client.end();
  return { engine, url: databaseUrl(admin, name), dataDir };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The configuration of a test server on a fresh database of `engine`: silent, no demo, responses held to their contracts. */
export async function testConfig(engine: Engine, overrides: Partial<Config> = {}, fresh: { migrated?: boolean } = {}): Promise<Config> {
  const { dataDir, ...database } = await freshDatabaseConfig(engine, fresh);
  return {
    ...loadConfig({}),
    dataDir,
    database: database as Config['database'],
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    seedDemo: false,
    verifyResponses: true,
    ...overrides,
  };
}

/** The real HTTP app on a fresh database of `engine`, with an injectable clock and a signed-in admin. */
export async function startTestApp(engine: Engine, overrides: Partial<Config> = {}) {
  const config = await testConfig(engine, overrides, { migrated: true });
  const db: Database = await prepareDatabase(config, () => {});
  const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));
  const app = await buildApp({ config, database: db, clock, logger: false });
  await app.ready();
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  return {
    app,
    db,
    config,
    clock,
    engine,
    admin,
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = {
  cookie: string;
  csrfToken: string;
  user: { id: string; username: string };
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
};

/** Sign in through the API and return a client that sends the cookie and CSRF header. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qinlian_session')!;
  const body = res.json() as { csrfToken: string; user: { id: string; username: string } };
  const header = `qinlian_session=${cookie.value}`;
  return {
    cookie: header,
    csrfToken: body.csrfToken,
    user: body.user,
    request: (opts) => app.inject({ ...opts, headers: { cookie: header, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) } }),
  };
}
